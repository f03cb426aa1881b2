export interface RowRange {
  /** First row to render (inclusive). */
  start: number;
  /** Row after the last one to render (exclusive). */
  end: number;
}

/**
 * Which rows of a fixed-row-height list to render: those intersecting the viewport plus
 * `overscan` on each side, so a fast scroll does not flash empty space before React catches up.
 */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan: number,
): RowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const height = Math.max(0, viewportHeight);
  const firstVisible = Math.min(count - 1, Math.floor(top / rowHeight));
  const lastVisible = Math.min(count - 1, Math.ceil((top + height) / rowHeight) - 1);
  const pad = Math.max(0, Math.floor(overscan));
  return {
    start: Math.max(0, firstVisible - pad),
    end: Math.min(count, Math.max(firstVisible, lastVisible) + 1 + pad),
  };
}

export function sameRange(a: RowRange, b: RowRange): boolean {
  return a.start === b.start && a.end === b.end;
}
