import { describe, expect, it } from 'vitest';
import {
  chooseComponentThreshold,
  combinedScores,
  COMBINED_ALARM,
  componentScores,
  TC_GRIDS,
  type ComponentName,
} from './alarm-components.ts';
import { alarmSummary } from './alarm-metrics.ts';
import { FEATURE_COUNT, featureIndex } from './features.ts';
import { minuteDataset } from './test-support.ts';

/** One row of computed features, zero but for the named ones. */
function row(values: Record<string, number>): Float32Array {
  const x = new Float32Array(FEATURE_COUNT);
  for (const [name, v] of Object.entries(values)) x[featureIndex(name)] = v;
  return x;
}

describe('componentScores', () => {
  const leak = { memoryExhaustionSlow: 0.6, memoryExhaustion: 0.2, cpuDetector: 0.9, diskLevel: 0.95 };
  const fill = { diskExhaustion: 0.7, diskExhaustionSlow: 0.4, diskDetector: 0.3 };
  it.each([
    // [component, features, score]
    ['none', leak, 0],
    ['E', leak, 0.6],
    ['D', leak, 0.9],
    ['E+D', leak, 0.9],
    ['E', fill, 0.7],
    ['D', fill, 0.3],
    ['E', { podMemoryExhaustionSlow: 0.8, diskLevel: 0.99 }, 0.8],
    ['E', { cpuDetector: 1, diskLevel: 0.99 }, 0],
  ] as const)('%s of %j is %d', (name, values, score) => {
    expect(componentScores(name as ComponentName, row(values))[0]).toBeCloseTo(score, 6);
  });

  it('scores each row of row-major features on its own', () => {
    const two = new Float32Array([...row({ diskExhaustion: 0.3 }), ...row({ memoryDetector: 0.5 })]);
    expect(Array.from(componentScores('E+D', two), (v) => +v.toFixed(3))).toEqual([0.3, 0.5]);
  });
});

describe('E30, the exhaustion forecast at the 30-min trend alone', () => {
  // Memory at 0.8 of allocatable climbing 0.2 per hour over 5 and 30 min (the limit 60 min away)
  // while the 2-h trend is still flat: the fast score is e^(-1 h / 0.5 h), the slow one 0.
  const youngClimb = {
    memoryLevel: 0.8,
    memorySlope5m: 0.2,
    memorySlope30m: 0.2,
    memorySlope2h: 0,
    memoryExhaustion: Math.exp(-2),
    memoryExhaustionSlow: 0,
  };

  it('scores a steady climb 60 min from its limit with a flat 2-h trend above E', () => {
    const [e30 = 0] = componentScores('E30', row(youngClimb));
    const [e = 0] = componentScores('E', row(youngClimb));
    expect(e).toBeCloseTo(Math.exp(-2), 6);
    expect(e30).toBeCloseTo(Math.exp(-0.5), 6);
    expect(e30).toBeGreaterThan(e);
  });

  it.each([
    ['a falling metric', { memoryLevel: 0.9, memorySlope30m: -0.1 }],
    ['a flat metric', { diskLevel: 0.8, diskSlope30m: 0 }],
    ['an unknown metric (level 0)', { podMemoryLevel: 0, podMemorySlope30m: 0.5 }],
    ['a rising CPU (it never runs out)', { cpuLevel: 0.9, cpuSlope30m: 2 }],
  ])('scores %s 0', (_, values) => {
    expect(componentScores('E30', row(values))[0]).toBe(0);
  });

  it.each([
    ['memory at its limit', { memoryLevel: 1, memorySlope30m: -0.1 }],
    ['disk past its eviction threshold (0.9)', { diskLevel: 0.95, diskSlope30m: 0 }],
  ])('scores %s 1', (_, values) => {
    expect(componentScores('E30', row(values))[0]).toBe(1);
  });

  it('takes the fast score when it is the worse, and the worst resource', () => {
    expect(
      componentScores('E30', row({ diskExhaustion: 0.7, memoryLevel: 0.5, memorySlope30m: 0.1 }))[0],
    ).toBeCloseTo(0.7, 6);
    expect(
      componentScores(
        'E30',
        row({ memoryLevel: 0.5, memorySlope30m: 0.5, podMemoryLevel: 0.9, podMemorySlope30m: 0.1 }),
      )[0],
    ).toBeCloseTo(Math.exp(-1 / 2), 6);
  });
});

