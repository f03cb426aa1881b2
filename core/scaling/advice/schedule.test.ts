import { describe, expect, it } from 'vitest';
import { weeklySchedule } from './schedule.ts';
import type { WorkloadObservation } from './types.ts';

const MONDAY = Date.UTC(2026, 0, 5);
const HOUR = 3_600_000;

/** Two weeks hourly: 700m from 9:00 to 17:00 on weekdays, 140m otherwise (200m request, 70%). */
function office(): WorkloadObservation {
  const cpuMillis = Array.from({ length: 14 * 24 }, (_, i) => {
    const t = MONDAY + i * HOUR;
    const day = new Date(t).getUTCDay();
    const hour = new Date(t).getUTCHours();
    return day >= 1 && day <= 5 && hour >= 9 && hour < 17 ? 700 : 140;
  });
  return {
    workload: 'shop/office',
    kind: 'Deployment',
    replicas: 5,
    requestCpuMillis: 200,
    requestMemoryBytes: 2 ** 28,
    startMs: MONDAY,
    stepMs: HOUR,
    cpuMillis,
    podMemoryBytes: cpuMillis.map(() => 2 ** 27),
    oomKills: 0,
  };
}

describe('weeklySchedule', () => {
  const schedule = weeklySchedule(office(), 70, 2, 10);

  it('sizes each hour for its load at the target, with the floor', () => {
    expect(schedule.weekdays[12]).toBe(5); // 700m / 140m per pod
    expect(schedule.weekdays[3]).toBe(2); // 1 pod's worth, floored at 2
    expect(schedule.weekends.every((r) => r === 2)).toBe(true);
  });

  it('finds the peak and the quiet windows', () => {
    expect(schedule.peaks).toEqual([{ days: 'weekdays', fromHour: 9, toHour: 17 }]);
    expect(schedule.quiet).toEqual([
      { days: 'weekdays', fromHour: 0, toHour: 9 },
      { days: 'weekdays', fromHour: 17, toHour: 24 },
      { days: 'weekends', fromHour: 0, toHour: 24 },
    ]);
  });

  it('scales up the lead time early and down on the hour', () => {
    expect(schedule.changes).toEqual([
      { days: 'weekdays', minuteOfDay: 9 * 60 - 10, replicas: 5 },
      { days: 'weekdays', minuteOfDay: 17 * 60, replicas: 2 },
    ]);
  });
});
