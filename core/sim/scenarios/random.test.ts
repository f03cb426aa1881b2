import { describe, expect, it } from 'vitest';
import { randomScenarios } from './random.ts';
import { SCENARIO_FAMILIES } from './scenario.ts';

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
});
