import { describe, expect, it } from 'vitest';
import { keys } from '../store/api-resources.ts';
import type { Pod, PodCondition, PodPhase, ReplicaSet } from '../kube/types.ts';
import { containers, harness } from '../testing/harness.ts';
import { podsToDelete, ReplicaSetController } from './replicaset.ts';

function replicaSet(replicas: number): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-7d4b9c8f5', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' } },
        spec: { containers: containers() },
      },
    },
  };
}

function setup(replicas: number, seed = 1) {
  const h = harness((ctx) => [new ReplicaSetController(ctx)], seed);
  h.store.create(keys.replicasets, replicaSet(replicas));
  h.advance(1000);
  return h;
}

describe('ReplicaSetController', () => {
  it('creates pods from the template, named <rs>-<5 characters>, owned by the set', () => {
    const h = setup(3);
    const pods = h.pods();
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(/^web-7d4b9c8f5-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.generateName).toBe('web-7d4b9c8f5-');
      expect(pod.metadata.ownerReferences?.[0]).toMatchObject({
        kind: 'ReplicaSet',
        name: 'web-7d4b9c8f5',
        controller: true,
      });
      expect(pod.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': '7d4b9c8f5' });
      // Admission defaults the API server would add.
      expect(pod.spec.tolerations?.map((t) => t.key)).toEqual([
        'node.kubernetes.io/not-ready',
        'node.kubernetes.io/unreachable',
      ]);
      expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'Burstable' });
    }
    expect(
      h
        .events('SuccessfulCreate')
        .map((e) => e.message)
        .sort(),
    ).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
  });

  it('names the same pods for the same seed, other ones for another seed', () => {
    const names = (seed: number) =>
      setup(3, seed)
        .pods()
        .map((p) => p.metadata.name);
    expect(names(5)).toEqual(names(5));
    expect(names(5)).not.toEqual(names(6));
  });

  it.each([
    [3, 5, 5],
    [5, 2, 2],
    [4, 0, 0],
  ])('scales from %i to %i active pods', (from, to, expected) => {
    const h = setup(from);
    h.store.mutate(keys.replicasets, 'default', 'web-7d4b9c8f5', (rs) => {
      (rs as ReplicaSet).spec.replicas = to;
    });
    h.advance(1000);
    // Pods that were never scheduled go at once; none of these ever were.
    expect(h.pods()).toHaveLength(expected);
    const rs = h.store.get(keys.replicasets, 'default', 'web-7d4b9c8f5') as ReplicaSet;
    expect(rs.status?.replicas).toBe(expected);
  });

  it('replaces a pod that failed', () => {
    const h = setup(2);
    const [first] = h.pods();
    h.store.mutate(keys.pods, 'default', first?.metadata.name ?? '', (p) => {
      (p as Pod).status = { phase: 'Failed', reason: 'Evicted' };
    });
    h.advance(1000);
    expect(h.pods().filter((p) => p.status?.phase !== 'Failed')).toHaveLength(2);
    expect(h.pods()).toHaveLength(3);
  });
});

describe('podsToDelete', () => {
  const ready = (since: string): PodCondition[] => [
    { type: 'Ready', status: 'True', lastTransitionTime: since },
  ];
  const pod = (
    name: string,
    nodeName: string | undefined,
    phase: PodPhase,
    conditions: PodCondition[] = [],
    restarts = 0,
    created = '2025-06-02T10:00:00Z',
  ): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: created },
    spec: { containers: [], ...(nodeName ? { nodeName } : {}) },
    status: { phase, conditions, containerStatuses: [{ name: 'app', ready: true, restartCount: restarts }] },
  });
  it.each([
    [
      'unscheduled before scheduled',
      [pod('a', 'n1', 'Running', ready('2025-06-02T10:00:00Z')), pod('b', undefined, 'Pending')],
      'b',
    ],
    ['pending before running', [pod('a', 'n1', 'Running'), pod('b', 'n1', 'Pending')], 'b'],
    [
      'not ready before ready',
      [pod('a', 'n1', 'Running', ready('2025-06-02T10:00:00Z')), pod('b', 'n1', 'Running')],
      'b',
    ],
    [
      'ready for less time first',
      [
        pod('a', 'n1', 'Running', ready('2025-06-02T10:00:00Z')),
        pod('b', 'n1', 'Running', ready('2025-06-02T11:00:00Z')),
      ],
      'b',
    ],
    ['more restarts first', [pod('a', 'n1', 'Running', [], 0), pod('b', 'n1', 'Running', [], 4)], 'b'],
    [
      'newer first',
      [
        pod('a', 'n1', 'Running', [], 0, '2025-06-02T09:00:00Z'),
        pod('b', 'n1', 'Running', [], 0, '2025-06-02T10:00:00Z'),
      ],
      'b',
    ],
  ])('%s', (_name, pods, first) => {
    expect(podsToDelete(pods, 1).map((p) => p.metadata.name)).toEqual([first]);
  });
});
