import { isBadCondition, type LifecycleEvent } from '../kube/lifecycle.ts';
import type { NodeHistory, UsagePoint } from './node-history.ts';
import { incidentSignals } from './incident-labels.ts';
import { SampleRows, WindowStats } from './sample-rows.ts';
import { countIn, dropSortedBefore, lowerBound, upperBound, upperBoundBy } from './sorted-times.ts';
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
/** The windows' lengths in the order featuresAt uses their starts. */
const WINDOW_LIST = [WINDOWS['5m'], WINDOWS['30m'], WINDOWS['2h'], WINDOWS['24h']] as const;
const EVENT_WINDOWS = ['30m', '2h', '24h'] as const;
const STABILITY_MS = 7 * 24 * HOUR;
/** How far back the sample features read (the 24 h window), and the event features (7 days). */
const LONGEST_WINDOW_MS = Math.max(...WINDOW_LIST);
const EVENT_MEMORY_MS = Math.max(STABILITY_MS, ...EVENT_WINDOWS.map((w) => WINDOWS[w]));

/**
 * Node memory and CPU (metrics-server), the root filesystem (kubelet Summary API) and the fullest
 * container's memory against its limit (Summary API + pod specs). Each as a fraction of what
 * runs out: allocatable, filesystem capacity, the container's limit.
 */
const METRICS = ['memory', 'cpu', 'disk', 'podMemory'] as const;
type Metric = (typeof METRICS)[number];
const MEMORY = METRICS.indexOf('memory');
/** Where each metric runs out (as a fraction): the kubelet's default hard eviction thresholds. */
export const EXHAUSTED_AT: Record<Metric, number | undefined> = {
  memory: 1,
  cpu: undefined,
  disk: 0.9,
  podMemory: 1,
};
/** The time scale of `…Exhaustion`: exhaustion this far ahead at the current trend scores 1/e. */
const EXHAUSTION_SCALE_HOURS = 0.5;
/**
 * The same for `…ExhaustionSlow`, from the 30-min and 2-h trends: a leak or a disk fill that
 * takes hours shows as a steady climb long before the short trends say it is close.
 */
export const SLOW_EXHAUSTION_SCALE_HOURS = 2;
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
    ...(EXHAUSTED_AT[m] === undefined ? [] : [`${m}Exhaustion`, `${m}ExhaustionSlow`]),
  ]),
  // Each container against its own limit at its own 30-min trend (podMemory is only the fullest).
  'containerMemoryExhaustion',
  'podsLevel',
  'podsChange30m',
  'missingMetrics5m',
  'missingMetrics30m',
  'notReady',
  ...EVENT_CLASSES.flatMap((c) => EVENT_WINDOWS.map((w) => `${c}${w}`)),
  'incidents7d',
];
export const FEATURE_COUNT = FEATURE_NAMES.length;
/** notReady, each event class in each window, incidents7d: the last features, from events only. */
const EVENT_FEATURES = 1 + EVENT_CLASSES.length * EVENT_WINDOWS.length + 1;
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
  const [type = '', status = ''] = detail.split('=');
  return isBadCondition(type, status);
}

/**
 * One node's series, appendable (the worker adds a sample per collection) and queryable at any
 * index. Samples and events must arrive in time order.
 */
