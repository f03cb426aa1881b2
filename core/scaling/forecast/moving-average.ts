import type { ForecastCandidate } from './candidate.ts';

/**
 * The mean of the last `steps` values: a short smoothed level. At one-minute steps a load's next
 * minute is its current level plus noise, and averaging the last few minutes takes some of that
 * noise out of the level that last-value repeats, so the errors — and the bands built from
 * them — are narrower. It has no season and no trend: for minutes ahead, not hours.
 */
export function movingAverage(steps: number): ForecastCandidate {
  const k = Math.max(1, Math.floor(steps));
  return {
    name: `moving-average-${k}`,
    description: `repeats the mean of the latest ${k} values`,
    rolling(values) {
      const out = new Float64Array(values.length).fill(NaN);
      let sum = 0;
      for (let t = 0; t < values.length; t++) {
        sum += values[t] ?? 0;
        if (t >= k) sum -= values[t - k] ?? 0;
        if (t >= k - 1) out[t] = sum / k;
      }
      return out;
    },
    path(values, steps) {
      const n = values.length;
      let sum = 0;
      for (let t = Math.max(0, n - k); t < n; t++) sum += values[t] ?? 0;
      return new Float64Array(steps).fill(n >= k ? sum / k : NaN);
    },
  };
}
