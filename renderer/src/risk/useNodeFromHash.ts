import { useEffect } from 'react';
import { nodeFromHash } from '../sections.ts';

/** Opens the node a `#/risk/<node>` hash names: on arrival (a reload, a shared link) and on back/forward. */
export function useNodeFromHash(select: (node: string) => void): void {
  useEffect(() => {
    const follow = () => {
      const node = nodeFromHash(window.location.hash);
      if (node) select(node);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [select]);
}