describe('E30C (round 5): E30, or a container towards its own limit', () => {
  it('rings for a container leaking below the fullest one, which E30 does not see', () => {
    // The fullest container steady at 0.9; another at 14 min from its limit at its own trend.
    const values = {
      podMemoryLevel: 0.9,
      podMemorySlope30m: 0,
      containerMemoryExhaustion: Math.exp(-14 / 120),
    };
    expect(componentScores('E30', row(values))[0]).toBe(0);
    expect(componentScores('E30C', row(values))[0]).toBeCloseTo(Math.exp(-14 / 120), 6);
  });

  it('is E30 where no container rises faster than the resources E30 reads', () => {
    const values = { memoryLevel: 0.5, memorySlope30m: 0.5, containerMemoryExhaustion: 0.1 };
    expect(componentScores('E30C', row(values))[0]).toBeCloseTo(
      componentScores('E30', row(values))[0] ?? -1,
      6,
    );
  });
});

describe('combinedScores', () => {
  it.each([
    // [p, t_m, c, t_c, rings]
    [0.4, 0.35, 0, 0.8, true],
    [0.2, 0.35, 0.85, 0.8, true],
    [0.2, 0.35, 0.79, 0.8, false],
    [0.35, 0.35, 0.8, 0.8, true],
    // a float32 probability just under t_m must not round up to the alarm
    [Math.fround(0.35), 0.35, 0, 0.8, Math.fround(0.35) >= 0.35],
    [0.3499999, 0.35, 0.7999999, 0.8, false],
  ])('p %d (t_m %d), c %d (t_c %d): rings %s', (p, tm, c, tc, rings) => {
    const [s = 0] = combinedScores([p], tm, [c], tc);
    expect(s >= COMBINED_ALARM).toBe(rings);
  });

  it('is monotone in both: more of either never lowers the score', () => {
    const ps = [0, 0.1, 0.3, 0.35, 0.5, 1];
    const low = combinedScores(
      ps,
      0.35,
      ps.map(() => 0.2),
      0.8,
    );
    const high = combinedScores(
      ps,
      0.35,
      ps.map(() => 0.6),
      0.8,
    );
    for (let i = 1; i < ps.length; i++) expect(low[i]).toBeGreaterThanOrEqual(low[i - 1] ?? 0);
    for (let i = 0; i < ps.length; i++) expect(high[i]).toBeGreaterThanOrEqual(low[i] ?? 0);
  });
});

describe('chooseComponentThreshold', () => {
  // One node-day; the model never alarms; the component rises at 100 (0.30), 300 (0.72) and 800
  // (0.92) for nothing, and to 0.97 before the incident at 600.
  const day = minuteDataset({ minutes: 1440, incidentsAt: [600], horizonMinutes: 30 });
  const falseRises = new Map([
    [100, 0.3],
    [300, 0.72],
    [800, 0.92],
  ]);
  const component = Float32Array.from(day.times, (t) => {
    const minute = t / 60_000;
    return minute >= 590 && minute < 600 ? 0.97 : (falseRises.get(minute) ?? 0);
  });
  const p = new Float32Array(day.length);
  const perDay = (falseAlarms: number) => falseAlarms / ((day.length * day.strideMs) / 86_400_000);

  it.each([
    // [budget, t_c]
    [perDay(3), 0.1],
    [perDay(2), 0.35],
    [perDay(1), 0.75],
    [perDay(0), 0.95],
  ])('with a budget of %d false alarms per node-day: the lowest grid value within it, %d', (budget, tc) => {
    expect(chooseComponentThreshold(day, p, 0.35, component, budget)).toBe(tc);
  });

  it("round 3's grid stops at 0.50, so it never goes lower, as round 3's figures were made", () => {
    expect(chooseComponentThreshold(day, p, 0.35, component, perDay(3), TC_GRIDS.round3)).toBe(0.5);
    expect(chooseComponentThreshold(day, p, 0.35, component, perDay(1), TC_GRIDS.round3)).toBe(0.75);
  });

  it('takes no part when no grid value keeps the budget', () => {
    const always = Float32Array.from(day.times, (t) => (t / 60_000 === 800 ? 1 : 0));
    expect(chooseComponentThreshold(day, p, 0.35, always, 0)).toBeUndefined();
  });

  it("counts the combined alarm's false alarms, the model's included", () => {
    const modelNoise = Float32Array.from(day.times, (t) => (t / 60_000 === 1000 ? 0.5 : 0));
    expect(
      alarmSummary(day, combinedScores(modelNoise, 0.35, component, 0.95), COMBINED_ALARM).falseAlarms,
    ).toBe(1);
    expect(chooseComponentThreshold(day, modelNoise, 0.35, component, perDay(1))).toBe(0.95);
  });
});
