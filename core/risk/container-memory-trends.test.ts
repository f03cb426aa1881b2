import { describe, expect, it } from 'vitest';
import type { ContainerMemory } from '../kube/node-summary.ts';
import { ContainerMemoryTrends, type ContainerForecast } from './container-memory-trends.ts';

const MINUTE = 60_000;
const LIMIT = 1_000_000;

/** A container of pod api/<pod> at `share` of a 1 MB limit (or of `limitBytes`). */
const box = (pod: string, share: number, limitBytes = LIMIT): ContainerMemory => ({
  namespace: 'api',
  pod,
  container: 'app',
  workingSetBytes: share * limitBytes,
  limitBytes,
});

/** Feeds one container's (minute, share) readings to node-1; returns every forecast. */
function feed(
  trends: ContainerMemoryTrends,
  readings: readonly (readonly [minute: number, share: number])[],
  pod = 'web-7f9',
): (ContainerForecast | null)[] {
  return readings.map(([minute, share]) => trends.observe('node-1', minute * MINUTE, [box(pod, share)]));
}

/** Readings every `step` minutes from `from` to `to`, the share linear from `start` to `end`. */
function line(from: number, to: number, start: number, end: number, step = 5): [number, number][] {
  const steps = Math.round((to - from) / step);
  return Array.from({ length: steps + 1 }, (_, i) => {
    const m = from + i * step;
    return [m, start + ((end - start) * (m - from)) / (to - from)];
  });
}

const last = <T>(values: readonly T[]): T | undefined => values[values.length - 1];

