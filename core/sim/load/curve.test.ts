import { describe, expect, it } from 'vitest';
import { DAY_MS, dailyWave, demandAt, weekly } from './curve.ts';
import type { LoadProfile } from './profile.ts';

const MONDAY = Date.UTC(2025, 5, 2); // a Monday, midnight UTC
const HOUR = 3_600_000;

const profile: LoadProfile = {
  entity: 42,
  workload: 'shop/frontend',
  pattern: 'web',
  cpuBaseMillis: 200,
  memoryBaseBytes: 256 * 2 ** 20,
  dailyAmplitude: 0.5,
  peakHour: 17,
  weekendDip: 0.3,
  trendPerDay: 0.01,
  noise: 0.1,
  burstChance: 0,
  diskBytes: 0,
  runMs: Infinity,
};

function meanCpu(p: LoadProfile, fromMs: number, hours: number): number {
  let sum = 0;
  let n = 0;
  for (let t = fromMs; t < fromMs + hours * HOUR; t += 60_000) {
    sum += demandAt(1, p, t, MONDAY).cpuMillis;
    n++;
  }
  return sum / n;
}

describe('usage curve', () => {
  it('peaks at the profile hour and bottoms out twelve hours away', () => {
    expect(dailyWave(MONDAY + 17 * HOUR, 17)).toBeCloseTo(1);
    expect(dailyWave(MONDAY + 5 * HOUR, 17)).toBeCloseTo(-1);
    expect(meanCpu(profile, MONDAY + 16 * HOUR, 2)).toBeGreaterThan(
      2 * meanCpu(profile, MONDAY + 4 * HOUR, 2),
    );
  });

  it.each([
    ['Monday noon', MONDAY + 12 * HOUR, 1],
    ['Saturday 01:00 (ramping in)', MONDAY + 5 * DAY_MS + 1 * HOUR, 0.85],
    ['Sunday noon', MONDAY + 6 * DAY_MS + 12 * HOUR, 0.7],
    ['Monday 01:00 (ramping out)', MONDAY + 7 * DAY_MS + 1 * HOUR, 0.85],
    ['Monday 03:00', MONDAY + 7 * DAY_MS + 3 * HOUR, 1],
  ])('weekly factor on %s is %f', (_name, t, factor) => {
    expect(weekly(t, 0.3)).toBeCloseTo(factor);
  });

  it('grows with the trend: a week later the same hour is about 7% busier', () => {
    const now = meanCpu(profile, MONDAY + 10 * HOUR, 4);
    const later = meanCpu(profile, MONDAY + 7 * DAY_MS + 10 * HOUR, 4);
    expect(later / now).toBeGreaterThan(1.04);
    expect(later / now).toBeLessThan(1.1);
  });

  it('bursts: rare windows well above the curve', () => {
    const bursty = { ...profile, burstChance: 1 };
    const t = MONDAY + 10 * HOUR + 5 * 60_000; // the middle of a 10-minute window
    expect(demandAt(1, bursty, t, MONDAY).cpuMillis).toBeGreaterThan(
      1.4 * demandAt(1, profile, t, MONDAY).cpuMillis,
    );
  });

  it('is a pure function of seed, profile and time', () => {
    const t = MONDAY + 13 * HOUR + 1234;
    expect(demandAt(7, profile, t, MONDAY)).toEqual(demandAt(7, profile, t, MONDAY));
    expect(demandAt(7, profile, t, MONDAY)).not.toEqual(demandAt(8, profile, t, MONDAY));
  });
});
