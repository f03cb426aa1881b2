import type { Seasons } from './seasons.ts';

/**
 * Missing values (NaN) replaced causally so every method sees a complete series: the value one
 * day earlier when there is one, else the last value seen, else 0 at the very start. Only values
 * at or before each point are used, so filling never lets the future leak into a forecast.
 */
export function fillGaps(values: readonly number[] | Float64Array, seasons: Seasons): Float64Array {
  const out = new Float64Array(values.length);
  let last = NaN;
  for (let t = 0; t < values.length; t++) {
    const v = values[t] ?? NaN;
    if (Number.isFinite(v)) {
      out[t] = v;
      last = v;
      continue;
    }
    const dayBefore = seasons.daily > 0 && t >= seasons.daily ? out[t - seasons.daily] : NaN;
    out[t] = Number.isFinite(dayBefore) ? (dayBefore as number) : Number.isFinite(last) ? last : 0;
  }
  return out;
}

/** The first finite value's index, or the length when there is none. */
export function firstObserved(values: readonly number[] | Float64Array): number {
  for (let t = 0; t < values.length; t++) if (Number.isFinite(values[t] ?? NaN)) return t;
  return values.length;
}