describe('ContainerMemoryTrends, one container', () => {
  it.each<
    [
      string,
      (readonly [number, number])[],
      Partial<Record<'share' | 'perHour' | 'hoursToLimit', number>> | null,
    ]
  >([
    ['steady: no forecast', line(0, 30, 0.5, 0.5), null],
    ['falling: no forecast', line(0, 30, 0.6, 0.3), null],
    [
      'leaking 0.30 -> 0.60 over 30 min: 0.6/h, 0.4/0.6 h left',
      line(0, 30, 0.3, 0.6),
      { share: 0.6, perHour: 0.6, hoursToLimit: 0.4 / 0.6 },
    ],
    [
      'a noisy leak: the least-squares slope, not the last step',
      [
        [0, 0.3],
        [5, 0.36],
        [10, 0.38],
        [15, 0.46],
      ],
      // Times -1/8, -1/24, 1/24, 1/8 h around their mean: Σdt·ds / Σdt² = (1/48) / (5/144) = 0.6/h,
      // where first to last says 0.64/h and the last step 0.96/h.
      { share: 0.46, perHour: 0.6, hoursToLimit: 0.54 / 0.6 },
    ],
    ['two readings only (minReadings 3)', line(0, 30, 0.3, 0.6, 30), null],
    ['a span under 10 min', line(0, 9, 0.3, 0.6, 1), null],
    [
      'three readings over exactly 10 min: enough',
      line(0, 10, 0.3, 0.4),
      { share: 0.4, perHour: 0.6, hoursToLimit: 1 },
    ],
    [
      'rising past its limit: 0 h left',
      line(0, 10, 0.9, 1.05),
      { share: 1.05, perHour: 0.9, hoursToLimit: 0 },
    ],
    [
      'a fall of exactly 0.1 (a garbage collection) is not a restart',
      [
        [0, 0.15],
        [5, 0.2],
        [10, 0.1], // 0.2 - 0.1 is exactly 0.1 in floating point
        [15, 0.3],
      ],
      { share: 0.3 },
    ],
  ])('%s', (_what, readings, expected) => {
    const forecast = last(feed(new ContainerMemoryTrends(), readings));
    if (expected === null) {
      expect(forecast).toBeNull();
      return;
    }
    expect(forecast).toMatchObject({ namespace: 'api', pod: 'web-7f9', container: 'app' });
    for (const [field, value] of Object.entries(expected)) {
      expect(forecast?.[field as keyof ContainerForecast], field).toBeCloseTo(value, 9);
    }
  });

  it('fits only the window: a slow old climb then a fast recent one gives the recent slope', () => {
    // 0.10 -> 0.20 over the first 30 min (0.2/h), then 0.20 -> 0.60 over the next 30 (0.8/h).
    const readings = [...line(0, 30, 0.1, 0.2), ...line(35, 60, 0.2 + 0.4 / 6, 0.6)];
    const forecast = last(feed(new ContainerMemoryTrends(), readings));
    expect(forecast?.perHour).toBeCloseTo(0.8, 9);
    expect(forecast?.hoursToLimit).toBeCloseTo(0.5, 9);
    // A longer window takes in the slow part too.
    const wide = last(feed(new ContainerMemoryTrends({ windowMs: 60 * MINUTE }), readings));
    expect(wide?.perHour).toBeLessThan(0.7);
  });

  it('a restart (a drop of more than 0.1) starts the series again, then follows the new climb', () => {
    const trends = new ContainerMemoryTrends();
    expect(last(feed(trends, line(0, 30, 0.3, 0.6)))?.perHour).toBeCloseTo(0.6, 9);
    // Restarted at 35 min from 0.35, climbing at 1.2/h: no forecast for the first two readings.
    const after = feed(trends, line(35, 45, 0.35, 0.55));
    expect(after.slice(0, 2)).toEqual([null, null]);
    expect(after[2]?.perHour).toBeCloseTo(1.2, 9);
    expect(after[2]?.hoursToLimit).toBeCloseTo(0.45 / 1.2, 9);
  });

  it('a changed limit starts the series again', () => {
    const trends = new ContainerMemoryTrends();
    feed(trends, line(0, 30, 0.3, 0.6));
    const at = (minute: number, share: number) =>
      trends.observe('node-1', minute * MINUTE, [box('web-7f9', share, 2 * LIMIT)]);
    // Still climbing (no restart), but against a new limit: a new series.
    expect(at(35, 0.61)).toBeNull();
    expect(at(40, 0.62)).toBeNull();
    expect(at(45, 0.63)?.perHour).toBeCloseTo(0.12, 9);
  });

  it('ignores readings at or before the newest, without forgetting on a stale one', () => {
    const trends = new ContainerMemoryTrends();
    feed(trends, line(0, 30, 0.3, 0.6));
    expect(trends.observe('node-1', 30 * MINUTE, [box('web-7f9', 0.1)])?.share).toBeCloseTo(0.6, 9);
    expect(trends.observe('node-1', 20 * MINUTE, [box('web-7f9', 0.9)])?.share).toBeCloseTo(0.6, 9);
    // A late reading that misses the container says nothing of now.
    expect(trends.observe('node-1', 25 * MINUTE, [])?.perHour).toBeCloseTo(0.6, 9);
    expect(last(feed(trends, [[35, 0.65]]))?.perHour).toBeCloseTo(0.6, 9);
  });

  it('skips what is not a number and keeps the series', () => {
    const trends = new ContainerMemoryTrends();
    feed(trends, line(0, 30, 0.3, 0.6));
    const broken = [{ ...box('web-7f9', 0.5), workingSetBytes: Number.NaN }];
    expect(trends.observe('node-1', 35 * MINUTE, broken)?.share).toBeCloseTo(0.6, 9);
    expect(trends.observe('node-1', 36 * MINUTE, [{ ...box('web-7f9', 0.5), limitBytes: 0 }])).not.toBeNull();
    expect(trends.observe('node-1', Number.NaN, [box('web-7f9', 0.5)])).toBeNull();
    expect(last(feed(trends, [[40, 0.7]]))?.perHour).toBeCloseTo(0.6, 9);
  });

  it('gives the same slope however often it is sampled (the series is thinned, not cut short)', () => {
    // Every second for 30 min, 0.30 -> 0.60: thinned to about 120 readings, still 0.6/h.
    const forecast = last(feed(new ContainerMemoryTrends(), line(0, 30, 0.3, 0.6, 1 / 60)));
    expect(forecast?.perHour).toBeCloseTo(0.6, 6);
    expect(forecast?.share).toBeCloseTo(0.6, 6);
  });
});

