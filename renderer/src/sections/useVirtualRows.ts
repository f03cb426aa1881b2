import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { sameRange, visibleRange, type RowRange } from '../format/virtualRange.ts';

export interface VirtualRows {
  containerRef: RefObject<HTMLDivElement | null>;
  onScroll: () => void;
  range: RowRange;
}

/**
 * Tracks which rows of a scroll container are on screen. State changes only when the range
 * does, so scrolling within a row re-renders nothing.
 */
export function useVirtualRows(count: number, rowHeight: number, overscan = 8): VirtualRows {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [range, setRange] = useState<RowRange>({ start: 0, end: 0 });

  const update = useCallback(() => {
    const element = containerRef.current;
    if (!element) return;
    const next = visibleRange(element.scrollTop, element.clientHeight, rowHeight, count, overscan);
    setRange((previous) => (sameRange(previous, next) ? previous : next));
  }, [count, rowHeight, overscan]);

  // Before paint, so a new filter never shows a frame of stale rows.
  useLayoutEffect(update, [update]);

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [update]);

  return { containerRef, onScroll: update, range };
}