export class NodeFeatureSeries {
  readonly times: number[] = [];
  private rows = new SampleRows(METRICS.length);
  private readonly detectors = METRICS.map(() => new StreamingDetector());
  /** Where each window begins for the newest sample, advanced as samples arrive. */
  private readonly newestStarts = new Int32Array(WINDOW_LIST.length);
  /** False once a sample arrived before the one preceding it: then window starts are searched. */
  private inOrder = true;
  /** Events that count in some event feature; none (most nodes) skips their searches. */
  private classifiedEvents = 0;
  private events = 0;
  private changes = 0;
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
  /** Each sample's hours until a container reaches its memory limit (NaN: none rising or unknown). */
  private readonly containerHours: number[] = [];
  private readonly readyChanges: { at: number; ready: boolean }[] = [];
  private readonly incidentTimes: number[] = [];
  private readonly signalEvents: LifecycleEvent[] = [];
  private origin: number | undefined;
  private readonly stats = new WindowStats();
  private readonly fractions = new Float64Array(METRICS.length);
  private readonly scores = new Float64Array(METRICS.length);

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
    this.changes++;
    const fractions = this.fractions; // in METRICS order
    fractions[0] = fraction(sample.memoryBytes, this.capacity.memoryBytes);
    fractions[1] = fraction(sample.cpuMillis, this.capacity.cpuMillis);
    fractions[2] = fraction(sample.diskBytes, this.capacity.diskBytes);
    fractions[3] = fraction(sample.podMemoryPeak, 1);
    const previous = this.times.at(-1);
    if (previous !== undefined && sample.at < previous) this.inOrder = false;
    this.times.push(sample.at);
    for (let m = 0; m < METRICS.length; m++) {
      const value = fractions[m] as number;
      this.scores[m] = (this.detectors[m] as StreamingDetector).update(
        sample.at / 1000,
        Number.isFinite(value) ? value : undefined,
      );
    }
    this.rows.push(tHours, fractions, this.scores, sample.pods / Math.max(1, this.capacity.pods));
    this.containerHours.push(sample.containerHoursToLimit ?? Number.NaN);
    // lowerBound(times, at − window), found by walking: the windows only move forward in time.
    for (let w = 0; w < WINDOW_LIST.length; w++) {
      const from = sample.at - (WINDOW_LIST[w] as number);
      let start = this.newestStarts[w] as number;
      while ((this.times[start] as number) < from) start++;
      this.newestStarts[w] = start;
    }
  }

  addEvent(event: LifecycleEvent): void {
    this.changes++;
    this.events++;
    const c = eventClass(event);
    if (c) this.eventTimes[c].push(event.at);
    if (event.kind === 'NodeCondition' && isTrouble(event.detail))
      this.eventTimes.conditionTroubles.push(event.at);
    if (c) this.classifiedEvents++;
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

  /**
   * Forgets what no feature at `now` or later reads: samples older than the longest window and
   * events older than the 7-day stability window (the Ready state before that is kept). A
   * live series would otherwise grow by a row a minute for as long as the app runs, and its
   * prefix sums, taken from an ever older origin, would lose the precision short windows need.
   * The kept samples are summed again from the first of them, as if the series began there:
   * features at `now` are those of the whole series to rounding.
   */
  forgetBefore(now: number): void {
    this.dropSamplesBefore(now - LONGEST_WINDOW_MS);
    this.dropEventsBefore(now - EVENT_MEMORY_MS);
  }

  private dropSamplesBefore(at: number): void {
    const k = lowerBound(this.times, at);
    if (k === 0 || k >= this.times.length) return;
    const origin = this.times[k] as number;
    const kept = new SampleRows(METRICS.length);
    for (let r = k; r < this.times.length; r++) {
      for (let m = 0; m < METRICS.length; m++) {
        this.fractions[m] = this.rows.value(m, r);
        this.scores[m] = this.rows.detector(m, r);
      }
      kept.push(((this.times[r] as number) - origin) / HOUR, this.fractions, this.scores, this.rows.pods(r));
    }
    this.rows = kept;
    this.origin = origin;
    this.times.splice(0, k);
    this.containerHours.splice(0, k);
    for (let w = 0; w < WINDOW_LIST.length; w++)
      this.newestStarts[w] = Math.max(0, (this.newestStarts[w] as number) - k);
    this.changes++;
  }

  private dropEventsBefore(at: number): void {
    for (const c of EVENT_CLASSES) dropSortedBefore(this.eventTimes[c], at);
    dropSortedBefore(this.incidentTimes, at);
    // The newest Ready change before `at` still says whether the node is NotReady now.
    const lastBefore = upperBoundBy(this.readyChanges, at - 1) - 1;
    if (lastBefore > 0) this.readyChanges.splice(0, lastBefore);
  }

  /** Changes so far (samples and events): features at the newest sample change with it. */
  get version(): number {
    return this.changes;
  }

  /** The first sample inside window `w` (of WINDOW_LIST) ending at sample `i`, time `t`. */
  private windowStart(w: number, i: number, t: number): number {
    if (this.inOrder && i === this.times.length - 1) return this.newestStarts[w] as number;
    return lowerBound(this.times, t - (WINDOW_LIST[w] as number));
  }

  /** The index of the last sample at or before `t`, or -1. */
  indexAt(t: number): number {
    return upperBound(this.times, t) - 1;
  }

  /**
   * The feature vector at sample index `i` (features use samples ≤ i and events ≤ its time),
   * written into `out` from `offset` (a batch of nodes fills one array). Every window start is
   * found once and shared by the metrics; the arithmetic of each value is the one the shipped
   * model was trained on (features-equality.test.ts holds it to the float).
   */
  featuresAt(i: number, out: Float32Array = new Float32Array(FEATURE_COUNT), offset = 0): Float32Array {
    const t = this.times[i] ?? 0;
    const from5m = this.windowStart(0, i, t);
    const from30m = this.windowStart(1, i, t);
    const from2h = this.windowStart(2, i, t);
    const from24h = this.windowStart(3, i, t);
    const recent = Math.max(0, i - 9);
    const rows = this.rows;
    const stats = this.stats;
    let k = offset;
    for (let m = 0; m < METRICS.length; m++) {
      const level = lastValid(rows, m, i);
      out[k++] = level;
      // Slope per hour as a fraction of allocatable; short windows are noisy, so clipped.
      const slope5m = clip(rows.window(m, from5m, i, stats).slope, -5, 5);
      out[k++] = slope5m;
      out[k++] = stats.std;
      const slope30m = clip(rows.window(m, from30m, i, stats).slope, -5, 5);
      out[k++] = slope30m;
      out[k++] = stats.std;
      const slope2h = clip(rows.window(m, from2h, i, stats).slope, -5, 5);
      out[k++] = slope2h;
      out[k++] = stats.std;
      const day = rows.window(m, from24h, i, stats);
      out[k++] = day.count > 1 ? clip((level - day.mean) / Math.max(day.std, 0.01), -10, 10) : 0;
      out[k++] = rows.detector(m, i);
      const limit = EXHAUSTED_AT[METRICS[m] as Metric];
      if (limit !== undefined) {
        const known = rows.validIn(m, recent, i) > 0;
        out[k++] = known ? exhaustion(limit - level, slope5m, slope30m, EXHAUSTION_SCALE_HOURS) : 0;
        out[k++] = known ? exhaustion(limit - level, slope30m, slope2h, SLOW_EXHAUSTION_SCALE_HOURS) : 0;
      }
    }
    // The forecast's hours left, as the same score (an hour of headroom per hour of trend).
    const hours = this.containerHours[i] ?? Number.NaN;
    out[k++] = Number.isFinite(hours) ? exhaustion(hours, 1, 1, SLOW_EXHAUSTION_SCALE_HOURS) : 0;
    const pods = rows.pods(i);
    out[k++] = pods;
    out[k++] = pods - rows.pods(from30m);
    out[k++] = missing(i - from5m + 1, rows.validIn(MEMORY, from5m, i));
    out[k++] = missing(i - from30m + 1, rows.validIn(MEMORY, from30m, i));
    this.eventFeatures(t, out, k);
    return out;
  }

  /** NotReady, the event counts and incidents7d, from `out[k]` on: all 0 for a node without events. */
  private eventFeatures(t: number, out: Float32Array, k: number): void {
    if (this.events === 0) {
      out.fill(0, k, k + EVENT_FEATURES);
      return;
    }
    const lastReady = this.readyChanges[upperBoundBy(this.readyChanges, t) - 1];
    out[k++] = lastReady && !lastReady.ready ? 1 : 0;
    if (this.classifiedEvents === 0) {
      out.fill(0, k, k + EVENT_CLASSES.length * EVENT_WINDOWS.length);
      k += EVENT_CLASSES.length * EVENT_WINDOWS.length;
    } else {
      for (const c of EVENT_CLASSES) {
        const times = this.eventTimes[c];
        const upTo = upperBound(times, t);
        for (const w of EVENT_WINDOWS) out[k++] = Math.log1p(upTo - upperBound(times, t - WINDOWS[w]));
      }
    }
    out[k++] = Math.log1p(countIn(this.incidentTimes, t - STABILITY_MS, t));
  }
}

