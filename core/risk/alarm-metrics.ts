import { median, type Curve, type CurvePoint } from '../../models/risk/metrics.ts';
import type { RiskDataset } from './dataset.ts';

/**
 * What an operator feels of a score: with alarms at `threshold`, how early incidents were
 * announced and how often the alarm rang for nothing. Counted in alarms, not points: an alarm is
 * a run of consecutive points of one node at or above the threshold (an alarm that stays on for
 * an hour is one alarm, repeated once per horizon while it stays on, as alert managers repeat a
 * firing alert). It is true when an incident followed it within the horizon (one of its points is
 * labelled positive), otherwise false. Without the repeat, one alarm left on all day would count
 * as a single true alarm. An alarm resolves only after RESOLVE_AFTER_MS below the threshold, as an
 * alert manager waits before it calls an alert resolved: a score flickering around the threshold
 * is one alarm, not one a minute.
 */
export interface AlarmSummary {
  threshold: number;
  /** Incidents that had prediction points before them. */
  incidents: number;
  /** Of those, how many had an alarm before they started. */
  warned: number;
  /** Minutes between the first alarm and each warned incident's start. */
  leadMinutes: number[];
  medianLeadMinutes: number;
  trueAlarms: number;
  falseAlarms: number;
  nodeDays: number;
  falseAlarmsPerNodeDay: number;
}

export const RESOLVE_AFTER_MS = 5 * 60_000;

/** One alarm at a threshold: a run of one node's points at or above it (see AlarmSummary). */
export interface AlarmRun {
  /** Index into `dataset.nodes`. */
  node: number;
  /** The run's first point (index into the dataset). */
  firstPoint: number;
  /** Time of its first point (ms). */
  sinceMs: number;
  /** Time of its last point at or above the threshold (ms). */
  lastOnMs: number;
  /** An incident followed within the horizon (one of its points is labelled). */
  positive: boolean;
  /** Episodes this run warned first (no earlier run did), each with its first alarm point's time (ms). */
  firstWarned: { episode: number; atMs: number }[];
  /** The 2nd+ horizon of an alarm still on (the repeat an alert manager sends), not a new alarm. */
  repeat: boolean;
}

/** Each alarm run at `threshold`, in the dataset's order (node by node, in time). */
export function* eachAlarmRun(
  dataset: RiskDataset,
  scores: ArrayLike<number>,
  threshold: number,
): Generator<AlarmRun> {
  const warned = new Set<number>();
  let previousNode = -1;
  let previousTime = -Infinity;
  let run: AlarmRun | undefined;
  for (let i = 0; i < dataset.length; i++) {
    const node = dataset.nodeOf[i] ?? 0;
    const t = dataset.times[i] ?? 0;
    // A skipped stretch (an incident in progress) ends any alarm: the next one is new.
    if (run && (node !== previousNode || t - previousTime > dataset.strideMs * 1.5)) {
      yield run;
      run = undefined;
    }
    previousNode = node;
    previousTime = t;
    if ((scores[i] ?? 0) < threshold) {
      if (run && t - run.lastOnMs >= RESOLVE_AFTER_MS) {
        yield run;
        run = undefined;
      }
      continue;
    }
    let repeat = false;
    if (run && t - run.sinceMs >= dataset.horizonMs) {
      yield run;
      run = undefined;
      repeat = true;
    }
    run ??= { node, firstPoint: i, sinceMs: t, lastOnMs: t, positive: false, firstWarned: [], repeat };
    run.lastOnMs = t;
    const episode = dataset.episodeOf[i] ?? -1;
    if (episode >= 0) {
      run.positive = true;
      if (!warned.has(episode)) {
        warned.add(episode);
        run.firstWarned.push({ episode, atMs: t });
      }
    }
  }
  if (run) yield run;
}

