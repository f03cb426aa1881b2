import type { ForecastCandidate } from './candidate.ts';
import { fillGaps } from './fill-gaps.ts';
import { quantileSorted } from './quantile.ts';
import type { Seasons } from './seasons.ts';

/**
 * Live model selection with prediction intervals: at each time t, the method whose forecasts
 * that have already come due (made at s − horizon, compared with the value at s ≤ t) were the
 * most accurate over the trailing window gives the forecast, and the interval is that method's
 * own recent signed errors at the chosen coverage. Everything at t uses only values up to t.
 * Ranking by mean absolute error is ranking by MASE: the scale is common to all methods.
 */
export interface RollingForecast {
  readonly candidates: readonly string[];
  /** Forecast of value[t + horizon] made at t; NaN where no method had enough history. */
  readonly forecast: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** The forecast's one-sided quantiles asked for in `quantiles`, in that order (NaN as upper). */
  readonly quantiles: readonly Float64Array[];
  /** Index into `candidates` of the method used at t, −1 where none. */
  readonly chosen: Int16Array;
  /** Every method's own rolling forecasts, for backtests. */
  readonly byCandidate: readonly Float64Array[];
}

export interface SelectionOptions {
  /** Central coverage of the interval, 0..1 (default 0.9). */
  coverage?: number;
  /** Trailing window of matured errors, steps (default two days, or 96 steps without seasons). */
  window?: number;
  /**
   * Intervals from relative errors (actual ÷ forecast) instead of differences: right for load,
   * whose noise grows with its level (narrow bands at night, wide at the peak). Needs positive
   * forecasts; falls back to differences where there are none.
   */
  relative?: boolean;
  /**
   * First step that needs a forecast (default 0). Earlier steps stay NaN, but their errors still
   * count, so every step from here on is exactly what a run from 0 gives: replays that score
   * only the last week skip the interval work on the weeks before it.
   */
  from?: number;
  /**
   * One-sided quantiles (0..1) of the value `horizon` steps ahead to return besides the interval,
   * from the same errors: sizing to "the load exceeds this 1 time in 10" is the 0.9 quantile.
   */
  quantiles?: readonly number[];
}

export async function rollingSelect(
  observed: readonly number[] | Float64Array,
  horizon: number,
  seasons: Seasons,
  candidates: readonly ForecastCandidate[],
  options: SelectionOptions = {},
): Promise<RollingForecast> {
  const n = observed.length;
  const coverage = options.coverage ?? 0.9;
  const window = Math.max(8, options.window ?? (seasons.daily > 0 ? 2 * seasons.daily : 96));
  const filled = fillGaps(observed, seasons);
  const byCandidate: Float64Array[] = [];
  for (const c of candidates) byCandidate.push(await c.rolling(filled, horizon, seasons));

  const forecast = new Float64Array(n).fill(NaN);
  const lower = new Float64Array(n).fill(NaN);
  const upper = new Float64Array(n).fill(NaN);
  const chosen = new Int16Array(n).fill(-1);
  const C = candidates.length;
  // Signed error of candidate c that matured at s (NaN when the value was missing).
  const residual = byCandidate.map(() => new Float64Array(n).fill(NaN));
  const absSum = new Float64Array(C);
  const count = new Int32Array(C);
  const refresh = Math.max(1, Math.floor(window / 48));
  const levels = options.quantiles ?? [];
  const quantiles = levels.map(() => new Float64Array(n).fill(NaN));
  const bands: Band[] = candidates.map(() => ({ lo: NaN, hi: NaN, at: [] }));
  const tail = (1 - coverage) / 2;
  const relative = options.relative ?? false;
  const ratio = relative ? byCandidate.map(() => new Float64Array(n).fill(NaN)) : [];
  const from = Math.max(0, Math.floor(options.from ?? 0));

  for (let t = 0; t < n; t++) {
    const actual = observed[t] ?? NaN;
    for (let c = 0; c < C; c++) {
      const made = t - horizon >= 0 ? (byCandidate[c]?.[t - horizon] ?? NaN) : NaN;
      const r = Number.isFinite(actual) && Number.isFinite(made) ? actual - made : NaN;
      (residual[c] as Float64Array)[t] = r;
      if (relative && made > 0 && Number.isFinite(actual)) (ratio[c] as Float64Array)[t] = actual / made;
      if (Number.isFinite(r)) {
        absSum[c] = (absSum[c] ?? 0) + Math.abs(r);
        count[c] = (count[c] ?? 0) + 1;
      }
      const leaving = t - window;
      const old = leaving >= 0 ? (residual[c]?.[leaving] ?? NaN) : NaN;
      if (Number.isFinite(old)) {
        absSum[c] = (absSum[c] ?? 0) - Math.abs(old);
        count[c] = (count[c] ?? 0) - 1;
      }
      // Bands are refreshed every `refresh` steps; the first step scored gets the band of the
      // last refresh before it, as a run from 0 would have.
      if (t >= from && (t % refresh === 0 || t === from))
        bands[c] = band(
          (relative ? ratio[c] : residual[c]) as Float64Array,
          t - (t % refresh),
          window,
          tail,
          levels,
        );
    }
    if (t < from) continue;
    let best = -1;
    let bestError = Infinity;
    for (let c = 0; c < C; c++) {
      if (!Number.isFinite(byCandidate[c]?.[t] ?? NaN) || (count[c] ?? 0) < window / 4) continue;
      const mae = (absSum[c] ?? 0) / (count[c] ?? 1);
      if (mae < bestError) [best, bestError] = [c, mae];
    }
    if (best < 0) best = byCandidate.findIndex((out) => Number.isFinite(out[t] ?? NaN));
    if (best < 0) continue;
    const f = byCandidate[best]?.[t] ?? NaN;
    chosen[t] = best;
    forecast[t] = f;
    const b = bands[best];
    if (b && Number.isFinite(b.lo)) {
      lower[t] = relative ? f * b.lo : f + b.lo;
      upper[t] = relative ? f * b.hi : f + b.hi;
      b.at.forEach((q, i) => ((quantiles[i] as Float64Array)[t] = relative ? f * q : f + q));
    }
  }
  return {
    candidates: candidates.map((c) => c.name),
    forecast,
    lower,
    upper,
    quantiles,
    chosen,
    byCandidate,
  };
}

interface Band {
  lo: number;
  hi: number;
  /** The errors' quantiles at the levels asked for. */
  at: number[];
}

function band(
  residuals: Float64Array,
  t: number,
  window: number,
  tail: number,
  levels: readonly number[],
): Band {
  const recent: number[] = [];
  for (let s = Math.max(0, t - window + 1); s <= t; s++) {
    const r = residuals[s] ?? NaN;
    if (Number.isFinite(r)) recent.push(r);
  }
  if (recent.length < 8) return { lo: NaN, hi: NaN, at: [] };
  recent.sort((a, b) => a - b);
  return {
    lo: quantileSorted(recent, tail),
    hi: quantileSorted(recent, 1 - tail),
    at: levels.map((q) => quantileSorted(recent, q)),
  };
}
