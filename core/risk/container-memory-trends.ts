import type { ContainerMemory } from '../kube/node-summary.ts';

/**
 * Each container's memory against its own limit, followed over successive Summary readings, and
 * the container on a node that reaches its limit soonest at its recent trend. `podMemoryPeak` (the
 * fullest container) hides a sidecar leaking from 30% behind a JVM steady at 90% until the leak
 * overtakes it; this names the leak while there is still time ("api/web-7f9/app reaches its limit
 * in ~14 min at its 30-min trend").
 *
 * How readings become a trend, and why:
 * - Per node, per container (namespace/pod/container): the readings (time, working set / limit)
 *   of the last `windowMs` (30 min); older ones are dropped. The trend is their least-squares
 *   slope, per hour; the share is the newest reading's, and the hours left are (1 - share) / slope.
 * - A container missing from its node's reading is forgotten: its pod went, moved or restarted
 *   under a new name, and its old readings say nothing about what replaces it. A container whose
 *   reading is unusable (a working set or limit that is not a finite number, a limit <= 0) keeps
 *   its series untouched: one bad figure is the kubelet's hiccup, not the container's end.
 * - A reading at or before the container's newest is ignored (a late or repeated answer); a
 *   container missing from such a stale reading is not forgotten either.
 * - A restart resets the series: a share that fell by more than `RESTART_DROP` (0.1) since the
 *   previous reading. The restarted container starts again from its baseline, and a line fitted
 *   across the drop would say "falling" while the leak climbs again. A changed limit also resets
 *   it (shares before and after measure against different limits). Garbage collection in a JVM
 *   or Go runtime moves the working set by less than that between two readings far more often
 *   than not; a collection that frees more than 10% of the limit restarts the trend, which errs
 *   on the quiet side.
 * - A trend needs `minReadings` readings (3) spanning `minSpanMs` (10 min): two points or a few
 *   minutes make a slope out of noise. Until then the container gives no forecast.
 * - Only rising containers (slope > 0) forecast; one already at or over its limit while rising
 *   has 0 hours left. A container steady at its limit is a level, which podMemoryPeak already
 *   carries, not a trend. The soonest wins; on a tie, the fuller one.
 * - Memory stays the size of the cluster: one map per node, forget() drops gone nodes, missing
 *   containers are dropped at each reading, and a series keeps at most `MAX_READINGS` + 2
 *   readings however often the node is sampled (a reading less than window / MAX_READINGS after
 *   the last kept one but the newest replaces the newest instead of adding one).
 */
export interface ContainerForecast {
  namespace: string;
  pod: string;
  container: string;
  /** Working set / limit at the newest reading. */
  share: number;
  /** Growth of share per hour: the least-squares slope over the readings in the window. */
  perHour: number;
  /** Hours until share reaches 1 at that slope (0 when share >= 1 already). */
  hoursToLimit: number;
}

export const CONTAINER_TREND_WINDOW_MS = 30 * 60_000;
const MIN_SPAN_MS = 10 * 60_000;
const MIN_READINGS = 3;
/** A fall in share between two readings larger than this is a restart. */
const RESTART_DROP = 0.1;
/** Readings kept per window at most (about; see the thinning in `add`). */
const MAX_READINGS = 120;
const HOUR_MS = 3_600_000;

interface Reading {
  at: number;
  share: number;
}

interface Series {
  namespace: string;
  pod: string;
  container: string;
  limitBytes: number;
  /** Oldest first; never empty. */
  readings: Reading[];
}

const keyOf = (c: ContainerMemory): string => `${c.namespace}/${c.pod}/${c.container}`;

/** Least-squares slope of share over time, per hour; 0 for fewer than two distinct times. */
function sharePerHour(readings: readonly Reading[]): number {
  const first = readings[0];
  if (!first) return 0;
  let meanAt = 0;
  for (const r of readings) meanAt += (r.at - first.at) / readings.length;
  // Shares are taken relative to the first one (the slope does not change, since the time
  // offsets sum to 0): a container whose share never moves then has a slope of exactly 0.
  let covariance = 0;
  let variance = 0;
  for (const r of readings) {
    const dt = (r.at - first.at - meanAt) / HOUR_MS;
    covariance += dt * (r.share - first.share);
    variance += dt * dt;
  }
  return variance > 0 ? covariance / variance : 0;
}

