import { useEffect } from 'react';
import { hashFor, sectionFromHash } from '../sections.ts';
import type { NavigationStore } from '../stores/navigationStore.ts';

/**
 * Keeps the navigation store and the URL hash in step, so reload and back/forward keep the
 * section. The hash is the source of truth; the store follows it.
 */
export function useHashNavigation(navigation: NavigationStore): void {
  useEffect(() => {
    const follow = () => navigation.getState().show(sectionFromHash(window.location.hash));
    follow();
    window.addEventListener('hashchange', follow);
    const stop = navigation.subscribe((state) => {
      const hash = hashFor(state.section);
      if (window.location.hash !== hash) window.location.hash = hash;
    });
    return () => {
      window.removeEventListener('hashchange', follow);
      stop();
    };
  }, [navigation]);
}
