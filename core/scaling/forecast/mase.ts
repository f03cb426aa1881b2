/**
 * Mean absolute scaled error (Hyndman & Koehler 2006): the forecast's mean absolute error over
 * an evaluation range divided by the in-sample mean absolute error of the seasonal naive method
 * on the data before it. Below 1: better than repeating last season's value in-sample.
 */
export function seasonalNaiveScale(values: ArrayLike<number>, end: number, period: number): number {
  const m = Math.max(1, period);
  let sum = 0;
  let count = 0;
  for (let t = m; t < end; t++) {
    const a = values[t] ?? NaN;
    const b = values[t - m] ?? NaN;
    if (Number.isFinite(a) && Number.isFinite(b)) {
      sum += Math.abs(a - b);
      count++;
    }
  }
  return count > 0 ? sum / count : NaN;
}

/** MAE of `made[t − horizon]` against `actual[t]` for t in [from, to), skipping gaps. */
export function meanAbsoluteError(
  actual: ArrayLike<number>,
  made: ArrayLike<number>,
  horizon: number,
  from: number,
  to: number,
): number {
  let sum = 0;
  let count = 0;
  for (let t = Math.max(from, horizon); t < to; t++) {
    const a = actual[t] ?? NaN;
    const f = made[t - horizon] ?? NaN;
    if (Number.isFinite(a) && Number.isFinite(f)) {
      sum += Math.abs(a - f);
      count++;
    }
  }
  return count > 0 ? sum / count : NaN;
}
