/** A point of the chart: observed (`v`) or forecast (`v` with its band `lo`–`hi`). */
export interface ChartPoint {
  at: number;
  v: number | null;
  lo?: number | null;
  hi?: number | null;
}

export interface ChartSpan {
  t0: number;
  t1: number;
  /** The top of the value axis, with 10% headroom; 1 when every value is 0. */
  top: number;
  /** Whether any forecast point has a value: without one the chart is history only. */
  hasForecast: boolean;
}

const drawn = (p: ChartPoint) => p.v !== null || (p.hi ?? null) !== null;

/**
 * The time and value span of the forecast chart: only points that will be drawn count, so a
 * forecast of nulls (too little history for its method) does not squeeze the observed line into
 * a corner of an empty week. Undefined when there is nothing to draw.
 */
export function forecastSpan(
  observed: readonly ChartPoint[],
  ahead: readonly ChartPoint[],
): ChartSpan | undefined {
  const shown = [...observed.filter(drawn), ...ahead.filter(drawn)];
  if (shown.length < 2) return undefined;
  const times = shown.map((p) => p.at);
  const values = shown.flatMap((p) => [p.v, p.hi ?? null]).filter((v): v is number => v !== null);
  return {
    t0: Math.min(...times),
    t1: Math.max(...times),
    top: Math.max(...values) * 1.1 || 1,
    hasForecast: ahead.some(drawn),
  };
}

/** A time on the chart's axis relative to now: "now", "−6 h", "+30 min". */
export function relativeTime(at: number, now: number): string {
  const minutes = Math.round((at - now) / 60_000);
  if (minutes === 0) return 'now';
  const sign = minutes < 0 ? '−' : '+';
  const size = Math.abs(minutes);
  if (size < 120) return `${sign}${size} min`;
  const hours = size / 60;
  return `${sign}${hours < 48 ? Math.round(hours) : Math.round(hours / 24)} ${hours < 48 ? 'h' : 'd'}`;
}
