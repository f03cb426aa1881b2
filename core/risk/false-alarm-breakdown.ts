/**
 * Issue 5: where an alarm's false alarms come from. Each false alarm run (alarm-metrics.ts
 * eachAlarmRun) is classified by the minutes to the next incident on its node, whether it came
 * "after" one (an incident in progress or ended less than an hour before), whether it is the repeat
 * of an alarm still on, which part rang at its first point (the model's p ≥ t_m, the component's
 * c ≥ t_c, or both), and the simulator cause of the next incident (lead-room.ts episodeCauses):
 * the unseen family F, another, or none.
 */
import type { IncidentRecord } from '../sim/index.ts';
import { eachAlarmRun, type AlarmRun } from './alarm-metrics.ts';
import type { RiskDataset } from './dataset.ts';
import { episodeCauses, NO_CAUSE } from './lead-room.ts';

const MINUTE = 60_000;
/** An alarm within this long after an incident ended is "after" it. */
const AFTER_MS = 60 * MINUTE;

/** Minutes from the alarm's start to the next incident on its node (null: none before the data ends). */
export const NEXT_INCIDENT_BUCKETS = [
  ['< 60 min', (m: number | null) => m !== null && m < 60],
  ['60-120', (m: number | null) => m !== null && m >= 60 && m < 120],
  ['120-240', (m: number | null) => m !== null && m >= 120 && m < 240],
  ['240+', (m: number | null) => m !== null && m >= 240],
  ['none before end', (m: number | null) => m === null],
] as const;
export type NextIncidentBucket = (typeof NEXT_INCIDENT_BUCKETS)[number][0];

export type RangPart = 'model' | 'component' | 'both';

/** The two parts of the alarm, to tell which rang: the model's probability and the component's score. */
export interface AlarmParts {
  probability: ArrayLike<number>;
  modelThreshold: number;
  component?: ArrayLike<number>;
  /** Undefined when the component takes no part. */
  componentThreshold?: number;
}

export interface FalseAlarm {
  run: AlarmRun;
  part: RangPart;
  nextMinutes: number | null;
  after: boolean;
  /** The next incident's cause family, NO_CAUSE, or null when no incident followed. */
  nextFamily: string | null;
  /** The next incident's cause began at or before the alarm (null when no incident followed). */
  causeBeforeAlarm: boolean | null;
}

/** Counts of some false alarms. */
export interface FalseAlarmCounts {
  n: number;
  repeats: number;
  after: number;
  /** Not "after" (for the share with no incident within 4 h that is not one). */
  notAfter: number;
  parts: Record<RangPart, number>;
  repeatParts: Record<RangPart, number>;
  /** Of those an incident followed: its cause F, another family, or none the simulator started. */
  withNext: number;
  nextF: number;
  nextOther: number;
  nextNoCause: number;
  causeBeforeAlarm: number;
  /** Other families of the next incident's cause, in the order first met. */
  otherFamilies: Map<string, number>;
}

export interface FalseAlarmBreakdown {
  family: string;
  nodeDays: number;
  buckets: Record<NextIncidentBucket, FalseAlarmCounts>;
  all: FalseAlarmCounts;
}

function partAt(parts: AlarmParts, i: number): RangPart {
  const model = (parts.probability[i] ?? 0) >= parts.modelThreshold;
  const component =
    parts.component !== undefined &&
    parts.componentThreshold !== undefined &&
    (parts.component[i] ?? 0) >= parts.componentThreshold;
  return model && component ? 'both' : model ? 'model' : 'component';
}

/** Every false alarm run at `threshold` on `dataset`, classified. */
export function classifyFalseAlarms(
  dataset: RiskDataset,
  scores: ArrayLike<number>,
  threshold: number,
  causes: readonly IncidentRecord[],
  parts: AlarmParts,
): FalseAlarm[] {
  const matched = episodeCauses(dataset, causes);
  const episodesOf = new Map<string, number[]>();
  dataset.episodes.forEach((e, k) => episodesOf.set(e.node, [...(episodesOf.get(e.node) ?? []), k]));
  const alarms: FalseAlarm[] = [];
  for (const run of eachAlarmRun(dataset, scores, threshold)) {
    if (run.positive) continue;
    const own = episodesOf.get(dataset.nodes[run.node] ?? '') ?? [];
    let next: number | undefined;
    for (const k of own) {
      const start = dataset.episodes[k]?.startMs ?? 0;
      if (start > run.sinceMs && (next === undefined || start < (dataset.episodes[next]?.startMs ?? 0)))
        next = k;
    }
    const after = own.some((k) => {
      const e = dataset.episodes[k];
      return e !== undefined && e.startMs <= run.sinceMs && run.sinceMs - e.lastMs < AFTER_MS;
    });
    const cause = next === undefined ? undefined : matched[next];
    alarms.push({
      run,
      part: partAt(parts, run.firstPoint),
      nextMinutes:
        next === undefined ? null : ((dataset.episodes[next]?.startMs ?? 0) - run.sinceMs) / MINUTE,
      after,
      nextFamily: next === undefined ? null : (cause?.family ?? NO_CAUSE),
      causeBeforeAlarm: next === undefined ? null : cause !== undefined && cause.onsetMs <= run.sinceMs,
    });
  }
  return alarms;
}

const noParts = (): Record<RangPart, number> => ({ model: 0, component: 0, both: 0 });

