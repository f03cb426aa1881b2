import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, FEATURE_NAMES, featureIndex } from './features.ts';
import { AGGREGATE_NAMES, canFeed, FEATURE_SETS, networkInputs } from './network-inputs.ts';

/** Two rows of computed features with the named values set, the rest 0. */
function rows(...values: Record<string, number>[]): Float32Array {
  const x = new Float32Array(values.length * FEATURE_COUNT);
  values.forEach((v, r) => {
    for (const [name, value] of Object.entries(v)) x[r * FEATURE_COUNT + featureIndex(name)] = value;
  });
  return x;
}

describe('the network inputs', () => {
  it('are the computed features themselves (the same array) for a model that reads exactly them', () => {
    const x = rows({ memoryLevel: 0.5 });
    expect(networkInputs(FEATURE_NAMES, x)).toBe(x);
  });

  it("today's are the computed features less those added after the shipped model, in order", () => {
    expect(FEATURE_SETS.today).toEqual(FEATURE_NAMES.filter((n) => n !== 'containerMemoryExhaustion'));
    const x = rows({ memoryLevel: 0.5, containerMemoryExhaustion: 0.9, incidents7d: 0.7 });
    const y = networkInputs(FEATURE_SETS.today, x);
    expect(y).toHaveLength(FEATURE_SETS.today.length);
    expect(y[FEATURE_SETS.today.indexOf('memoryLevel')]).toBeCloseTo(0.5, 6);
    expect(y[FEATURE_SETS.today.indexOf('incidents7d')]).toBeCloseTo(0.7, 6);
    expect(y).not.toContain(Math.fround(0.9));
  });

  it('aggregate the worst of memory, disk and the fullest container, each against where it runs out', () => {
    const x = rows(
      { memoryLevel: 0.6, diskLevel: 0.81, podMemoryLevel: 0.7, diskSlope30m: 0.09, memoryDetector: 0.4 },
      { memoryLevel: 0.95, diskExhaustion: 0.3, podMemoryExhaustionSlow: 0.2, podMemorySlope2h: -0.1 },
    );
    const names = [
      'worstLevel',
      'worstSlope30m',
      'worstExhaustion',
      'worstExhaustionSlow',
      'worstDetector',
      'worstSlope2h',
    ];
    const y = networkInputs(names, x);
    expect(Array.from(y.subarray(0, 6))).toEqual(
      [0.9, 0.1, 0, 0, 0.4, 0].map((v) => expect.closeTo(v, 6) as unknown as number),
    );
    expect(Array.from(y.subarray(6, 12))).toEqual(
      [0.95, 0, 0.3, 0.2, 0, 0].map((v) => expect.closeTo(v, 6) as unknown as number),
    );
  });

  it('A adds the aggregates; B keeps CPU, pods and events but no memory, disk or podMemory feature', () => {
    expect(FEATURE_SETS.A).toEqual([...FEATURE_SETS.today, ...AGGREGATE_NAMES]);
    expect(FEATURE_SETS.B).toContain('cpuSlope30m');
    expect(FEATURE_SETS.B).toContain('oomkills30m');
    expect(FEATURE_SETS.B.filter((n) => /^(memory|disk|podMemory)[A-Z]/.test(n))).toEqual([]);
    const x = rows({ cpuLevel: 0.3, diskLevel: 0.45 });
    const y = networkInputs(FEATURE_SETS.B, x);
    expect(y[FEATURE_SETS.B.indexOf('cpuLevel')]).toBeCloseTo(0.3, 6);
    expect(y[FEATURE_SETS.B.indexOf('worstLevel')]).toBeCloseTo(0.5, 6);
  });

  it('knows which inputs it can feed', () => {
    expect(canFeed(FEATURE_SETS.B)).toBe(true);
    expect(canFeed(['memoryLevel', 'gpuLevel'])).toBe(false);
  });
});
