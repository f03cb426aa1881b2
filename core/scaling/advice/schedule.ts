import { replicasForLoad } from '../replay/predictive-policy.ts';
import { quantile } from '../forecast/quantile.ts';
import type { WorkloadObservation } from './types.ts';

/**
 * A week as two hourly profiles (weekdays, weekends; UTC): the replicas that keep each hour's
 * 90th-percentile load at the target utilization. Peaks are the hours at the profile's maximum,
 * quiet windows the runs of hours at its minimum, and every increase is scheduled `leadMinutes`
 * early so the new pods are ready when the load arrives.
 */
export type DayKind = 'weekdays' | 'weekends';

export interface HourWindow {
  readonly days: DayKind;
  /** First hour, 0..23 (UTC). */
  readonly fromHour: number;
  /** Hour after the last, 1..24. */
  readonly toHour: number;
}

export interface ScheduleChange {
  readonly days: DayKind;
  /** Minutes after midnight UTC when the scale runs (already `leadMinutes` early for increases). */
  readonly minuteOfDay: number;
  readonly replicas: number;
}

export interface WeeklySchedule {
  readonly weekdays: readonly number[];
  readonly weekends: readonly number[];
  readonly peaks: readonly HourWindow[];
  readonly quiet: readonly HourWindow[];
  readonly leadMinutes: number;
  readonly changes: readonly ScheduleChange[];
}

export const SCHEDULE_LOAD_PERCENTILE = 0.9;
export const DEFAULT_LEAD_MINUTES = 10;

function isWeekend(tMs: number): boolean {
  const day = new Date(tMs).getUTCDay();
  return day === 0 || day === 6;
}

function profile(buckets: number[][], w: WorkloadObservation, target: number, floor: number): number[] {
  const fallback = buckets.flat();
  return buckets.map((values) => {
    const load = quantile(values.length > 0 ? values : fallback, SCHEDULE_LOAD_PERCENTILE);
    return Number.isFinite(load) ? Math.max(floor, replicasForLoad(load, w.requestCpuMillis, target)) : floor;
  });
}

function windows(days: DayKind, replicas: readonly number[], pick: (r: number) => boolean): HourWindow[] {
  const out: HourWindow[] = [];
  for (let h = 0; h < 24; h++) {
    if (!pick(replicas[h] ?? 0)) continue;
    const last = out.at(-1);
    if (last && last.toHour === h) out[out.length - 1] = { ...last, toHour: h + 1 };
    else out.push({ days, fromHour: h, toHour: h + 1 });
  }
  return out;
}

function changes(days: DayKind, replicas: readonly number[], lead: number): ScheduleChange[] {
  const out: ScheduleChange[] = [];
  for (let h = 0; h < 24; h++) {
    const before = replicas[(h + 23) % 24] ?? 0;
    const now = replicas[h] ?? 0;
    if (now === before) continue;
    const minute = h * 60 - (now > before ? lead : 0);
    out.push({ days, minuteOfDay: (minute + 1440) % 1440, replicas: now });
  }
  return out;
}

export function weeklySchedule(
  w: WorkloadObservation,
  targetUtilization: number,
  minReplicas: number,
  leadMinutes = DEFAULT_LEAD_MINUTES,
): WeeklySchedule {
  const weekday: number[][] = Array.from({ length: 24 }, () => []);
  const weekend: number[][] = Array.from({ length: 24 }, () => []);
  for (let i = 0; i < w.cpuMillis.length; i++) {
    const v = w.cpuMillis[i] ?? NaN;
    if (!Number.isFinite(v)) continue;
    const t = w.startMs + i * w.stepMs;
    const hour = new Date(t).getUTCHours();
    (isWeekend(t) ? weekend : weekday)[hour]?.push(v);
  }
  const weekdays = profile(weekday, w, targetUtilization, minReplicas);
  // Without a weekend in the history, weekends repeat the weekdays.
  const weekends = weekend.some((b) => b.length > 0)
    ? profile(weekend, w, targetUtilization, minReplicas)
    : weekdays;
  const all = [...weekdays, ...weekends];
  const top = Math.max(...all);
  const bottom = Math.min(...all);
  const spread = top > bottom;
  return {
    weekdays,
    weekends,
    peaks: spread
      ? [
          ...windows('weekdays', weekdays, (r) => r === top),
          ...windows('weekends', weekends, (r) => r === top),
        ]
      : [],
    quiet: spread
      ? [
          ...windows('weekdays', weekdays, (r) => r === bottom),
          ...windows('weekends', weekends, (r) => r === bottom),
        ]
      : [],
    leadMinutes,
    changes: [...changes('weekdays', weekdays, leadMinutes), ...changes('weekends', weekends, leadMinutes)],
  };
}
