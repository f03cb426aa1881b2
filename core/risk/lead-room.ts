import { median } from '../../models/risk/metrics.ts';
import type { IncidentRecord } from '../sim/index.ts';
import { alarmRuns, leadOf, type AlarmRuns } from './alarm-metrics.ts';
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
  /** The same per scenario family of the cause (NO_CAUSE: incidents no simulated cause explains). */
  families: FamilyRoom[];
}

/** One scenario family's incidents: how many were warned, how early, and how much room they left. */
export interface FamilyRoom {
  family: string;
  incidents: number;
  warned: number;
  medianLeadMinutes: number;
  medianRoomMinutes: number;
}

export const NO_CAUSE = 'no simulated cause';

export const LONG_ROOM_MINUTES = 10;

/**
 * A cause that began longer ago than this is not what a later incident on its node came from
 * (the slowest simulated incident, a disk filling over 6 h, fits).
 */
const MAX_CAUSE_AGE_MS = 7 * 60 * 60_000;

/** Per episode: the latest cause on its node before its start, if there is one. */
export function episodeCauses(
  dataset: RiskDataset,
  causes: readonly IncidentRecord[],
): (IncidentRecord | undefined)[] {
  return dataset.episodes.map((episode) => {
    let latest: IncidentRecord | undefined;
    for (const cause of causes) {
      if (cause.node !== episode.node || cause.onsetMs > episode.startMs) continue;
      if (episode.startMs - cause.onsetMs > MAX_CAUSE_AGE_MS) continue;
      if (latest === undefined || cause.onsetMs > latest.onsetMs) latest = cause;
    }
    return latest;
  });
}

/** Per episode: minutes from the latest cause on its node to its start, if there is one. */
export function causeRooms(dataset: RiskDataset, causes: readonly IncidentRecord[]): (number | undefined)[] {
  return episodeCauses(dataset, causes).map((cause, episode) =>
    cause === undefined ? undefined : ((dataset.episodes[episode]?.startMs ?? 0) - cause.onsetMs) / 60_000,
  );
}

function familyRooms(
  dataset: RiskDataset,
  causes: readonly IncidentRecord[],
  { firstAlarm, announceable }: Pick<AlarmRuns, 'firstAlarm' | 'announceable'>,
): FamilyRoom[] {
  const matched = episodeCauses(dataset, causes);
  const rooms = causeRooms(dataset, causes);
  const byFamily = new Map<string, { incidents: number; leads: number[]; rooms: number[] }>();
  for (const episode of announceable) {
    const family = matched[episode]?.family ?? NO_CAUSE;
    const entry = byFamily.get(family) ?? { incidents: 0, leads: [], rooms: [] };
    entry.incidents++;
    const room = rooms[episode];
    if (room !== undefined) entry.rooms.push(room);
    const at = firstAlarm.get(episode);
    if (at !== undefined) entry.leads.push(leadOf(dataset, episode, at));
    byFamily.set(family, entry);
  }
  return [...byFamily.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([family, e]) => ({
      family,
      incidents: e.incidents,
      warned: e.leads.length,
      medianLeadMinutes: median(e.leads),
      medianRoomMinutes: median(e.rooms),
    }));
}

export function leadRoom(
  dataset: RiskDataset,
  scores: ArrayLike<number>,
  threshold: number,
  causes: readonly IncidentRecord[],
): LeadRoom {
  const rooms = causeRooms(dataset, causes);
  const runs = alarmRuns(dataset, scores, threshold);
  const { firstAlarm, announceable } = runs;
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
    families: familyRooms(dataset, causes, runs),
  };
}

/**
 * Per family of the cause: how many incidents, and the median minutes from cause to incident,
 * from the simulator's ground truth alone (no scorer: which incidents are counted does not depend
 * on any score).
 */
export function familyRoomsOfTruth(
  dataset: RiskDataset,
  causes: readonly IncidentRecord[],
): Pick<FamilyRoom, 'family' | 'incidents' | 'medianRoomMinutes'>[] {
  const noAlarms = alarmRuns(dataset, new Float32Array(dataset.length), Infinity);
  return familyRooms(dataset, causes, noAlarms).map(({ family, incidents, medianRoomMinutes }) => ({
    family,
    incidents,
    medianRoomMinutes,
  }));
}