function emptyCounts(): FalseAlarmCounts {
  return {
    n: 0,
    repeats: 0,
    after: 0,
    notAfter: 0,
    parts: noParts(),
    repeatParts: noParts(),
    withNext: 0,
    nextF: 0,
    nextOther: 0,
    nextNoCause: 0,
    causeBeforeAlarm: 0,
    otherFamilies: new Map(),
  };
}

function tally(counts: FalseAlarmCounts, alarm: FalseAlarm, family: string): void {
  counts.n++;
  if (alarm.after) counts.after++;
  else counts.notAfter++;
  counts.parts[alarm.part]++;
  if (alarm.run.repeat) {
    counts.repeats++;
    counts.repeatParts[alarm.part]++;
  }
  if (alarm.nextFamily === null) return;
  counts.withNext++;
  if (alarm.causeBeforeAlarm) counts.causeBeforeAlarm++;
  if (alarm.nextFamily === family) counts.nextF++;
  else if (alarm.nextFamily === NO_CAUSE) counts.nextNoCause++;
  else {
    counts.nextOther++;
    counts.otherFamilies.set(alarm.nextFamily, (counts.otherFamilies.get(alarm.nextFamily) ?? 0) + 1);
  }
}

/** The false alarms at `threshold` counted by the next incident's distance, with `family` as F. */
export function falseAlarmBreakdown(
  dataset: RiskDataset,
  scores: ArrayLike<number>,
  threshold: number,
  causes: readonly IncidentRecord[],
  parts: AlarmParts,
  family: string,
): FalseAlarmBreakdown {
  const buckets = Object.fromEntries(NEXT_INCIDENT_BUCKETS.map(([name]) => [name, emptyCounts()])) as Record<
    NextIncidentBucket,
    FalseAlarmCounts
  >;
  const all = emptyCounts();
  for (const alarm of classifyFalseAlarms(dataset, scores, threshold, causes, parts)) {
    const bucket = NEXT_INCIDENT_BUCKETS.find(([, within]) => within(alarm.nextMinutes));
    if (bucket) tally(buckets[bucket[0]], alarm, family);
    tally(all, alarm, family);
  }
  return { family, nodeDays: (dataset.length * dataset.strideMs) / 86_400_000, buckets, all };
}

const percent = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : '-');
const partsText = (p: Record<RangPart, number>) => `${p.model} / ${p.component} / ${p.both}`;
const partsNamed = (p: Record<RangPart, number>) => `model ${p.model}, comp ${p.component}, both ${p.both}`;
const minus = (a: Record<RangPart, number>, b: Record<RangPart, number>): Record<RangPart, number> => ({
  model: a.model - b.model,
  component: a.component - b.component,
  both: a.both - b.both,
});

function row(name: string, c: FalseAlarmCounts, total: number): string {
  const others = [...c.otherFamilies.entries()].sort((a, b) => b[1] - a[1]);
  const next = c.withNext
    ? `${c.nextF} / ${c.nextOther} / ${c.nextNoCause} | ${c.causeBeforeAlarm} | `
    : 'n/a | n/a | ';
  return (
    `| ${name} | ${c.n} | ${percent(c.n, total)} | ${c.repeats} | ${c.after} | ${partsText(c.parts)} | ` +
    `${next}${others.map(([f, v]) => `${f} ${v}`).join(', ')} |`
  );
}

/** The breakdown as a markdown table under `title`, with a line of shares. */
export function formatFalseAlarmBreakdown(title: string, b: FalseAlarmBreakdown): string {
  const { all, buckets } = b;
  const n = all.n;
  const sum = (names: NextIncidentBucket[], key: 'n' | 'nextF' | 'causeBeforeAlarm' | 'notAfter') =>
    names.reduce((s, name) => s + buckets[name][key], 0);
  const within4h: NextIncidentBucket[] = ['< 60 min', '60-120', '120-240'];
  const beyond4h: NextIncidentBucket[] = ['240+', 'none before end'];
  const firstHours = minus(all.parts, all.repeatParts);
  return [
    `${title}: ${n} false alarms over ${b.nodeDays.toFixed(1)} node-days = ${(n / b.nodeDays).toFixed(2)}/node-day`,
    '| next incident on node after alarm start | n | share | 2nd+ hour | "after" | rang: model / comp / both | next cause: F / other / no sim. cause | cause began before alarm | other families |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...NEXT_INCIDENT_BUCKETS.filter(([name]) => name !== '< 60 min' || buckets[name].n > 0).map(([name]) =>
      row(name, buckets[name], n),
    ),
    row('**all**', all, n),
    `first hours ${n - all.repeats} (${partsNamed(firstHours)}); repeats ${all.repeats} (${partsNamed(all.repeatParts)}). ` +
      `Shares: incident within 60-240 min ${percent(sum(within4h, 'n'), n)}` +
      ` (cause F ${percent(sum(within4h, 'nextF'), n)}; cause already begun ${percent(sum(within4h, 'causeBeforeAlarm'), n)}), ` +
      `"after" ${percent(all.after, n)}, no incident within 4 h ${percent(sum(beyond4h, 'n'), n)}` +
      ` (of which not "after" ${percent(sum(beyond4h, 'notAfter'), n)}); ` +
      `model rang (alone or both) ${percent(all.parts.model + all.parts.both, n)}, component alone ${percent(all.parts.component, n)}.`,
  ].join('\n');
}
