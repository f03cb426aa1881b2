import type { ForecastCandidate } from './candidate.ts';
import type { Seasons } from './seasons.ts';

/**
 * Seasonal naive: tomorrow at 10:00 looks like today at 10:00 (or last week's, for the weekly
 * one). The yardstick every other method must beat; with no season it repeats the last value.
 */
export function seasonalNaive(season: 'daily' | 'weekly'): ForecastCandidate {
  const periodOf = (seasons: Seasons) => (season === 'daily' ? seasons.daily : seasons.weekly) || 1;
  return {
    name: `seasonal-naive-${season}`,
    description: `repeats the value one ${season === 'daily' ? 'day' : 'week'} earlier`,
    rolling(values, horizon, seasons) {
      const m = periodOf(seasons);
      const back = m * Math.ceil(horizon / m);
      const out = new Float64Array(values.length).fill(NaN);
      for (let t = 0; t < values.length; t++) {
        const source = t + horizon - back;
        if (source >= 0) out[t] = values[source] ?? NaN;
      }
      return out;
    },
    path(values, steps, seasons) {
      const m = periodOf(seasons);
      const n = values.length;
      const out = new Float64Array(steps).fill(NaN);
      for (let k = 1; k <= steps; k++) {
        const source = n - 1 + k - m * Math.ceil(k / m);
        if (source >= 0) out[k - 1] = values[source] ?? NaN;
      }
      return out;
    },
  };
}

/** The last value seen: the only method that can speak after one value. */
export const lastValue: ForecastCandidate = {
  name: 'last-value',
  description: 'repeats the latest value',
  rolling: (values) => Float64Array.from(values),
  path: (values, steps) => new Float64Array(steps).fill(values[values.length - 1] ?? NaN),
};
