import { afterEach, describe, expect, it, vi } from 'vitest';
import { controllerRef } from './kube/pods.ts';
import type { Deployment, Node, Pod } from './kube/types.ts';
import { nodeMetricsJson, podMetricsJson } from './metrics-json.ts';
import { createSimulation, UNSCHEDULABLE_TAINT_KEY } from './simulation.ts';
import { keys } from './store/api-resources.ts';
import { podUsageAt } from './usage.ts';

const START = Date.UTC(2025, 5, 2, 14, 0, 0);

function manualTime(start: number) {
  let now = start;
  return { read: () => now, advance: (ms: number) => (now += ms) };
}

describe('createSimulation', () => {
  it('materializes the default preset: twelve nodes, every kind of workload, owners that exist', () => {
    const sim = createSimulation({ startMs: START, scenarios: [] });
    const { store } = sim;
    expect(sim.seed).toBe(1);
    expect(store.count(keys.nodes)).toBe(12);
    expect(store.list(keys.namespaces).map((n) => n.metadata.name)).toEqual([
      'default',
      'kube-system',
      'monitoring',
      'payments',
      'shop',
    ]);
    for (const key of [
      keys.deployments,
      keys.replicasets,
      keys.daemonsets,
      keys.statefulsets,
      keys.jobs,
      keys.poddisruptionbudgets,
      keys.horizontalpodautoscalers,
    ]) {
      expect(store.count(key), key).toBeGreaterThan(0);
    }
    // 96 Deployment pods, two DaemonSets on every node, three database replicas and one finished Job pod.
    expect(store.count(keys.pods)).toBe(96 + 24 + 3 + 1);
    const uids = new Set<string>();
    for (const key of Object.values(keys)) for (const o of store.list(key)) uids.add(o.metadata.uid ?? '');
    for (const pod of store.list(keys.pods) as Pod[]) {
      const owner = controllerRef(pod);
      expect(owner && uids.has(owner.uid), pod.metadata.name).toBe(true);
      expect(pod.spec.nodeName).toBeTruthy();
    }
  });

  it('settles what it loaded: every Deployment reports its replicas available, nothing is pending', () => {
    const sim = createSimulation({ startMs: START, scenarios: [] });
    for (const d of sim.store.list(keys.deployments) as Deployment[]) {
      expect(d.status?.availableReplicas, d.metadata.name).toBe(d.spec.replicas);
      expect(d.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
        'Available=True',
        'Progressing=True',
      ]);
    }
    const phases = new Set((sim.store.list(keys.pods) as Pod[]).map((p) => p.status?.phase));
    expect([...phases].sort()).toEqual(['Running', 'Succeeded']);
    // A settled cluster does nothing in its first minute but report: node heartbeats, HPA metrics.
    const version = sim.resourceVersion();
    sim.advance(60_000);
    const changed = sim.store.changesSince(version);
    expect('events' in changed && new Set(changed.events.map((e) => e.resource))).toEqual(
      new Set(['/nodes', keys.horizontalpodautoscalers]),
    );
  });

  it('steps in whole ticks and reports the time of the last one', () => {
    const sim = createSimulation({ startMs: START + 400, scenarios: [], tickMs: 1000 });
    expect(sim.now()).toBe(START);
    expect(sim.step(START + 2500)).toBe(2);
    expect(sim.now()).toBe(START + 2000);
    expect(sim.advance(10_000)).toBe(10);
    expect(sim.now()).toBe(START + 12_000);
  });

  it('follows the clock at its speed when run, and stops', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const real = manualTime(1_000);
    const sim = createSimulation({ startMs: START, speed: 60, realNow: real.read, scenarios: [] });
    sim.run({ intervalMs: 10 });
    real.advance(10_000);
    await vi.advanceTimersByTimeAsync(50);
    expect(sim.now()).toBe(START + 600_000);
    expect(sim.lagMs()).toBe(0);
    sim.stop();
    real.advance(10_000);
    await vi.advanceTimersByTimeAsync(50);
    expect(sim.now()).toBe(START + 600_000);
    expect(sim.running).toBe(false);
  });

  it('reports metrics for running pods on nodes whose kubelet answers, in metrics-server shapes', () => {
    const sim = createSimulation({ startMs: START, scenarios: [] });
    const nodes = sim.nodeMetrics();
    expect(nodes.map((n) => n.name)).toEqual(sim.store.list(keys.nodes).map((n) => n.metadata.name));
    const running = (sim.store.list(keys.pods) as Pod[]).filter((p) => p.status?.phase === 'Running');
    expect(sim.podMetrics()).toHaveLength(running.length);
    expect(sim.podMetrics('payments').every((p) => p.namespace === 'payments')).toBe(true);
    for (const n of nodes) {
      expect(n.cpuMillis).toBeGreaterThan(0);
      expect(n.memoryBytes).toBeLessThan(n.capacity.memoryBytes);
    }
    const node = nodes[1]!;
    expect(nodeMetricsJson(node, sim.now())).toMatchObject({
      kind: 'NodeMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: { name: node.name },
      timestamp: '2025-06-02T14:00:00Z',
      usage: { cpu: expect.stringMatching(/^\d+n$/), memory: expect.stringMatching(/^\d+Ki$/) },
    });
    const pod = sim.podMetrics()[0]!;
    expect(podMetricsJson(pod, sim.now())).toMatchObject({
      kind: 'PodMetrics',
      metadata: { namespace: pod.namespace, name: pod.name },
    });
  });
});

