/**
 * A node's samples as the risk features read them, one row per sample, all metrics interleaved
 * in one growable Float64Array. Row r holds the prefix sums over samples 0..r−1 (row 0 is the
 * empty prefix) and sample r−1's own values, so a window's statistics are a difference of two
 * rows. Interleaved because a prediction round reads a few rows of 5,000 nodes: with one array
 * per column every value was a cache miss, with rows a window costs two or three cache lines.
 */

/** Per metric: count of valid samples, Σy, Σy², Σt, Σt², Σty (t in hours from the origin). */
const SUMS = 6;

/** Count, mean, standard deviation and least-squares slope (per hour) of a window's valid samples. */
export class WindowStats {
  count = 0;
  mean = 0;
  std = 0;
  slope = 0;
}

/**
 * Row layout, for `metrics` metrics: their prefix sums (SUMS each), then each one's value, then
 * each one's detector score, then the pods.
 */
export class SampleRows {
  private readonly level: number;
  private readonly detectorAt: number;
  private readonly podsAt: number;
  private readonly stride: number;
  private data: Float64Array;
  /** Samples appended (rows in use: one more). */
  private samples = 0;

  constructor(private readonly metrics: number) {
    this.level = metrics * SUMS;
    this.detectorAt = this.level + metrics;
    this.podsAt = this.detectorAt + metrics;
    this.stride = this.podsAt + 1;
    this.data = new Float64Array(this.stride * 64);
  }

  get length(): number {
    return this.samples;
  }

  /**
   * Appends a sample: each metric's value as a fraction (NaN when unknown: the windows skip
   * it), its detector score, and the pods as a fraction of capacity.
   */
  push(tHours: number, values: ArrayLike<number>, detectorScores: ArrayLike<number>, pods: number): void {
    const previous = this.samples * this.stride;
    const row = previous + this.stride;
    if (row + this.stride > this.data.length) this.grow();
    const d = this.data;
    for (let m = 0; m < this.metrics; m++) {
      const value = values[m] as number;
      const valid = Number.isFinite(value);
      const v = valid ? value : 0;
      const c = valid ? 1 : 0;
      const p = previous + m * SUMS;
      const o = row + m * SUMS;
      d[o] = (d[p] as number) + c;
      d[o + 1] = (d[p + 1] as number) + v;
      d[o + 2] = (d[p + 2] as number) + v * v;
      d[o + 3] = (d[p + 3] as number) + c * tHours;
      d[o + 4] = (d[p + 4] as number) + c * tHours * tHours;
      d[o + 5] = (d[p + 5] as number) + c * tHours * v;
      d[row + this.level + m] = value;
      d[row + this.detectorAt + m] = detectorScores[m] as number;
    }
    d[row + this.podsAt] = pods;
    this.samples++;
  }

  /** Metric `m`'s stats over samples [from, to] (inclusive indexes), written into `out`. */
  window(m: number, from: number, to: number, out: WindowStats): WindowStats {
    const d = this.data;
    const hi = (to + 1) * this.stride + m * SUMS;
    const lo = from * this.stride + m * SUMS;
    const count = (d[hi] as number) - (d[lo] as number);
    out.count = count;
    if (count === 0) {
      out.mean = 0;
      out.std = 0;
      out.slope = 0;
      return out;
    }
    const mean = ((d[hi + 1] as number) - (d[lo + 1] as number)) / count;
    const variance = Math.max(0, ((d[hi + 2] as number) - (d[lo + 2] as number)) / count - mean * mean);
    const tMean = ((d[hi + 3] as number) - (d[lo + 3] as number)) / count;
    const tVar = ((d[hi + 4] as number) - (d[lo + 4] as number)) / count - tMean * tMean;
    const ty = ((d[hi + 5] as number) - (d[lo + 5] as number)) / count;
    out.mean = mean;
    out.std = Math.sqrt(variance);
    out.slope = count > 1 && tVar > 1e-12 ? (ty - tMean * mean) / tVar : 0;
    return out;
  }

  /** Metric `m`'s valid samples in [from, to]. */
  validIn(m: number, from: number, to: number): number {
    const d = this.data;
    return (d[(to + 1) * this.stride + m * SUMS] as number) - (d[from * this.stride + m * SUMS] as number);
  }

  /** Metric `m`'s value at sample `i` (NaN when it was unknown). */
  value(m: number, i: number): number {
    return this.data[(i + 1) * this.stride + this.level + m] as number;
  }

  /** Metric `m`'s streaming-detector score at sample `i`. */
  detector(m: number, i: number): number {
    return this.data[(i + 1) * this.stride + this.detectorAt + m] as number;
  }

  /** Pods as a fraction of capacity at sample `i`. */
  pods(i: number): number {
    return this.data[(i + 1) * this.stride + this.podsAt] as number;
  }

  /** By half, as JS arrays grow: a day of samples at 5,000 nodes is a lot of memory to double. */
  private grow(): void {
    const rows = Math.ceil((this.data.length / this.stride) * 1.5);
    const bigger = new Float64Array(rows * this.stride);
    bigger.set(this.data);
    this.data = bigger;
  }
}
