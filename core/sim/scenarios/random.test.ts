import { describe, expect, it } from 'vitest';
import { randomScenarios } from './random.ts';
import { SCENARIO_FAMILIES } from './scenario.ts';
import { REALISTIC_TIMESCALES } from './timescales.ts';

describe('randomScenarios', () => {
  it('draws the same incidents for the same seed, sorted by onset, within the horizon', () => {
    const a = randomScenarios(4, { count: 40, horizonMs: 86_400_000 });
    expect(randomScenarios(4, { count: 40, horizonMs: 86_400_000 })).toEqual(a);
    expect(randomScenarios(5, { count: 40, horizonMs: 86_400_000 })).not.toEqual(a);
    expect(a.map((s) => s.onsetMs)).toEqual([...a.map((s) => s.onsetMs)].sort((x, y) => x - y));
    for (const s of a) {
      expect(s.onsetMs).toBeGreaterThanOrEqual(0);
      expect(s.onsetMs).toBeLessThan(86_400_000);
      expect(s.severity).toBeGreaterThanOrEqual(0.3);
      expect(s.severity).toBeLessThanOrEqual(1);
    }
    expect(new Set(a.map((s) => s.family)).size).toBe(SCENARIO_FAMILIES.length);
    expect(new Set(a.map((s) => s.precursor))).toEqual(new Set(['strong', 'weak', 'none']));
  });

  it('keeps to the families asked for', () => {
    const specs = randomScenarios(1, {
      families: ['diskFill', 'trafficSurge'],
      count: 10,
      horizonMs: 3_600_000,
      startOffsetMs: 600_000,
    });
    expect(new Set(specs.map((s) => s.family))).toEqual(new Set(['diskFill', 'trafficSurge']));
    expect(specs.every((s) => s.onsetMs >= 600_000)).toBe(true);
  });

  it('draws realistic timescales only when asked, for the same incidents', () => {
    const options = { count: 60, horizonMs: 86_400_000 };
    const short = randomScenarios(9, options);
    expect(short.some((s) => s.timescaleMs !== undefined)).toBe(false);
    expect(randomScenarios(9, { ...options, timescales: 'short' })).toEqual(short);
    const realistic = randomScenarios(9, { ...options, timescales: 'realistic' });
    expect(realistic.map(({ timescaleMs: _, ...rest }) => rest)).toEqual(short);
    for (const s of realistic) {
      const range = REALISTIC_TIMESCALES[s.family];
      if (!range) {
        expect(s.timescaleMs, s.family).toBeUndefined();
        continue;
      }
      expect(s.timescaleMs, s.family).toBeGreaterThanOrEqual(range[0]);
      expect(s.timescaleMs, s.family).toBeLessThanOrEqual(range[1]);
    }
    // Log-uniform: leaks of both minutes and hours.
    const leaks = realistic.filter((s) => s.family === 'memoryLeak').map((s) => s.timescaleMs ?? 0);
    expect(Math.min(...leaks)).toBeLessThan(30 * 60_000);
    expect(Math.max(...leaks)).toBeGreaterThan(60 * 60_000);
  });
});
