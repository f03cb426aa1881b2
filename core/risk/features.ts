import type { LifecycleEvent } from '../kube/lifecycle.ts';
import type { NodeHistory, UsagePoint } from './node-history.ts';
import { incidentSignals } from './incident-labels.ts';
import { StreamingDetector } from './streaming-detector.ts';

/**
 * The risk features of one node at one moment, from its history up to that moment only. Every
 * feature is a plain number with a name; the model, the rules baseline, the reasons shown to the
 * user and permutation importance all refer to features by these names.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const WINDOWS = { '5m': 5 * MINUTE, '30m': 30 * MINUTE, '2h': 2 * HOUR, '24h': 24 * HOUR } as const;
const TREND_WINDOWS = ['5m', '30m', '2h'] as const;
const EVENT_WINDOWS = ['30m', '2h', '24h'] as const;
const STABILITY_MS = 7 * 24 * HOUR;

/**
 * Node memory and CPU (metrics-server), the root filesystem (kubelet Summary API) and the fullest
 * container's memory against its limit (Summary API + pod specs). Each as a fraction of what
 * runs out: allocatable, filesystem capacity, the container's limit.
 */
const METRICS = ['memory', 'cpu', 'disk', 'podMemory'] as const;
type Metric = (typeof METRICS)[number];
/** Where each metric runs out (as a fraction): the kubelet's default hard eviction thresholds. */
const EXHAUSTED_AT: Record<Metric, number | undefined> = {
  memory: 1,
  cpu: undefined,
  disk: 0.9,
  podMemory: 1,
};
/** The time scale of `…Exhaustion`: exhaustion this far ahead at the current trend scores 1/e. */
const EXHAUSTION_SCALE_HOURS = 0.5;
const EVENT_CLASSES = [
  'oomkills',
  'restarts',
  'evictions',
  'conditionFlaps',
  'conditionTroubles',
  'warnings',
  'probeFailures',
  'kubeletStarts',
] as const;
type EventClass = (typeof EVENT_CLASSES)[number];

export const FEATURE_NAMES: readonly string[] = [
  ...METRICS.flatMap((m) => [
    `${m}Level`,
    ...TREND_WINDOWS.flatMap((w) => [`${m}Slope${w}`, `${m}Volatility${w}`]),
    `${m}VsDay`,
    `${m}Detector`,
    ...(EXHAUSTED_AT[m] === undefined ? [] : [`${m}Exhaustion`]),
  ]),
  'podsLevel',
  'podsChange30m',
  'missingMetrics5m',
  'missingMetrics30m',
  'notReady',
  ...EVENT_CLASSES.flatMap((c) => EVENT_WINDOWS.map((w) => `${c}${w}`)),
  'incidents7d',
];
export const FEATURE_COUNT = FEATURE_NAMES.length;
export const featureIndex = (name: string): number => {
  const i = FEATURE_NAMES.indexOf(name);
  if (i < 0) throw new Error(`unknown risk feature "${name}"`);
  return i;
};

function eventClass(event: LifecycleEvent): EventClass | undefined {
  switch (event.kind) {
    case 'PodOOMKilled':
      return 'oomkills';
    case 'PodRestarted':
      return 'restarts';
    case 'PodEvicted':
      return 'evictions';
    case 'NodeCondition':
      return 'conditionFlaps';
    case 'Warning':
      return event.detail.startsWith('Unhealthy') ? 'probeFailures' : 'warnings';
    case 'KubeletStarted':
      return 'kubeletStarts';
    default:
      return undefined;
  }
}

/** A condition change into a bad state (`Ready=Unknown`, `DiskPressure=True`), not out of one. */
function isTrouble(detail: string): boolean {
  const [type, status] = detail.split('=');
  if (type === 'Ready') return status !== 'True';
  return status === 'True' && (type?.endsWith('Pressure') === true || type === 'NetworkUnavailable');
}

/** Prefix sums of one metric (a fraction of allocatable) over valid samples, for O(1) windows. */
class MetricSums {
  readonly n: number[] = [0];
  readonly y: number[] = [0];
  readonly yy: number[] = [0];
  readonly t: number[] = [0];
  readonly tt: number[] = [0];
  readonly ty: number[] = [0];
  last = Number.NaN;

  push(tHours: number, value: number): void {
    const i = this.n.length - 1;
    const valid = Number.isFinite(value);
    const v = valid ? value : 0;
    const c = valid ? 1 : 0;
    this.n.push((this.n[i] ?? 0) + c);
    this.y.push((this.y[i] ?? 0) + v);
    this.yy.push((this.yy[i] ?? 0) + v * v);
    this.t.push((this.t[i] ?? 0) + c * tHours);
    this.tt.push((this.tt[i] ?? 0) + c * tHours * tHours);
    this.ty.push((this.ty[i] ?? 0) + c * tHours * v);
  }

