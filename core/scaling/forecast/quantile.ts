/** The q-quantile (0..1) of already sorted numbers, linearly interpolated; NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = Math.min(Math.max(q, 0), 1) * (n - 1);
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  const a = sorted[below] ?? NaN;
  const b = sorted[above] ?? NaN;
  return a + (b - a) * (position - below);
}

export function quantile(values: readonly number[], q: number): number {
  return quantileSorted(
    [...values].filter(Number.isFinite).sort((x, y) => x - y),
    q,
  );
}