describe('manual kubelet control', () => {
  it('a stopped kubelet drops out of metrics and its node goes Unknown; started again, it is back', () => {
    const sim = createSimulation({ startMs: START, scenarios: [] });
    sim.setKubeletRunning('node-04', false);
    sim.advance(60_000);
    expect(sim.kubeletUp('node-04')).toBe(false);
    expect(sim.nodeMetrics().map((n) => n.name)).not.toContain('node-04');
    const ready = () =>
      (sim.store.get(keys.nodes, undefined, 'node-04') as Node).status?.conditions?.find(
        (c) => c.type === 'Ready',
      )?.status;
    expect(ready()).toBe('Unknown');
    sim.setKubeletRunning('node-04', true);
    sim.advance(5000);
    expect(sim.kubeletUp('node-04')).toBe(true);
    expect(ready()).toBe('True');
  });
});

describe('options', () => {
  it.each([
    [{ scenarios: [{ family: 'meteorStrike', onsetMs: 0 }] }, /unknown scenario family "meteorStrike"/],
    [{ scenarios: [{ family: 'diskFill', onsetMs: -5 }] }, /onsetMs must be/],
    [
      { nodes: 3, scenarios: [{ family: 'diskFill', onsetMs: 0, target: { node: 'node-9' } }] },
      /scenario diskFill: there is no node "node-9"; the cluster's nodes: control-plane-1, node-01, node-02$/,
    ],
    [{ scenarios: [{ family: 'diskFill', onsetMs: 0, severity: 2 }] }, /severity must be within 0..1/],
    [{ preset: 'huge' }, /unknown preset "huge"/],
    [{ tickMs: 60_000 }, /tickMs must be an integer from 1 to 30000/],
  ])('rejects %j', (options, message) => {
    expect(() => createSimulation({ startMs: START, ...(options as object) })).toThrow(message);
  });
});

describe('compatibility for core/demo', () => {
  it('keeps the planned records and their usage', () => {
    const sim = createSimulation({ startMs: START, nodes: 6, podsPerNode: 5, scenarios: [] });
    const pod = sim.cluster.pods[7]!;
    expect(sim.findPod(pod.namespace, pod.name)).toBe(pod);
    expect(sim.podUsage(pod.namespace, pod.name, START)).toEqual(podUsageAt(pod, sim.seed, START));
    expect(sim.nodeUsage(sim.cluster.nodes[1]!.name, START)?.cpuMillis).toBeGreaterThan(0);
    expect(sim.store.get(keys.pods, pod.namespace, pod.name)).toBeDefined();
    expect(sim.kubernetesVersion).toBe('v1.31.4');
  });

  it.each([
    ['a node', (sim: ReturnType<typeof createSimulation>) => sim.nodeUsage('node-99')],
    ['a pod', (sim: ReturnType<typeof createSimulation>) => sim.podUsage('shop', 'nope')],
    ['a node to cordon', (sim: ReturnType<typeof createSimulation>) => sim.setUnschedulable('nope', true)],
  ])('answers undefined for %s that does not exist', (_what, call) => {
    expect(call(createSimulation({ startMs: START, scenarios: [] }))).toBeUndefined();
  });

  it('cordons through the store: spec.unschedulable, then the controller taints the node', () => {
    const sim = createSimulation({ startMs: START, scenarios: [] });
    const record = sim.setUnschedulable('node-02', true);
    expect(record?.unschedulable).toBe(true);
    expect(record?.taints.map((t) => t.key)).toEqual([UNSCHEDULABLE_TAINT_KEY]);
    sim.advance(1000);
    const node = sim.store.get(keys.nodes, undefined, 'node-02') as Node;
    expect(node.spec?.unschedulable).toBe(true);
    expect(node.spec?.taints).toEqual([{ key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule' }]);
    sim.setUnschedulable('node-02', false);
    sim.advance(1000);
    expect((sim.store.get(keys.nodes, undefined, 'node-02') as Node).spec?.taints).toBeUndefined();
  });
});

afterEach(() => {
  vi.useRealTimers();
});
