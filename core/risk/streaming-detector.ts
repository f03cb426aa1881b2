/**
 * An unsupervised, streaming early-warning detector for one metric series. It needs no labelled
 * history, so it gives warnings from a cluster's first hour; the supervised classifier takes
 * over once history exists. Every score depends only on the observations up to and including
 * its own (causal): it runs the same on a live stream and on an exported CSV.
 *
 * Two signals, both against an exponentially weighted baseline whose memory is measured in time
 * (not rows), so regular and irregular intervals behave alike:
 * - a spike: how many baseline deviations the value sits from the baseline mean;
 * - a drift: a one-sided CUSUM of the standardized difference between a fast and the slow mean,
 *   which grows on a steady ramp (a leak, a filling disk) long before any single value is odd.
 */

export interface DetectorOptions {
  /** Memory of the baseline mean and spread, seconds (default 1 h). */
  baselineSeconds?: number;
  /** Memory of the fast mean the drift compares, seconds (default 5 min). */
  fastSeconds?: number;
  /** Valid observations before any score above 0 (default 30). */
  warmupObservations?: number;
  /**
   * A gap longer than this many typical intervals (and at least `minGapSeconds`) restarts the
   * warm-up: what was learnt before an outage says little about what comes after (default 20).
   */
  gapIntervals?: number;
  minGapSeconds?: number;
}

const DEFAULTS = {
  baselineSeconds: 3600,
  fastSeconds: 300,
  warmupObservations: 30,
  gapIntervals: 20,
  minGapSeconds: 3600,
} as const;

/**
 * The drift signal is the fast mean's distance from the baseline, in units of how far apart the
 * two usually are on this series (learnt over `shiftSeconds`): a daily load curve moves them
 * apart every day and is not an anomaly; a leak moves them further than the day ever does.
 * Drifts under the slack never accumulate, and the sum leaks away over `driftLeakSeconds`.
 */
const DRIFT_SLACK = 3;
const DRIFT_SCALE = 3;
const DRIFT_LEAK_SECONDS = 1800;
const SHIFT_SECONDS = 24 * 3600;
/** Spikes within this many deviations are ordinary noise and score 0. */
const SPIKE_FLOOR = 4;
const SPIKE_SCALE = 4;
/**
 * The smallest spread, relative to the level, ever assumed: on a constant series a change of a
 * fraction of a percent is not an anomaly, and a spread of 0 would make every change infinite.
 */
const RELATIVE_SPREAD_FLOOR = 0.01;
const ABSOLUTE_SPREAD_FLOOR = 1e-9;

export interface DetectorState {
  readonly observations: number;
  readonly mean: number;
  readonly deviation: number;
  readonly drift: number;
}

export class StreamingDetector {
  private readonly options: Required<DetectorOptions>;
  private lastTime: number | undefined;
  private lastScore = 0;
  private count = 0;
  private mean = 0;
  private variance = 0;
  private fastMean = 0;
  private shiftVariance = 0;
  private drift = 0;
  /** A smoothed typical interval between observations, seconds. */
  private interval: number | undefined;

  constructor(options: DetectorOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /**
   * Scores one observation. `value` undefined (an empty cell, NaN) is a missing observation: it
   * changes nothing and repeats the previous score, as a live system keeps its last alarm state
   * while a metric is briefly unavailable. `timeSeconds` must not go backwards (callers check).
   */
  update(timeSeconds: number, value: number | undefined): number {
    const dt = this.lastTime === undefined ? 0 : Math.max(0, timeSeconds - this.lastTime);
    if (value === undefined || !Number.isFinite(value)) return this.lastScore;
    if (this.lastTime !== undefined && this.isGap(dt)) this.restart();
    if (dt > 0) this.interval = this.interval === undefined ? dt : this.interval + 0.1 * (dt - this.interval);
    this.lastTime = timeSeconds;
    this.lastScore = this.observe(dt, value);
    return this.lastScore;
  }

  get state(): DetectorState {
    return {
      observations: this.count,
      mean: this.mean,
      deviation: this.spread(),
      drift: this.drift,
    };
  }

  private isGap(dt: number): boolean {
    const typical = this.interval ?? dt;
    return dt > Math.max(this.options.minGapSeconds, this.options.gapIntervals * typical);
  }

  private restart(): void {
    this.count = 0;
    this.drift = 0;
    this.shiftVariance = 0;
    this.interval = undefined;
  }

  private spread(): number {
    return Math.max(
      Math.sqrt(this.variance),
      RELATIVE_SPREAD_FLOOR * Math.abs(this.mean),
      ABSOLUTE_SPREAD_FLOOR,
    );
  }

  private observe(dt: number, value: number): number {
    if (this.count === 0) {
      this.mean = value;
      this.fastMean = value;
      this.variance = 0;
      this.count = 1;
      return 0;
    }
    // Rows with the same timestamp still count, as a tenth of a typical interval.
    const step = dt > 0 ? dt : 0.1 * (this.interval ?? 1);
    const slow = 1 - Math.exp(-step / this.options.baselineSeconds);
    // While warming up the baseline learns fast (plain running averages) so it settles quickly.
    const slowRate =
      this.count < this.options.warmupObservations ? Math.max(slow, 1 / (this.count + 1)) : slow;
    const fastRate = Math.max(1 - Math.exp(-step / this.options.fastSeconds), slowRate);
    const sigma = this.spread();
    const residual = value - this.mean;
    const spike = Math.abs(residual) / sigma;
    this.fastMean += fastRate * (value - this.fastMean);
    const shift = this.fastMean - this.mean;
    const shiftRate = Math.max(1 - Math.exp(-step / SHIFT_SECONDS), 1 / (this.count + 1));
    // Never less than half the noise: a shift inside the noise is no drift, however still the series.
    const shiftSpread = Math.max(Math.sqrt(this.shiftVariance), 0.5 * sigma);
    const z = Math.abs(shift) / shiftSpread;
    const weight = Math.min(1, step / this.options.fastSeconds);
    this.drift = Math.max(0, this.drift * Math.exp(-step / DRIFT_LEAK_SECONDS) + weight * (z - DRIFT_SLACK));
    this.shiftVariance += shiftRate * (shift * shift - this.shiftVariance);
    // The baseline absorbs the value after it was judged against it.
    this.mean += slowRate * residual;
    this.variance = (1 - slowRate) * (this.variance + slowRate * residual * residual);
    this.count++;
    if (this.count <= this.options.warmupObservations) return 0;
    return combine(spike, this.drift);
  }
}

/** Maps the two signals to [0, 1]: 0 for ordinary noise, approaching 1 for the extreme. */
function combine(spike: number, drift: number): number {
  const spikeScore = 1 - Math.exp(-Math.max(0, spike - SPIKE_FLOOR) / SPIKE_SCALE);
  const driftScore = 1 - Math.exp(-drift / DRIFT_SCALE);
  const score = Math.max(spikeScore, driftScore);
  return Math.min(1, Math.max(0, score));
}
