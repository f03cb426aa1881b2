/** Pure geometry for the node page's time charts (tested without a DOM). */
export interface TimePoint {
  at: number;
  value: number | null;
}

export interface TimeAxis {
  from: number;
  to: number;
  width: number;
}

export function xOf(axis: TimeAxis, at: number): number {
  const span = Math.max(1, axis.to - axis.from);
  return ((at - axis.from) / span) * axis.width;
}

/** SVG polyline points for values in [low, high]; unknown values break nothing, they are skipped. */
export function linePoints(
  points: readonly TimePoint[],
  axis: TimeAxis,
  height: number,
  low: number,
  high: number,
): string {
  const span = Math.max(1e-9, high - low);
  return points
    .filter((p): p is { at: number; value: number } => p.value !== null && Number.isFinite(p.value))
    .map((p) => {
      const y = height - ((Math.min(high, Math.max(low, p.value)) - low) / span) * height;
      return `${xOf(axis, p.at).toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/** The axis spanning every time given, or the last hour when there is nothing. */
export function axisFor(times: readonly number[], width: number, now = Date.now()): TimeAxis {
  const finite = times.filter(Number.isFinite);
  if (finite.length === 0) return { from: now - 3_600_000, to: now, width };
  const from = Math.min(...finite);
  const to = Math.max(...finite);
  return { from, to: to > from ? to : from + 60_000, width };
}
