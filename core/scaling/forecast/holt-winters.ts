import type { ForecastCandidate } from './candidate.ts';
import type { Seasons } from './seasons.ts';

/**
 * Exponential smoothing with a damped trend and two additive seasons (Taylor's double-seasonal
 * Holt-Winters, error-correction form): level + trend + a daily profile + a weekly correction,
 * each nudged by the one-step error. The weekly correction learns what the daily profile misses
 * (quiet weekends) after the first week.
 *
 * Smoothing weights are chosen by grid search at checkpoints (2 days of data, then each time the
 * history doubles) using only the data before the checkpoint, so the method stays causal.
 */
export interface HoltWintersParams {
  /** Level weight. */
  alpha: number;
  /** Trend weight. */
  beta: number;
  /** Trend damping per step. */
  phi: number;
  /** Daily season weight. */
  delta: number;
  /** Weekly season weight. */
  omega: number;
}

export const DEFAULT_HW_PARAMS: HoltWintersParams = {
  alpha: 0.1,
  beta: 0.001,
  phi: 0.98,
  delta: 0.1,
  omega: 0.1,
};

const GRID: readonly HoltWintersParams[] = [0.02, 0.1, 0.3].flatMap((alpha) =>
  [0.05, 0.2].flatMap((delta) =>
    [0.05, 0.3].map((omega) => ({ alpha, beta: 0.001, phi: 0.98, delta, omega })),
  ),
);

/** Runs the filter over values[0..end) and calls `emit(t, forecastOf(t + horizon))` for each t. */
function runFilter(
  values: Float64Array,
  end: number,
  horizon: number,
  seasons: Seasons,
  p: HoltWintersParams,
  emit: (t: number, forecast: number) => void,
): { level: number; trend: number; daily: Float64Array; weekly: Float64Array } {
  const m1 = seasons.daily > 1 ? seasons.daily : 1;
  const m2 = seasons.weekly > 1 ? seasons.weekly : 1;
  const daily = new Float64Array(m1);
  const weekly = new Float64Array(m2);
  // The first day sets the level and the daily profile; nothing is said before it is complete, so
  // the output never depends on how long the series is.
  const warm = m1;
  let level = 0;
  if (end < warm) return { level, trend: 0, daily, weekly };
  for (let i = 0; i < warm; i++) level += values[i] ?? 0;
  level /= warm;
  if (m1 > 1) for (let i = 0; i < warm; i++) daily[i] = (values[i] ?? 0) - level;
  let trend = 0;
  // Damping sum for the horizon: phi + phi^2 + ... + phi^h.
  let damp = 0;
  for (let i = 1, f = p.phi; i <= horizon; i++, f *= p.phi) damp += f;
  for (let t = 0; t < end; t++) {
    const x = values[t] ?? 0;
    if (t >= warm) {
      const d = daily[t % m1] ?? 0;
      const w = weekly[t % m2] ?? 0;
      const predicted = level + p.phi * trend + d + w;
      const error = x - predicted;
      level = level + p.phi * trend + p.alpha * error;
      trend = p.phi * trend + p.beta * error;
      if (m1 > 1) daily[t % m1] = d + p.delta * error;
      if (m2 > 1) weekly[t % m2] = w + p.omega * error;
    }
    if (t >= warm - 1) {
      const target = t + horizon;
      emit(t, level + damp * trend + (daily[target % m1] ?? 0) + (weekly[target % m2] ?? 0));
    }
  }
  return { level, trend, daily, weekly };
}

function meanAbsoluteError(
  values: Float64Array,
  end: number,
  horizon: number,
  seasons: Seasons,
  p: HoltWintersParams,
) {
  let sum = 0;
  let count = 0;
  runFilter(values, end - horizon, horizon, seasons, p, (t, f) => {
    const actual = values[t + horizon];
    if (actual !== undefined) {
      sum += Math.abs(actual - f);
      count++;
    }
  });
  return count > 0 ? sum / count : Infinity;
}

/** The grid's best weights on values[0..end), or the defaults while there is too little data. */
export function fitHoltWinters(
  values: Float64Array,
  end: number,
  horizon: number,
  seasons: Seasons,
): HoltWintersParams {
  let best = DEFAULT_HW_PARAMS;
  let bestError = meanAbsoluteError(values, end, horizon, seasons, best);
  for (const p of GRID) {
    const error = meanAbsoluteError(values, end, horizon, seasons, p);
    if (error < bestError) [best, bestError] = [p, error];
  }
  return best;
}

/** Where the weights are refitted: after two days (or 48 steps) of data, then at each doubling. */
export function checkpoints(length: number, seasons: Seasons): number[] {
  const first = Math.max(48, 2 * seasons.daily);
  const points: number[] = [];
  for (let c = first; c < length; c *= 2) points.push(c);
  return points;
}

export const holtWinters: ForecastCandidate = {
  name: 'holt-winters',
  description: 'smoothed level and damped trend plus a daily profile and a weekly correction',
  rolling(values, horizon, seasons) {
    const out = new Float64Array(values.length).fill(NaN);
    const bounds = [0, ...checkpoints(values.length, seasons), values.length];
    let params = DEFAULT_HW_PARAMS;
    for (let k = 0; k + 1 < bounds.length; k++) {
      const from = bounds[k] ?? 0;
      const to = bounds[k + 1] ?? values.length;
      if (k > 0) params = fitHoltWinters(values, from, horizon, seasons);
      runFilter(values, to, horizon, seasons, params, (t, f) => {
        if (t >= from) out[t] = f;
      });
    }
    return out;
  },
  path(values, steps, seasons) {
    const params = fitHoltWinters(values, values.length, 1, seasons);
    const state = runFilter(values, values.length, 1, seasons, params, () => undefined);
    const m1 = state.daily.length;
    const m2 = state.weekly.length;
    const out = new Float64Array(steps);
    let damp = 0;
    for (let k = 1, f = params.phi; k <= steps; k++, f *= params.phi) {
      damp += f;
      const target = values.length - 1 + k;
      out[k - 1] =
        state.level + damp * state.trend + (state.daily[target % m1] ?? 0) + (state.weekly[target % m2] ?? 0);
    }
    return out;
  },
};
