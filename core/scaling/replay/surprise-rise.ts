/**
 * A rise the forecast did not see coming: when the observed load of a step is above the upper
 * quantile forecast for it (made one step earlier) and above the previous step's load, the rise
 * is taken to go on for one more step at the same rate. Ramps and bursts keep rising for several
 * steps, and a forecaster that learns from the past lags them by a step or more; noise within
 * the forecast's band, or a load already falling, does not trigger it.
 */
export class SurpriseRise {
  private readonly observed = new Map<number, number>();

  /** `upperNext[t]`: the upper quantile forecast of the load at t + 1, made at t. */
  constructor(private readonly upperNext: Float64Array) {}

  /** Records the load of `step`; later syncs of the same step keep the first. */
  observe(step: number, loadMillis: number): void {
    if (this.observed.has(step)) return;
    this.observed.set(step, loadMillis);
    this.observed.delete(step - 2);
  }

  /** The load to prepare for at step + 1 if the rise at `step` was a surprise, otherwise NaN. */
  next(step: number): number {
    const now = this.observed.get(step);
    const before = this.observed.get(step - 1);
    const upper = this.upperNext[step - 1] ?? NaN;
    if (now === undefined || before === undefined || !(now > upper) || !(now > before)) return NaN;
    return now + (now - before);
  }
}
