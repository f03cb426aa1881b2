import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../kube/types.ts';
import { fenceposts, newReplicaSetReplicas, scaleDownOldReplicaSets } from './rollout.ts';

function deployment(
  replicas: number,
  maxSurge?: number | string,
  maxUnavailable?: number | string,
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: {
      replicas,
      selector: {},
      template: { spec: { containers: [] } },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: {
          ...(maxSurge === undefined ? {} : { maxSurge }),
          ...(maxUnavailable === undefined ? {} : { maxUnavailable }),
        },
      },
    },
  };
}

function rs(name: string, replicas: number, available: number, created: string): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, creationTimestamp: created },
    spec: { replicas, selector: {}, template: { spec: { containers: [] } } },
    status: { replicas, availableReplicas: available },
  };
}

describe('fenceposts', () => {
  it.each([
    [10, undefined, undefined, 3, 2],
    [4, undefined, undefined, 1, 1],
    [1, undefined, undefined, 1, 0],
    [3, 0, 0, 0, 1],
    [10, '50%', 2, 5, 2],
  ])(
    '%i replicas, surge %s, unavailable %s → %i / %i',
    (replicas, surge, unavailable, maxSurge, maxUnavailable) => {
      expect(fenceposts(deployment(replicas, surge, unavailable))).toEqual({ maxSurge, maxUnavailable });
    },
  );
});

describe('newReplicaSetReplicas', () => {
  it.each([
    ['first step of 10 (surge 3)', 10, [rs('old', 10, 10, 'a')], undefined, 3],
    ['capped by what the new set still needs', 4, [rs('old', 1, 1, 'a'), rs('new', 3, 3, 'b')], 'new', 4],
    ['none at the surge limit', 4, [rs('old', 2, 2, 'a'), rs('new', 3, 3, 'b')], 'new', 3],
    [
      'no room while old pods remain at the limit',
      10,
      [rs('old', 10, 10, 'a'), rs('new', 3, 0, 'b')],
      'new',
      3,
    ],
  ])('%s', (_name, replicas, sets, newName, expected) => {
    const d = deployment(replicas);
    expect(
      newReplicaSetReplicas(
        d,
        sets,
        sets.find((s) => s.metadata.name === newName),
      ),
    ).toBe(expected);
  });
});

describe('scaleDownOldReplicaSets', () => {
  it.each([
    [
      'spends only maxUnavailable while new pods are not up',
      10,
      [rs('old', 10, 10, 'a'), rs('new', 3, 0, 'b')],
      { old: 8 },
    ],
    ['waits when that is spent', 10, [rs('old', 8, 8, 'a'), rs('new', 5, 0, 'b')], {}],
    [
      'removes as many as availability allows',
      10,
      [rs('old', 10, 10, 'a'), rs('new', 3, 3, 'b')],
      { old: 5 },
    ],
    [
      'unhealthy replicas go first, without availability cost',
      4,
      [rs('old', 4, 2, 'a'), rs('new', 1, 0, 'b')],
      { old: 3 },
    ],
    ['oldest set first', 4, [rs('v1', 2, 2, 'a'), rs('v2', 2, 2, 'b'), rs('new', 1, 1, 'c')], { v1: 0 }],
  ])('%s', (_name, replicas, sets, expected) => {
    const d = deployment(replicas);
    const fresh = sets.find((s) => s.metadata.name === 'new');
    const result = scaleDownOldReplicaSets(
      d,
      sets,
      sets.filter((s) => s !== fresh),
      fresh,
    );
    expect(Object.fromEntries([...result].map(([set, n]) => [set.metadata.name, n]))).toEqual(expected);
  });
});
