import { describe, expect, it } from 'vitest';
import type { LifecycleEvent } from '../kube/lifecycle.ts';
import { FEATURE_COUNT, FEATURE_NAMES, featureIndex, NodeFeatureSeries } from './features.ts';
import type { NodeHistory } from './node-history.ts';

const MIN = 60_000;
const T0 = Date.UTC(2025, 5, 3);
const GIB = 1024 ** 3;

/** A node at 40% memory, then a leak of 1% per minute from minute 180. */
function history(minutes: number, events: LifecycleEvent[] = []): NodeHistory {
  return {
    node: 'n1',
    cpuAllocatableMillis: 4000,
    memoryAllocatableBytes: 16 * GIB,
    podCapacity: 110,
    samples: Array.from({ length: minutes }, (_, i) => ({
      at: T0 + i * MIN,
      cpuMillis: 1000 + 50 * Math.sin(i / 7),
      memoryBytes: (0.4 + (i >= 180 ? (i - 180) * 0.01 : 0) + 0.002 * Math.sin(i)) * 16 * GIB,
      pods: 10,
    })),
    events,
  };
}

const at = (f: Float32Array, name: string) => f[featureIndex(name)] ?? Number.NaN;

describe('risk features', () => {
  it('has a name for every value', () => {
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_COUNT);
    expect(NodeFeatureSeries.fromHistory(history(10)).featuresAt(9)).toHaveLength(FEATURE_COUNT);
  });

  it('are causal: features at a time do not change when later samples and events arrive', () => {
    const events: LifecycleEvent[] = [
      { at: T0 + 100 * MIN, kind: 'PodOOMKilled', node: 'n1', pod: 'p', detail: '' },
      { at: T0 + 200 * MIN, kind: 'PodEvicted', node: 'n1', pod: 'q', detail: '' },
    ];
    const short = NodeFeatureSeries.fromHistory(history(150, events.slice(0, 1)));
    const long = NodeFeatureSeries.fromHistory(history(300, events));
    for (const i of [0, 30, 99, 100, 149])
      expect(Array.from(long.featuresAt(i))).toEqual(Array.from(short.featuresAt(i)));
  });

  it('sees a leak: memory slope and the detector rise, the level follows', () => {
    const series = NodeFeatureSeries.fromHistory(history(240));
    const before = series.featuresAt(170);
    const during = series.featuresAt(200);
    expect(at(before, 'memorySlope30m')).toBeCloseTo(0, 1);
    // 1% of allocatable per minute is 0.6 per hour.
    expect(at(during, 'memorySlope5m')).toBeCloseTo(0.6, 1);
    expect(at(during, 'memoryDetector')).toBeGreaterThan(0.5);
    expect(at(during, 'memoryLevel')).toBeCloseTo(0.6, 1);
  });

  it('counts events by kind and window, and knows a node is NotReady', () => {
    const events: LifecycleEvent[] = [
      { at: T0 + 50 * MIN, kind: 'PodOOMKilled', node: 'n1', pod: 'p', detail: '' },
      { at: T0 + 55 * MIN, kind: 'PodOOMKilled', node: 'n1', pod: 'p', detail: '' },
      { at: T0 + 56 * MIN, kind: 'NodeCondition', node: 'n1', detail: 'Ready=Unknown' },
    ];
    const f = NodeFeatureSeries.fromHistory(history(70, events)).featuresAt(60);
    expect(at(f, 'oomkills30m')).toBeCloseTo(Math.log1p(2));
    expect(at(f, 'conditionFlaps30m')).toBeCloseTo(Math.log1p(1));
    expect(at(f, 'notReady')).toBe(1);
    expect(at(f, 'incidents7d')).toBeGreaterThan(0);
  });

  it('marks missing metrics rather than inventing values', () => {
    const h = history(60);
    for (let i = 50; i < 60; i++)
      h.samples[i] = { at: T0 + i * MIN, cpuMillis: null, memoryBytes: null, pods: 0 };
    const f = NodeFeatureSeries.fromHistory(h).featuresAt(59);
    expect(at(f, 'missingMetrics5m')).toBe(1);
    expect(at(f, 'missingMetrics30m')).toBeCloseTo(10 / 31, 2);
    expect(FEATURE_NAMES.every((_, i) => Number.isFinite(f[i]))).toBe(true);
  });

  it('counts a condition turning bad as trouble, and its recovery only as a flap', () => {
    const events: LifecycleEvent[] = [
      { at: T0 + 40 * MIN, kind: 'NodeCondition', node: 'n1', detail: 'MemoryPressure=True' },
      { at: T0 + 45 * MIN, kind: 'NodeCondition', node: 'n1', detail: 'MemoryPressure=False' },
      { at: T0 + 46 * MIN, kind: 'KubeletStarted', node: 'n1', detail: 'Starting: Starting kubelet.' },
      {
        at: T0 + 47 * MIN,
        kind: 'Warning',
        node: 'n1',
        pod: 'p',
        detail: 'Unhealthy: Readiness probe failed',
      },
    ];
    const f = NodeFeatureSeries.fromHistory(history(50, events)).featuresAt(49);
    expect(at(f, 'conditionFlaps30m')).toBeCloseTo(Math.log1p(2));
    expect(at(f, 'conditionTroubles30m')).toBeCloseTo(Math.log1p(1));
    expect(at(f, 'kubeletStarts30m')).toBeCloseTo(Math.log1p(1));
    expect(at(f, 'probeFailures30m')).toBeCloseTo(Math.log1p(1));
    expect(at(f, 'warnings30m')).toBe(0);
    const later = NodeFeatureSeries.fromHistory(history(120, events)).featuresAt(119);
    expect(at(later, 'conditionTroubles30m')).toBe(0);
  });

  it.each([
    ['a disk filling 1% a minute from 60%', 0.6, 0.01, 0.5],
    ['a disk at a steady 60%', 0.6, 0, 0],
    ['a disk already past the eviction threshold', 0.95, 0, 1],
  ])('scores exhaustion: %s', (_, start, perMinute, atLeast) => {
    const capacity = 100 * GIB;
    const h: NodeHistory = {
      ...history(40),
      diskCapacityBytes: capacity,
      samples: history(40).samples.map((s, i) => ({
        ...s,
        diskBytes: Math.min(1, start + perMinute * i) * capacity,
      })),
    };
    const f = NodeFeatureSeries.fromHistory(h).featuresAt(39);
    // 1%/min from 60% reaches 90% in 30 min; at 99% after 39 min it is already exhausted.
    expect(at(f, 'diskExhaustion')).toBeGreaterThanOrEqual(atLeast);
    if (atLeast === 0) expect(at(f, 'diskExhaustion')).toBe(0);
  });

  it('leaves disk and container features at zero when the kubelet Summary API is not read', () => {
    const f = NodeFeatureSeries.fromHistory(history(40)).featuresAt(39);
    expect(at(f, 'diskLevel')).toBe(0);
    expect(at(f, 'diskExhaustion')).toBe(0);
    expect(at(f, 'podMemoryExhaustion')).toBe(0);
    expect(at(f, 'diskExhaustionSlow')).toBe(0);
  });

  it('sees a slow fill hours ahead that the short trends score as far off', () => {
    // 3 hours of a disk filling 0.1% a minute from 50%: 90% is still 3.7 h away.
    const capacity = 100 * GIB;
    const minutes = 180;
    const h: NodeHistory = {
      ...history(minutes),
      diskCapacityBytes: capacity,
      samples: history(minutes).samples.map((s, i) => ({ ...s, diskBytes: (0.5 + 0.001 * i) * capacity })),
    };
    const f = NodeFeatureSeries.fromHistory(h).featuresAt(minutes - 1);
    // e^(−3.7/2) ≈ 0.16 on the slow scale, e^(−3.7/0.5) ≈ 0.0006 on the short one.
    expect(at(f, 'diskExhaustionSlow')).toBeGreaterThan(0.1);
    expect(at(f, 'diskExhaustionSlow')).toBeLessThan(0.25);
    expect(at(f, 'diskExhaustion')).toBeLessThan(0.01);
  });

  it("scores the collector's container forecast at its own sample: 1 at the limit, e^(−h/2 h), 0 when none rises", () => {
    const forecasts = [null, 1.5, 0.5, 0, undefined];
    // A day of samples first, so that forgetting (below) drops some.
    const minutes = 24 * 60 + forecasts.length;
    const first = minutes - forecasts.length;
    const h: NodeHistory = {
      ...history(minutes),
      samples: history(minutes).samples.map((s, i) => ({
        ...s,
        containerHoursToLimit: forecasts[i - first],
      })),
    };
    const series = NodeFeatureSeries.fromHistory(h);
    const scores = () =>
      forecasts.map((_, i) =>
        at(series.featuresAt(series.indexAt(T0 + (first + i) * MIN)), 'containerMemoryExhaustion'),
      );
    const expected = [0, Math.exp(-0.75), Math.exp(-0.25), 1, 0];
    scores().forEach((score, i) => expect(score).toBeCloseTo(expected[i] ?? -1, 6));
    // Forgetting what no feature reads any more keeps each remaining sample's own forecast.
    series.forgetBefore(T0 + (minutes - 1) * MIN);
    expect(series.length).toBeLessThan(minutes);
    scores().forEach((score, i) => expect(score).toBeCloseTo(expected[i] ?? -1, 6));
  });
});
