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
    // Only a change of section rewrites the hash: what follows the section (a node on
    // `#/risk/node-03`) belongs to that section and stays.
    const stop = navigation.subscribe((state) => {
      if (sectionFromHash(window.location.hash) !== state.section)
        window.location.hash = hashFor(state.section);
    });
    return () => {
      window.removeEventListener('hashchange', follow);
      stop();
    };
  }, [navigation]);
}
