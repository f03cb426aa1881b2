import type { Seasons } from './seasons.ts';

/**
 * A forecasting method as the rolling backtest and the CLI use it: for every time t of a regular
 * series it forecasts the value `horizon` steps later using only the values up to and including
 * t — exactly what it would have said live. Causal by construction, so appending values never
 * changes an earlier forecast.
 */
export interface ForecastCandidate {
  readonly name: string;
  /** One line for people: what the method assumes. */
  readonly description: string;
  /**
   * `out[t]` forecasts `values[t + horizon]` from `values[0..t]`; NaN where there is not
   * enough history yet. `values` has no gaps (see fillGaps).
   */
  rolling(values: Float64Array, horizon: number, seasons: Seasons): Float64Array | Promise<Float64Array>;
  /** Forecasts of the `steps` values after the end of `values`, when the method can extrapolate. */
  path?(values: Float64Array, steps: number, seasons: Seasons): Float64Array;
}