  /** Stats over samples [from, to] (inclusive indexes). */
  window(from: number, to: number): { count: number; mean: number; std: number; slope: number } {
    // Differences of prefix sums, written out: this runs ~10 times per node per collection.
    const hi = to + 1;
    const count = (this.n[hi] as number) - (this.n[from] as number);
    if (count === 0) return { count, mean: 0, std: 0, slope: 0 };
    const mean = ((this.y[hi] as number) - (this.y[from] as number)) / count;
    const variance = Math.max(0, ((this.yy[hi] as number) - (this.yy[from] as number)) / count - mean * mean);
    const tMean = ((this.t[hi] as number) - (this.t[from] as number)) / count;
    const tVar = ((this.tt[hi] as number) - (this.tt[from] as number)) / count - tMean * tMean;
    const ty = ((this.ty[hi] as number) - (this.ty[from] as number)) / count;
    const slope = count > 1 && tVar > 1e-12 ? (ty - tMean * mean) / tVar : 0;
    return { count, mean, std: Math.sqrt(variance), slope };
  }
}

/**
 * One node's series, appendable (the worker adds a sample per collection) and queryable at any
 * index. Samples and events must arrive in time order.
 */
export class NodeFeatureSeries {
  readonly times: number[] = [];
  private readonly sums = perMetric(() => new MetricSums());
  private readonly detectors = perMetric(() => new StreamingDetector());
  private readonly detectorScores = perMetric((): number[] => []);
  private readonly pods: number[] = [];
  private readonly levels = perMetric((): number[] => []);
  private readonly eventTimes: Record<EventClass, number[]> = {
    oomkills: [],
    restarts: [],
    evictions: [],
    conditionFlaps: [],
    conditionTroubles: [],
    warnings: [],
    probeFailures: [],
    kubeletStarts: [],
  };
  private readonly readyChanges: { at: number; ready: boolean }[] = [];
  private readonly incidentTimes: number[] = [];
  private readonly signalEvents: LifecycleEvent[] = [];
  private readonly origin: number | undefined;

  constructor(
    readonly node: string,
    private readonly capacity: { cpuMillis: number; memoryBytes: number; pods: number; diskBytes?: number },
    origin?: number,
  ) {
    this.origin = origin;
  }

  static fromHistory(history: NodeHistory): NodeFeatureSeries {
    const series = new NodeFeatureSeries(history.node, {
      cpuMillis: history.cpuAllocatableMillis,
      memoryBytes: history.memoryAllocatableBytes,
      pods: history.podCapacity,
      ...(history.diskCapacityBytes ? { diskBytes: history.diskCapacityBytes } : {}),
    });
    for (const sample of history.samples) series.addSample(sample);
    for (const event of history.events) series.addEvent(event);
    return series;
  }

  get length(): number {
    return this.times.length;
  }

  /** The filesystem size arrives with the first Summary API sample, after the series began. */
  setDiskCapacity(bytes: number | undefined): void {
    if (bytes) this.capacity.diskBytes = bytes;
  }

  addSample(sample: UsagePoint): void {
    const origin = this.origin ?? this.times[0] ?? sample.at;
    const tHours = (sample.at - origin) / HOUR;
    const fractions: Record<Metric, number> = {
      memory: fraction(sample.memoryBytes, this.capacity.memoryBytes),
      cpu: fraction(sample.cpuMillis, this.capacity.cpuMillis),
      disk: fraction(sample.diskBytes, this.capacity.diskBytes),
      podMemory: fraction(sample.podMemoryPeak, 1),
    };
    this.times.push(sample.at);
    for (const m of METRICS) {
      this.sums[m].push(tHours, fractions[m]);
      this.levels[m].push(fractions[m]);
      const value = Number.isFinite(fractions[m]) ? fractions[m] : undefined;
      this.detectorScores[m].push(this.detectors[m].update(sample.at / 1000, value));
    }
    this.pods.push(sample.pods / Math.max(1, this.capacity.pods));
  }