/** Each alarm at `threshold` counted true or false, and when each incident was first warned. */
export interface AlarmRuns {
  /** Episode index → the first alarm point before it (ms). */
  firstAlarm: Map<number, number>;
  /** Episodes that had prediction points before them. */
  announceable: Set<number>;
  trueAlarms: number;
  falseAlarms: number;
}

export function alarmRuns(dataset: RiskDataset, scores: ArrayLike<number>, threshold: number): AlarmRuns {
  const firstAlarm = new Map<number, number>();
  let trueAlarms = 0;
  let falseAlarms = 0;
  for (const run of eachAlarmRun(dataset, scores, threshold)) {
    if (run.positive) trueAlarms++;
    else falseAlarms++;
    for (const { episode, atMs } of run.firstWarned) firstAlarm.set(episode, atMs);
  }
  const announceable = new Set<number>();
  for (let i = 0; i < dataset.length; i++) {
    const episode = dataset.episodeOf[i] ?? -1;
    if (episode >= 0) announceable.add(episode);
  }
  return { firstAlarm, announceable, trueAlarms, falseAlarms };
}

/** Minutes between an alarm at `alarmMs` and the start of `episode`. */
export function leadOf(dataset: RiskDataset, episode: number, alarmMs: number): number {
  return ((dataset.episodes[episode]?.startMs ?? alarmMs) - alarmMs) / 60_000;
}

export function alarmSummary(
  dataset: RiskDataset,
  scores: ArrayLike<number>,
  threshold: number,
): AlarmSummary {
  const { firstAlarm, announceable, trueAlarms, falseAlarms } = alarmRuns(dataset, scores, threshold);
  const leadMinutes = [...firstAlarm.entries()].map(([episode, t]) => leadOf(dataset, episode, t));
  const nodeDays = (dataset.length * dataset.strideMs) / 86_400_000;
  return {
    threshold,
    incidents: announceable.size,
    warned: firstAlarm.size,
    leadMinutes,
    medianLeadMinutes: median(leadMinutes),
    trueAlarms,
    falseAlarms,
    nodeDays,
    falseAlarmsPerNodeDay: nodeDays > 0 ? falseAlarms / nodeDays : 0,
  };
}

/** At most this many thresholds in an incident-level sweep (quantiles of the scores). */
const SWEEP_STEPS = 1000;

/**
 * Precision and recall the way an operator counts them, across every alarm threshold: recall is
 * the share of incidents warned before they began, precision the share of alarms an incident
 * followed. The area is average precision over that sweep (high thresholds first). Point-level
 * PR-AUC (models/risk/metrics.ts) also counts, as misses, the points of a warned incident's
 * horizon that came before its cause began, which no predictor can see.
 */
export function incidentPrCurve(dataset: RiskDataset, scores: ArrayLike<number>): Curve {
  const points: CurvePoint[] = [];
  let previousRecall = 0;
  let ap = 0;
  for (const threshold of sweepThresholds(scores)) {
    const s = alarmSummary(dataset, scores, threshold);
    const alarms = s.trueAlarms + s.falseAlarms;
    if (s.incidents === 0 || alarms === 0) continue;
    const recall = s.warned / s.incidents;
    const precision = s.trueAlarms / alarms;
    ap += Math.max(0, recall - previousRecall) * precision;
    previousRecall = Math.max(previousRecall, recall);
    points.push({ x: recall, y: precision, threshold });
  }
  return { points, auc: points.length > 0 ? ap : Number.NaN };
}

/** Distinct thresholds from high to low: every distinct score, or quantiles when there are many. */
function sweepThresholds(scores: ArrayLike<number>): number[] {
  const distinct = [...new Set(Array.from(scores, (s) => s ?? 0))].sort((a, b) => b - a);
  if (distinct.length <= SWEEP_STEPS) return distinct;
  const step = (distinct.length - 1) / (SWEEP_STEPS - 1);
  return Array.from({ length: SWEEP_STEPS }, (_, k) => distinct[Math.round(k * step)] ?? 0);
}
