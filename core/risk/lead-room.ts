import { median } from '../../models/risk/metrics.ts';
import type { IncidentRecord } from '../sim/index.ts';
import { alarmRuns, leadOf } from './alarm-metrics.ts';
import type { RiskDataset } from './dataset.ts';

/**
 * How much warning the incidents allowed, and how much of it a scorer used. No predictor can warn
 * before an incident's cause begins, so an incident whose first visible signal (an OOM kill, a
 * pressure condition, NotReady) came three minutes after its cause can never be warned ten
 * minutes ahead. Only simulated histories know when each cause began (the simulator's ground
 * truth); labels and alarms never see it.
 */
export interface LeadRoom {
  /** Incidents with points before them that could be matched to a simulated cause. */
  incidents: number;
  /** Median minutes between the cause and the incident's first visible signal. */
  medianRoomMinutes: number;
  /** Incidents whose cause began at least LONG_ROOM_MINUTES before they showed. */
  longRoom: number;
  /** Of those, how many the scorer warned, and its median lead on them. */
  longRoomWarned: number;
  longRoomMedianLeadMinutes: number;
}

export const LONG_ROOM_MINUTES = 10;

/**
 * A cause that began longer ago than this is not what a later incident on its node came from
 * (the slowest simulated incident, a disk filling over 6 h, fits).
 */
const MAX_CAUSE_AGE_MS = 7 * 60 * 60_000;

/** Per episode: minutes from the latest cause on its node to its start, if there is one. */
export function causeRooms(dataset: RiskDataset, causes: readonly IncidentRecord[]): (number | undefined)[] {
  return dataset.episodes.map((episode) => {
    let onset: number | undefined;
    for (const cause of causes) {
      if (cause.node !== episode.node || cause.onsetMs > episode.startMs) continue;
      if (episode.startMs - cause.onsetMs > MAX_CAUSE_AGE_MS) continue;
      if (onset === undefined || cause.onsetMs > onset) onset = cause.onsetMs;
    }
    return onset === undefined ? undefined : (episode.startMs - onset) / 60_000;
  });
}

export function leadRoom(
  dataset: RiskDataset,
  scores: ArrayLike<number>,
  threshold: number,
  causes: readonly IncidentRecord[],
): LeadRoom {
  const rooms = causeRooms(dataset, causes);
  const { firstAlarm, announceable } = alarmRuns(dataset, scores, threshold);
  const matched = [...announceable].filter((episode) => rooms[episode] !== undefined);
  const long = matched.filter((episode) => (rooms[episode] ?? 0) >= LONG_ROOM_MINUTES);
  const longLeads = long.flatMap((episode) => {
    const at = firstAlarm.get(episode);
    return at === undefined ? [] : [leadOf(dataset, episode, at)];
  });
  return {
    incidents: matched.length,
    medianRoomMinutes: median(matched.map((episode) => rooms[episode] ?? 0)),
    longRoom: long.length,
    longRoomWarned: longLeads.length,
    longRoomMedianLeadMinutes: median(longLeads),
  };
}
