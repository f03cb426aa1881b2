import { describe, expect, it } from 'vitest';
import { keys } from '../store/api-resources.ts';
import type { DaemonSet, Job, Pod, StatefulSet } from '../kube/types.ts';
import { isPodReady } from '../kube/pods.ts';
import { daemonPodTargetNode } from '../objects/daemon-pod.ts';
import { clusterHarness, containers, nodeJson } from '../testing/harness.ts';

const template = (labels: Record<string, string>, extra: object = {}) => ({
  metadata: { labels },
  spec: { containers: containers(), ...extra },
});

describe('StatefulSetController', () => {
  const sts = (replicas: number): StatefulSet => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'default' },
    spec: {
      replicas,
      serviceName: 'db',
      selector: { matchLabels: { app: 'db' } },
      template: template({ app: 'db' }),
    },
  });

  it('creates db-0, db-1, db-2 in order, each after the previous is ready', () => {
    const h = clusterHarness([nodeJson('node-1'), nodeJson('node-2', { index: 2 })]);
    h.store.create(keys.statefulsets, sts(3));
    const firstSeen = new Map<string, number>();
    const readyAt = new Map<string, number>();
    for (let s = 0; s < 60; s++) {
      h.advance(1000);
      for (const pod of h.pods()) {
        const name = pod.metadata.name ?? '';
        if (!firstSeen.has(name)) firstSeen.set(name, h.now());
        if (isPodReady(pod) && !readyAt.has(name)) readyAt.set(name, h.now());
      }
    }
    expect([...firstSeen.keys()]).toEqual(['db-0', 'db-1', 'db-2']);
    expect(firstSeen.get('db-1')).toBeGreaterThan(readyAt.get('db-0') ?? Infinity);
    expect(firstSeen.get('db-2')).toBeGreaterThan(readyAt.get('db-1') ?? Infinity);
    const pod = h.store.get(keys.pods, 'default', 'db-1') as Pod;
    expect(pod.spec.hostname).toBe('db-1');
    expect(pod.metadata.labels?.['apps.kubernetes.io/pod-index']).toBe('1');
    expect((h.store.get(keys.statefulsets, 'default', 'db') as StatefulSet).status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      updatedReplicas: 3,
    });
  });

  it('scales down from the highest ordinal', () => {
    const h = clusterHarness([nodeJson('node-1')]);
    h.store.create(keys.statefulsets, sts(3));
    h.advance(60_000);
    h.store.mutate(keys.statefulsets, 'default', 'db', (o) => {
      (o as StatefulSet).spec.replicas = 1;
    });
    const order: string[] = [];
    for (let s = 0; s < 90; s++) {
      h.advance(1000);
      for (const pod of h.pods())
        if (pod.metadata.deletionTimestamp && !order.includes(pod.metadata.name ?? ''))
          order.push(pod.metadata.name ?? '');
    }
    expect(order).toEqual(['db-2', 'db-1']);
    expect(h.pods().map((p) => p.metadata.name)).toEqual(['db-0']);
  });
});

describe('DaemonSetController', () => {
  const ds = (extra: object = {}): DaemonSet => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: template({ app: 'agent' }, extra) },
  });

  it.each([
    ['every untainted node', {}, ['node-1', 'node-2', 'ssd-1']],
    ['nodes matching its nodeSelector', { nodeSelector: { disk: 'ssd' } }, ['ssd-1']],
    [
      'tainted nodes too when it tolerates them',
      { tolerations: [{ operator: 'Exists' }] },
      ['control-plane', 'node-1', 'node-2', 'ssd-1'],
    ],
  ])('runs one pod on %s', (_name, extra, expected) => {
    const h = clusterHarness([
      nodeJson('control-plane', {
        index: 0,
        taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      }),
      nodeJson('node-1', { index: 1 }),
      nodeJson('node-2', { index: 2 }),
      nodeJson('ssd-1', { index: 3, labels: { disk: 'ssd' } }),
    ]);
    h.store.create(keys.daemonsets, ds(extra));
    h.advance(10_000);
    const pods = h.pods();
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(expected);
    expect(pods.every((p) => daemonPodTargetNode(p.spec) === p.spec.nodeName && isPodReady(p))).toBe(true);
    const status = (h.store.get(keys.daemonsets, 'default', 'agent') as DaemonSet).status;
    expect(status).toMatchObject({
      desiredNumberScheduled: expected.length,
      currentNumberScheduled: expected.length,
      numberReady: expected.length,
    });
  });

  it('follows nodes that join and labels that change', () => {
    const h = clusterHarness([nodeJson('node-1'), nodeJson('node-2', { index: 2 })]);
    h.store.create(keys.daemonsets, ds({ nodeSelector: { agent: 'yes' } }));
    h.advance(5000);
    expect(h.pods()).toHaveLength(0);
    h.store.mutate(keys.nodes, undefined, 'node-2', (n) => {
      n.metadata.labels = { ...n.metadata.labels, agent: 'yes' };
    });
    h.advance(5000);
    expect(h.pods().map((p) => p.spec.nodeName)).toEqual(['node-2']);
  });
});

describe('JobController', () => {
  const job = (completions: number, parallelism: number): Job => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'backup', namespace: 'default' },
    spec: { completions, parallelism, template: template({ app: 'backup' }, { restartPolicy: 'Never' }) },
  });

  it('runs up to parallelism pods until completions have succeeded, then completes', () => {
    const h = clusterHarness([nodeJson('node-1'), nodeJson('node-2', { index: 2 })]);
    h.store.create(keys.jobs, job(3, 2));
    let mostActive = 0;
    for (let s = 0; s < 1200; s++) {
      h.advance(1000);
      const active = h
        .pods()
        .filter((p) => p.status?.phase === 'Running' || p.status?.phase === 'Pending').length;
      mostActive = Math.max(mostActive, active);
    }
    const status = (h.store.get(keys.jobs, 'default', 'backup') as Job).status;
    expect(mostActive).toBe(2);
    expect(status?.succeeded).toBe(3);
    expect(status?.conditions?.map((c) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(status?.completionTime).toBeDefined();
    expect(h.pods().map((p) => p.status?.phase)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    expect(h.pods().every((p) => p.metadata.labels?.['job-name'] === 'backup')).toBe(true);
    expect(h.events('Completed')).toHaveLength(1);
  });
});
