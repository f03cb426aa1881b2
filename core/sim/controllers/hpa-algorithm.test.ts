import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCALE_DOWN,
  DEFAULT_SCALE_UP,
  rateLimit,
  stabilize,
  utilizationReplicas,
  type PodSample,
  type Recommendation,
} from './hpa-algorithm.ts';

const ready = (usage: number, request = 100): PodSample => ({ usage, request, unready: false });

describe('utilizationReplicas (replica_calculator)', () => {
  it.each([
    ['doubles at twice the target', 2, [ready(100), ready(100)], 50, 4],
    ['within 10% tolerance: no change', 4, [ready(54), ready(54), ready(54), ready(54)], 50, 4],
    ['just outside tolerance: change', 4, [ready(56), ready(56), ready(56), ready(56)], 50, 5],
    ['scales down below target', 4, [ready(20), ready(20), ready(20), ready(20)], 80, 1],
    ['rounds up', 3, [ready(90), ready(90), ready(90)], 80, 4],
    [
      'missing metrics count as 100% when scaling down',
      4,
      [ready(0), ready(0), { request: 100, unready: false }, { request: 100, unready: false }],
      80,
      3,
    ],
    [
      '…unless that flips the direction',
      4,
      [ready(10), ready(10), { request: 100, unready: false }, { request: 100, unready: false }],
      50,
      4,
    ],
    [
      'missing metrics count as 0% when scaling up',
      3,
      [ready(100), ready(100), { request: 100, unready: false }],
      50,
      4,
    ],
    [
      'unready pods count as 0% when scaling up',
      3,
      [ready(200), { usage: 0, request: 100, unready: true }, { request: 100, unready: true }],
      50,
      4,
    ],
    ['a direction flip keeps the current count', 2, [ready(60), { request: 100, unready: false }], 50, 2],
  ])('%s', (_name, current, pods, target, expected) => {
    expect(utilizationReplicas(current, pods, target)?.replicas).toBe(expected);
  });

  it('reports utilization as upstream truncates it', () => {
    expect(utilizationReplicas(2, [ready(33), ready(34)], 50)).toMatchObject({
      utilization: 33,
      averageMillis: 33.5,
    });
  });

  it('has nothing to say without metrics', () => {
    expect(utilizationReplicas(2, [{ request: 100, unready: true }], 50)).toBeUndefined();
  });
});

describe('stabilize', () => {
  const T = 1_000_000;
  it.each([
    [
      'no scale-down while a recent recommendation was higher',
      [{ atMs: T - 200_000, replicas: 6 }],
      4,
      2,
      4,
      'ScaleDownStabilized',
    ],
    [
      'down to the highest recent recommendation',
      [{ atMs: T - 200_000, replicas: 3 }],
      4,
      2,
      3,
      'ScaleDownStabilized',
    ],
    [
      'recommendations older than 5 minutes no longer hold it up',
      [{ atMs: T - 301_000, replicas: 6 }],
      4,
      2,
      2,
      undefined,
    ],
    ['scale-up is immediate (no up window)', [{ atMs: T - 10_000, replicas: 2 }], 2, 5, 5, undefined],
  ])('%s', (_name, history, current, desired, expected, reason) => {
    const result = stabilize(
      [...history] as Recommendation[],
      current,
      desired,
      T,
      DEFAULT_SCALE_UP,
      DEFAULT_SCALE_DOWN,
    );
    expect(result).toEqual({ replicas: expected, reason });
  });
});

describe('rateLimit (behavior policies)', () => {
  const T = 1_000_000;
  it.each([
    ['up: max(+4 pods, +100%) per 15 s from 2', 2, 20, [], 6, 'ScaleUpLimit'],
    ['up: +100% wins from 10', 10, 40, [], 20, 'ScaleUpLimit'],
    ['up: capped by maxReplicas', 10, 40, [], 15, 'TooManyReplicas', 15],
    [
      'up: a scale-up in the period counts against it',
      6,
      20,
      [{ atMs: T - 5000, change: 4 }],
      6,
      'ScaleUpLimit',
    ],
    ['down: to the minimum', 8, 0, [], 2, 'TooFewReplicas'],
    ['within range', 4, 5, [], 5, 'DesiredWithinRange'],
  ])('%s', (_name, current, desired, ups, expected, reason, max = 100) => {
    expect(rateLimit(current, desired, 2, max, ups, [], DEFAULT_SCALE_UP, DEFAULT_SCALE_DOWN, T)).toEqual({
      replicas: expected,
      reason,
    });
  });
});
