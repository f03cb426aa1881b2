import { median } from '../../models/risk/metrics.ts';
import type { RiskDataset } from './dataset.ts';

/**
 * What an operator feels of a score: with alarms at `threshold`, how early incidents were
 * announced and how often the alarm rang for nothing. Counted in alarm episodes (an alarm that
 * stays on for an hour is one alarm), per node, in time order.
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
  falseAlarms: number;
  nodeDays: number;
  falseAlarmsPerNodeDay: number;
}

export function alarmSummary(
  dataset: RiskDataset,
  scores: ArrayLike<number>,
  threshold: number,
): AlarmSummary {
  const firstAlarm = new Map<number, number>();
  const announceable = new Set<number>();
  let falseAlarms = 0;
  let previousNode = -1;
  let previousTime = -Infinity;
  let alarmed = false;
  for (let i = 0; i < dataset.length; i++) {
    const node = dataset.nodeOf[i] ?? 0;
    const t = dataset.times[i] ?? 0;
    // A skipped stretch (an incident in progress) ends any alarm: the next one is new.
    if (node !== previousNode || t - previousTime > dataset.strideMs * 1.5) alarmed = false;
    previousNode = node;
    previousTime = t;
    const on = (scores[i] ?? 0) >= threshold;
    const episode = dataset.episodeOf[i] ?? -1;
    if (episode >= 0) announceable.add(episode);
    if (on && episode >= 0 && !firstAlarm.has(episode)) firstAlarm.set(episode, t);
    if (on && !alarmed && episode < 0) falseAlarms++;
    alarmed = on;
  }
  const leadMinutes = [...firstAlarm.entries()].map(
    ([episode, t]) => ((dataset.episodes[episode]?.startMs ?? t) - t) / 60_000,
  );
  const nodeDays = (dataset.length * dataset.strideMs) / 86_400_000;
  const medianLead = median(leadMinutes);
  return {
    threshold,
    incidents: announceable.size,
    warned: firstAlarm.size,
    leadMinutes,
    medianLeadMinutes: medianLead,
    falseAlarms,
    nodeDays,
    falseAlarmsPerNodeDay: nodeDays > 0 ? falseAlarms / nodeDays : 0,
  };
}