  addEvent(event: LifecycleEvent): void {
    const c = eventClass(event);
    if (c) this.eventTimes[c].push(event.at);
    if (event.kind === 'NodeCondition' && isTrouble(event.detail))
      this.eventTimes.conditionTroubles.push(event.at);
    if (event.kind === 'NodeCondition' && event.detail.startsWith('Ready=')) {
      this.readyChanges.push({ at: event.at, ready: event.detail === 'Ready=True' });
    }
    // Incidents for the 7-day stability feature: the label rules, applied to the past.
    this.signalEvents.push(event);
    const signals = incidentSignals(this.signalEvents.slice(-20));
    const newest = signals.at(-1);
    if (newest && newest.at === event.at && this.incidentTimes.at(-1) !== event.at)
      this.incidentTimes.push(event.at);
    if (this.signalEvents.length > 200) this.signalEvents.splice(0, 100);
  }

  /** The index of the last sample at or before `t`, or -1. */
  indexAt(t: number): number {
    return upperBound(this.times, t) - 1;
  }

  /** The feature vector at sample index `i` (features use samples ≤ i and events ≤ its time). */
  featuresAt(i: number, out: Float32Array = new Float32Array(FEATURE_COUNT)): Float32Array {
    const t = this.times[i] ?? 0;
    let k = 0;
    for (const m of METRICS) {
      const sums = this.sums[m];
      const level = lastValid(this.levels[m], i);
      out[k++] = level;
      const slopes: number[] = [];
      for (const w of TREND_WINDOWS) {
        const from = lowerBound(this.times, t - WINDOWS[w]);
        const stats = sums.window(from, i);
        // Slope per hour as a fraction of allocatable; short windows are noisy, so clipped.
        slopes.push(clip(stats.slope, -5, 5));
        out[k++] = slopes.at(-1) ?? 0;
        out[k++] = stats.std;
      }
      const day = sums.window(lowerBound(this.times, t - WINDOWS['24h']), i);
      out[k++] = day.count > 1 ? clip((level - day.mean) / Math.max(day.std, 0.01), -10, 10) : 0;
      out[k++] = this.detectorScores[m][i] ?? 0;
      const limit = EXHAUSTED_AT[m];
      const known = sums.window(Math.max(0, i - 9), i).count > 0;
      if (limit !== undefined)
        out[k++] = known ? exhaustion(limit - level, slopes[0] ?? 0, slopes[1] ?? 0) : 0;
    }
    out[k++] = this.pods[i] ?? 0;
    const podsBefore = this.pods[lowerBound(this.times, t - WINDOWS['30m'])] ?? 0;
    out[k++] = (this.pods[i] ?? 0) - podsBefore;
    for (const w of ['5m', '30m'] as const) {
      const from = lowerBound(this.times, t - WINDOWS[w]);
      const total = i - from + 1;
      const valid = this.sums.memory.window(from, i).count;
      out[k++] = total > 0 ? 1 - valid / total : 0;
    }
    const lastReady = this.readyChanges[upperBoundBy(this.readyChanges, t) - 1];
    out[k++] = lastReady && !lastReady.ready ? 1 : 0;
    for (const c of EVENT_CLASSES) {
      for (const w of EVENT_WINDOWS) out[k++] = Math.log1p(countIn(this.eventTimes[c], t - WINDOWS[w], t));
    }
    out[k++] = Math.log1p(countIn(this.incidentTimes, t - STABILITY_MS, t));
    return out;
  }
}

function perMetric<T>(make: () => T): Record<Metric, T> {
  return { memory: make(), cpu: make(), disk: make(), podMemory: make() };
}

/** A usage as a fraction of what runs out; NaN when either is unknown (the windows skip it). */
function fraction(used: number | null | undefined, capacity: number | undefined): number {
  if (used === null || used === undefined || !capacity) return Number.NaN;
  return used / Math.max(1, capacity);
}

/**
 * How soon the metric runs out at its current trend, as a score: 1 when already out, e^(−h/0.5)
 * when `h` hours remain at the slower of the 5-min and 30-min slopes (both must be rising, so one
 * noisy minute does not count), 0 when not rising.
 */
function exhaustion(headroom: number, slope5m: number, slope30m: number): number {
  if (headroom <= 0) return 1;
  const rising = Math.min(slope5m, slope30m);
  if (!(rising > 0)) return 0;
  return Math.exp(-headroom / rising / EXHAUSTION_SCALE_HOURS);
}

function clip(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : 0;
}

function lastValid(values: readonly number[], i: number): number {
  for (let j = i; j >= 0 && j > i - 10; j--) {
    const v = values[j];
    if (v !== undefined && Number.isFinite(v)) return v;
  }
  return 0;
}

/** First index with a[index] >= x. */
function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with a[index] > x. */
function upperBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBoundBy(a: readonly { at: number }[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid]?.at ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Events in (from, to]. */
function countIn(times: readonly number[], from: number, to: number): number {
  return upperBound(times, to) - upperBound(times, from);
}