/** The share of a window's samples without metrics. */
function missing(total: number, valid: number): number {
  return total > 0 ? 1 - valid / total : 0;
}

/** A usage as a fraction of what runs out; NaN when either is unknown (the windows skip it). */
function fraction(used: number | null | undefined, capacity: number | undefined): number {
  if (used === null || used === undefined || !capacity) return Number.NaN;
  return used / Math.max(1, capacity);
}

/**
 * How soon the metric runs out at its current trend, as a score: 1 when already out,
 * e^(−h/scale) when `h` hours remain at the slower of two slopes (both must be rising, so one
 * noisy stretch does not count), 0 when not rising.
 */
export function exhaustion(headroom: number, slopeA: number, slopeB: number, scaleHours: number): number {
  if (headroom <= 0) return 1;
  const rising = Math.min(slopeA, slopeB);
  if (!(rising > 0)) return 0;
  return Math.exp(-headroom / rising / scaleHours);
}

function clip(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : 0;
}

/** The newest known value of metric `m` among the last 10 samples up to `i`, else 0. */
function lastValid(rows: SampleRows, m: number, i: number): number {
  for (let j = i; j >= 0 && j > i - 10; j--) {
    const v = rows.value(m, j);
    if (Number.isFinite(v)) return v;
  }
  return 0;
}