export class ContainerMemoryTrends {
  private readonly windowMs: number;
  private readonly minSpanMs: number;
  private readonly minReadings: number;
  private readonly minGapMs: number;
  private readonly nodes = new Map<string, Map<string, Series>>();

  constructor(options: { windowMs?: number; minSpanMs?: number; minReadings?: number } = {}) {
    this.windowMs = options.windowMs ?? CONTAINER_TREND_WINDOW_MS;
    this.minSpanMs = options.minSpanMs ?? MIN_SPAN_MS;
    this.minReadings = Math.max(2, options.minReadings ?? MIN_READINGS);
    this.minGapMs = this.windowMs / MAX_READINGS;
  }

  /**
   * Adds one reading of a node's containers at `at` (ms) and returns the container soonest to
   * reach its limit at its trend over the window, or null when no container is rising (or none
   * has enough readings yet).
   */
  observe(node: string, at: number, containers: readonly ContainerMemory[]): ContainerForecast | null {
    if (!Number.isFinite(at)) return null;
    const before = this.nodes.get(node) ?? new Map<string, Series>();
    const after = new Map<string, Series>();
    for (const c of containers) {
      const key = keyOf(c);
      const series = after.get(key) ?? before.get(key);
      if (usable(c)) after.set(key, this.add(series, c, { at, share: c.workingSetBytes / c.limitBytes }));
      else if (series) after.set(key, series);
    }
    // A container missing from a reading older than its own newest is not gone: the reading is.
    for (const [key, series] of before) {
      if (!after.has(key) && (series.readings.at(-1)?.at ?? -Infinity) >= at) after.set(key, series);
    }
    if (after.size === 0) this.nodes.delete(node);
    else this.nodes.set(node, after);
    let soonest: ContainerForecast | null = null;
    for (const series of after.values()) {
      const forecast = this.forecast(series);
      if (forecast && (soonest === null || sooner(forecast, soonest))) soonest = forecast;
    }
    return soonest;
  }

  /** Forgets nodes that are gone (as NicErrorRates.forget). */
  forget(present: ReadonlySet<string>): void {
    for (const node of this.nodes.keys()) if (!present.has(node)) this.nodes.delete(node);
  }

  /** The series with the reading added: a new one after a restart or a limit change. */
  private add(series: Series | undefined, c: ContainerMemory, reading: Reading): Series {
    const newest = series?.readings.at(-1);
    if (series && newest && reading.at <= newest.at) return series;
    if (
      !series ||
      !newest ||
      series.limitBytes !== c.limitBytes ||
      newest.share - reading.share > RESTART_DROP
    ) {
      const { namespace, pod, container, limitBytes } = c;
      return { namespace, pod, container, limitBytes, readings: [reading] };
    }
    const { readings } = series;
    const previous = readings.at(-2);
    // Sampled faster than the window needs: the newest reading moves on instead of piling up, so
    // every kept reading but the newest is at least minGapMs after the one before it.
    if (previous && newest.at - previous.at < this.minGapMs) readings[readings.length - 1] = reading;
    else readings.push(reading);
    const oldest = reading.at - this.windowMs;
    let drop = 0;
    while ((readings[drop]?.at ?? Infinity) < oldest) drop++;
    if (drop > 0) readings.splice(0, drop);
    return series;
  }

  private forecast(series: Series): ContainerForecast | null {
    const { readings } = series;
    const first = readings[0];
    const newest = readings.at(-1);
    if (!first || !newest || readings.length < this.minReadings) return null;
    if (newest.at - first.at < this.minSpanMs) return null;
    const perHour = sharePerHour(readings);
    if (!(perHour > 0)) return null;
    const { namespace, pod, container } = series;
    const share = newest.share;
    const hoursToLimit = share >= 1 ? 0 : (1 - share) / perHour;
    return { namespace, pod, container, share, perHour, hoursToLimit };
  }
}

/** A working set and a limit that make a share: finite, the limit above 0. */
function usable(c: ContainerMemory): boolean {
  return (
    Number.isFinite(c.workingSetBytes) &&
    c.workingSetBytes >= 0 &&
    Number.isFinite(c.limitBytes) &&
    c.limitBytes > 0
  );
}

/** Sooner to its limit; on a tie, the fuller one. */
function sooner(a: ContainerForecast, b: ContainerForecast): boolean {
  return a.hoursToLimit < b.hoursToLimit || (a.hoursToLimit === b.hoursToLimit && a.share > b.share);
}
