import { describe, expect, it } from 'vitest';
import { keys } from '../store/api-resources.ts';
import type { Node, Pod } from '../kube/types.ts';
import { isPodReady } from '../kube/pods.ts';
import { newPodJson } from '../objects/pod-json.ts';
import { deletePod } from '../runtime/pod-deletion.ts';
import { clusterHarness, containers, deploymentJson, nodeJson } from '../testing/harness.ts';
import { BACKOFF_MAX_MS, goDuration, inBackOff, nextBackOff } from './backoff.ts';

const MIB = 1024 ** 2;

function pod(name: string, spec: Partial<Pod['spec']> = {}): Pod {
  return newPodJson({ name, namespace: 'default', spec: { containers: containers(), ...spec } });
}

function get(h: ReturnType<typeof clusterHarness>, name: string): Pod {
  return h.store.get(keys.pods, 'default', name) as Pod;
}

describe('container lifecycle', () => {
  it('takes a bound pod through ContainerCreating to Running with an IP, ready, and the kubelet events', () => {
    const h = clusterHarness([nodeJson('node-1')]);
    h.store.create(keys.pods, pod('web'));
    h.advance(1000);
    expect(get(h, 'web').status).toMatchObject({
      phase: 'Pending',
      hostIP: '10.0.0.11',
      containerStatuses: [
        { name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
      ],
    });
    h.advance(5000);
    const running = get(h, 'web');
    expect(running.status).toMatchObject({
      phase: 'Running',
      podIP: '10.64.1.2',
      podIPs: [{ ip: '10.64.1.2' }],
      startTime: expect.any(String),
      qosClass: 'Burstable',
    });
    expect(running.status?.containerStatuses?.[0]).toMatchObject({
      ready: true,
      started: true,
      state: { running: {} },
      containerID: expect.stringMatching(/^containerd:\/\//),
    });
    expect(running.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(
      h
        .events()
        .filter((e) => e.source.component === 'kubelet')
        .map((e) => e.reason),
    ).toEqual(['Pulled', 'Created', 'Started']);
  });

  it('waits for the readiness probe before it reports a probed container ready', () => {
    const h = clusterHarness([nodeJson('node-1')]);
    const probe = { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 5, periodSeconds: 10 };
    h.store.create(
      keys.pods,
      pod('web', { containers: containers('100m', '64Mi', { readinessProbe: probe }) }),
    );
    h.advance(5000);
    expect(get(h, 'web').status?.phase).toBe('Running');
    expect(isPodReady(get(h, 'web'))).toBe(false);
    h.advance(6000);
    expect(isPodReady(get(h, 'web'))).toBe(true);
  });

  it('stops a deleted pod (Killing) and removes it within its grace period', () => {
    const h = clusterHarness([nodeJson('node-1')]);
    h.store.create(keys.pods, pod('web', { terminationGracePeriodSeconds: 20 }));
    h.advance(10_000);
    deletePod(h.store, get(h, 'web'), h.now());
    expect(get(h, 'web').metadata).toMatchObject({
      deletionGracePeriodSeconds: 20,
      deletionTimestamp: '2025-06-02T12:00:30Z',
    });
    h.advance(1000);
    expect(h.events('Killing')[0]).toMatchObject({
      message: 'Stopping container app',
      involvedObject: { fieldPath: 'spec.containers{app}' },
    });
    h.advance(20_000);
    expect(h.store.get(keys.pods, 'default', 'web')).toBeUndefined();
  });
});

describe('OOM kills and CrashLoopBackOff', () => {
  it('kills a container above its memory limit, restarts it at once, then backs off 10 s, 20 s, 40 s', () => {
    const h = clusterHarness([nodeJson('node-1')]);
    h.store.create(
      keys.pods,
      pod('leaky', {
        containers: [
          {
            name: 'app',
            image: 'leaky:1',
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '128Mi' } },
          },
        ],
      }),
    );
    h.advance(5000);
    const uid = get(h, 'leaky').metadata.uid ?? '';
    // The process grows by 4 MiB/s from every start: about 25 s to its limit.
    h.effects.memoryLeaks.add(uid, (t, start) => (Math.max(0, t - start) * 4 * MIB) / 1000);
    const kills: { finished: number; restarted: number }[] = [];
    let seen = 0;
    for (let s = 0; s < 400 && kills.length < 4; s++) {
      h.advance(1000);
      const status = get(h, 'leaky').status?.containerStatuses?.[0];
      if (status && status.restartCount > seen && status.state?.running) {
        seen = status.restartCount;
        kills.push({
          finished: Date.parse(status.lastState?.terminated?.finishedAt ?? ''),
          restarted: Date.parse(status.state.running.startedAt ?? ''),
        });
        expect(status.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
      }
    }
    expect(kills.map((k) => (k.restarted - k.finished) / 1000)).toEqual([0, 10, 20, 40]);
    const backOff = h.events('BackOff')[0];
    expect(backOff?.message).toMatch(/^Back-off restarting failed container app in pod leaky_default\(.+\)$/);
    expect(h.events('OOMKilling')[0]).toMatchObject({
      involvedObject: { kind: 'Node', name: 'node-1' },
      source: { component: 'kernel-monitor', host: 'node-1' },
      message: expect.stringMatching(
        /^Memory cgroup out of memory: Killed process \d+ \(app\) total-vm:\d+kB, anon-rss:131072kB/,
      ),
    });
  });

  it('shows CrashLoopBackOff while waiting', () => {
    const h = clusterHarness([nodeJson('node-1')]);
    h.store.create(
      keys.pods,
      pod('leaky', {
        containers: [{ name: 'app', image: 'leaky:1', resources: { limits: { memory: '64Mi' } } }],
      }),
    );
    h.advance(5000);
    h.effects.memoryLeaks.add(get(h, 'leaky').metadata.uid ?? '', () => 200 * MIB);
    let waiting: string | undefined;
    for (let s = 0; s < 60 && !waiting; s++) {
      h.advance(1000);
      const state = get(h, 'leaky').status?.containerStatuses?.[0]?.state;
      if (state?.waiting?.reason === 'CrashLoopBackOff') waiting = state.waiting.message;
    }
    expect(waiting).toMatch(/^back-off 10s restarting failed container=app pod=leaky_default\(.+\)$/);
    expect(get(h, 'leaky').status?.containerStatuses?.[0]?.ready).toBe(false);
  });

  it.each([
    [undefined, 0, 10_000],
    [{ backoffMs: 10_000, lastUpdateMs: 0 }, 30_000, 20_000],
    [{ backoffMs: 160_000, lastUpdateMs: 0 }, 30_000, 300_000],
    [{ backoffMs: 300_000, lastUpdateMs: 0 }, 2 * BACKOFF_MAX_MS + 1, 10_000],
  ])('nextBackOff(%j at %i) = %i', (entry, now, expected) => {
    expect(nextBackOff(entry, now).backoffMs).toBe(expected);
  });

  it.each([
    [10_000, '10s'],
    [80_000, '1m20s'],
    [300_000, '5m0s'],
  ])('goDuration(%i) = %s', (ms, text) => {
    expect(goDuration(ms)).toBe(text);
  });

  it('is in back-off only within the delay after the crash', () => {
    const entry = { backoffMs: 20_000, lastUpdateMs: 0 };
    expect(inBackOff(entry, 100_000, 110_000)).toBe(true);
    expect(inBackOff(entry, 100_000, 120_000)).toBe(false);
    expect(inBackOff(undefined, 100_000, 100_000)).toBe(false);
  });
});

describe('node pressure', () => {
  it('reports MemoryPressure and evicts the pod using most above its requests', () => {
    const h = clusterHarness([nodeJson('node-1', { memory: '4Gi' })]);
    h.store.create(keys.pods, pod('quiet'));
    h.store.create(
      keys.pods,
      pod('hog', {
        containers: [
          { name: 'app', image: 'hog:1', resources: { requests: { cpu: '100m', memory: '64Mi' } } },
        ],
      }),
    );
    h.advance(10_000);
    h.effects.memoryLeaks.add(
      get(h, 'hog').metadata.uid ?? '',
      (t, start) => (Math.max(0, t - start) * 40 * MIB) / 1000,
    );
    h.advance(120_000);
    const hog = get(h, 'hog');
    expect(hog.status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    expect(hog.status?.message).toMatch(
      /^The node was low on resource: memory\. Threshold quantity: 100Mi, available: (\d+Ki|0)\. Container app was using \d+Ki, request is 64Mi, has larger consumption of memory\. $/,
    );
    expect(hog.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'TerminationByKubelet',
    });
    expect(get(h, 'quiet').status?.phase).toBe('Running');
    const node = h.store.get(keys.nodes, undefined, 'node-1') as Node;
    expect(node.status?.conditions?.find((c) => c.type === 'MemoryPressure')).toMatchObject({
      status: 'True',
      reason: 'KubeletHasInsufficientMemory',
    });
    expect(node.spec?.taints).toEqual([{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }]);
    expect(h.events('Evicted')).toHaveLength(1);
    expect(h.events('NodeHasInsufficientMemory')).toHaveLength(1);
    // The condition holds for the transition period, then clears.
    h.advance(6 * 60_000);
    expect(
      (h.store.get(keys.nodes, undefined, 'node-1') as Node).status?.conditions?.find(
        (c) => c.type === 'MemoryPressure',
      )?.status,
    ).toBe('False');
  });

  it('reports DiskPressure and evicts the pod filling the disk', () => {
    const h = clusterHarness([nodeJson('node-1')]);
    h.store.create(keys.pods, pod('logger'));
    h.advance(10_000);
    h.effects.diskWriters.add(
      get(h, 'logger').metadata.uid ?? '',
      (t, start) => (Math.max(0, t - start) * 1024 * MIB) / 1000,
    );
    h.advance(120_000);
    expect(get(h, 'logger').status?.message).toMatch(/^The node was low on resource: ephemeral-storage\./);
    const node = h.store.get(keys.nodes, undefined, 'node-1') as Node;
    expect(node.status?.conditions?.find((c) => c.type === 'DiskPressure')?.status).toBe('True');
  });
});

describe('readiness probes', () => {
  it('marks a pod not ready after three failed probes and ready again when they pass', () => {
    const h = clusterHarness([nodeJson('node-1')]);
    const probe = {
      httpGet: { path: '/healthz', port: 8080 },
      periodSeconds: 10,
      timeoutSeconds: 1,
      failureThreshold: 3,
    };
    h.store.create(
      keys.pods,
      pod('web', { containers: containers('100m', '64Mi', { readinessProbe: probe }) }),
    );
    h.advance(20_000);
    expect(isPodReady(get(h, 'web'))).toBe(true);
    const stop = h.effects.latency.add('node-1', () => 5000);
    h.advance(45_000);
    expect(isPodReady(get(h, 'web'))).toBe(false);
    const unhealthy = h.events('Unhealthy')[0];
    expect(unhealthy?.message).toBe(
      'Readiness probe failed: Get "http://10.64.1.2:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    );
    expect(unhealthy?.count).toBeGreaterThanOrEqual(3);
    stop();
    h.advance(20_000);
    expect(isPodReady(get(h, 'web'))).toBe(true);
  });
});

describe('node lifecycle', () => {
  it('marks a silent node Unknown after 40 s, taints it, and evicts its pods after 300 s', () => {
    const h = clusterHarness([nodeJson('node-1', { index: 1 }), nodeJson('node-2', { index: 2 })]);
    h.store.create(keys.deployments, deploymentJson('web', 4));
    h.advance(20_000);
    const victims = h
      .pods()
      .filter((p) => p.spec.nodeName === 'node-1')
      .map((p) => p.metadata.name);
    expect(victims.length).toBeGreaterThan(0);
    const stoppedAt = h.now();
    h.effects.kubeletOutages.add('node-1', () => true);
    let unknownAt: number | undefined;
    let evictedAt: number | undefined;
    for (let s = 0; s < 420 && evictedAt === undefined; s++) {
      h.advance(1000);
      const node = h.store.get(keys.nodes, undefined, 'node-1') as Node;
      if (
        unknownAt === undefined &&
        node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'Unknown'
      )
        unknownAt = h.now();
      if (evictedAt === undefined && h.events('TaintManagerEviction').length > 0) evictedAt = h.now();
    }
    expect(((unknownAt ?? 0) - stoppedAt) / 1000).toBeGreaterThanOrEqual(40);
    expect(((unknownAt ?? 0) - stoppedAt) / 1000).toBeLessThanOrEqual(56);
    expect(((evictedAt ?? 0) - (unknownAt ?? 0)) / 1000).toBe(300);
    const node = h.store.get(keys.nodes, undefined, 'node-1') as Node;
    expect(node.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    expect(node.spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    expect(h.events('NodeNotReady').find((e) => e.involvedObject.kind === 'Node')?.message).toBe(
      'Node node-1 status is now: NodeNotReady',
    );
    // The evicted pods stay Terminating (no kubelet to stop them); replacements run elsewhere.
    h.advance(30_000);
    for (const name of victims) expect(get(h, name ?? '').metadata.deletionTimestamp).toBeDefined();
    expect(
      h.pods().filter((p) => !p.metadata.deletionTimestamp && isPodReady(p) && p.spec.nodeName === 'node-2'),
    ).toHaveLength(4);
  });

  it('a short outage: pods go not ready, then ready again when the kubelet returns, none evicted', () => {
    const h = clusterHarness([nodeJson('node-1', { index: 1 }), nodeJson('node-2', { index: 2 })]);
    h.store.create(keys.deployments, deploymentJson('web', 4));
    h.advance(20_000);
    const on1 = () => h.pods().filter((p) => p.spec.nodeName === 'node-1');
    const stop = h.effects.kubeletOutages.add('node-1', () => true);
    h.advance(90_000);
    expect(on1().some(isPodReady)).toBe(false);
    expect(h.events('NodeNotReady').filter((e) => e.involvedObject.kind === 'Pod').length).toBe(on1().length);
    stop();
    h.advance(15_000);
    expect(on1().length).toBeGreaterThan(0);
    expect(on1().every(isPodReady)).toBe(true);
    h.advance(300_000);
    expect(h.events('TaintManagerEviction').filter((e) => e.message.startsWith('Marking'))).toHaveLength(0);
  });

  it('brings the node back when its kubelet returns', () => {
    const h = clusterHarness([nodeJson('node-1')]);
    const stop = h.effects.kubeletOutages.add('node-1', () => true);
    h.advance(60_000);
    stop();
    h.advance(10_000);
    const node = h.store.get(keys.nodes, undefined, 'node-1') as Node;
    expect(node.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(node.spec?.taints).toBeUndefined();
    expect(h.events('Starting')[0]?.message).toBe('Starting kubelet.');
    expect(h.events('NodeReady')[0]?.message).toBe('Node node-1 status is now: NodeReady');
  });
});