/** Each pod's share at the first and the last reading. */
type Lines = Record<string, readonly [number, number]>;

describe('ContainerMemoryTrends, a node', () => {
  /** Readings every `step` min over 30 min of containers whose shares go from/to as given. */
  function node(
    trends: ContainerMemoryTrends,
    name: string,
    lines: Lines,
    step = 5,
  ): ContainerForecast | null {
    let forecast: ContainerForecast | null = null;
    for (let m = 0; m <= 30; m += step) {
      const containers = Object.entries(lines).map(([pod, [from, to]]) =>
        box(pod, from + ((to - from) * m) / 30),
      );
      forecast = trends.observe(name, m * MINUTE, containers);
    }
    return forecast;
  }

  it.each<[string, Lines, string | null]>([
    [
      'a leaking sidecar below a fuller steady JVM wins',
      { 'jvm-0': [0.9, 0.9], 'web-7f9': [0.3, 0.6] },
      'web-7f9',
    ],
    // near-0: 0.1/h with 0.1 left (1 h); fast-0: 0.6/h with 0.5 left (50 min).
    [
      'the soonest of two leaks wins, though emptier',
      { 'near-0': [0.85, 0.9], 'fast-0': [0.2, 0.5] },
      'fast-0',
    ],
    // near-0: 0.3/h with 0.05 left (10 min).
    ['the soonest of two leaks wins, the fuller', { 'near-0': [0.8, 0.95], 'fast-0': [0.2, 0.5] }, 'near-0'],
    ['none rising: null', { 'jvm-0': [0.9, 0.9], 'web-7f9': [0.6, 0.3] }, null],
  ])('%s', (_what, lines, pod) => {
    expect(node(new ContainerMemoryTrends(), 'node-1', lines)?.pod ?? null).toBe(pod);
  });

  it.each<[string, Lines]>([
    ['the emptier first', { 'low-0': [0.5, 0.75], 'high-0': [0.75, 0.875] }],
    ['the fuller first', { 'high-0': [0.75, 0.875], 'low-0': [0.5, 0.75] }],
  ])('on a tie, the fuller one (%s)', (_what, lines) => {
    // Readings every 15 min and binary fractions: both have exactly 0.5 h left (0.25 at 0.5/h,
    // 0.125 at 0.25/h).
    const forecast = node(new ContainerMemoryTrends(), 'node-1', lines, 15);
    expect(forecast).toMatchObject({ pod: 'high-0', share: 0.875, perHour: 0.25, hoursToLimit: 0.5 });
  });

  it('forgets a container missing from a reading (its pod went or moved)', () => {
    const trends = new ContainerMemoryTrends();
    expect(node(trends, 'node-1', { 'web-7f9': [0.3, 0.6] })?.pod).toBe('web-7f9');
    expect(trends.observe('node-1', 35 * MINUTE, [box('jvm-0', 0.9)])).toBeNull();
    // Back on the node: a new series, so no forecast from its two readings.
    expect(trends.observe('node-1', 40 * MINUTE, [box('web-7f9', 0.7)])).toBeNull();
    expect(trends.observe('node-1', 45 * MINUTE, [box('web-7f9', 0.72)])).toBeNull();
  });

  it('keeps nodes apart, and forget() drops the nodes that are gone', () => {
    const trends = new ContainerMemoryTrends();
    node(trends, 'node-1', { 'web-7f9': [0.3, 0.6] });
    node(trends, 'node-2', { 'web-7f9': [0.3, 0.45] });
    trends.forget(new Set(['node-2']));
    expect(trends.observe('node-1', 35 * MINUTE, [box('web-7f9', 0.65)])).toBeNull();
    expect(trends.observe('node-2', 35 * MINUTE, [box('web-7f9', 0.475)])?.perHour).toBeCloseTo(0.3, 9);
  });
});
