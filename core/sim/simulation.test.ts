import { describe, expect, it } from 'vitest';
import { createSimulation, UNSCHEDULABLE_TAINT_KEY } from './simulation.ts';
import { nodeUsageTableAt, podUsageAt } from './usage.ts';

const START = Date.UTC(2025, 5, 1, 9, 0, 0);

function manualTime(start: number) {
  let now = start;
  return { read: () => now, advance: (ms: number) => (now += ms) };
}

describe('createSimulation', () => {
  it('uses seed 1, 12 nodes and 8 pods per node by default', () => {
    const sim = createSimulation({ startMs: START });
    expect(sim.seed).toBe(1);
    expect(sim.cluster.nodes).toHaveLength(12);
    expect(sim.cluster.pods).toHaveLength(96);
    expect(sim.clock.speed).toBe(1);
  });

  it('dates the cluster before its start', () => {
    const sim = createSimulation({ startMs: START, nodes: 5, podsPerNode: 4 });
    for (const node of sim.cluster.nodes) expect(node.createdMs).toBeLessThan(START);
    for (const pod of sim.cluster.pods) expect(pod.createdMs).toBeLessThan(START);
  });

  it('runs its clock at the given speed and computes usage at the simulated now', () => {
    const real = manualTime(1_000);
    const sim = createSimulation({ startMs: START, speed: 60, realNow: real.read });
    real.advance(10_000);
    expect(sim.now()).toBe(START + 600_000);
    const table = sim.usageNow();
    expect(table.tMs).toBe(START + 600_000);
    expect(Array.from(table.cpuMillis)).toEqual(
      Array.from(nodeUsageTableAt(sim.cluster, START + 600_000).cpuMillis),
    );
  });

  it('gives the same usage series for the same options', () => {
    const a = createSimulation({ seed: 8, startMs: START });
    const b = createSimulation({ seed: 8, startMs: START });
    const name = a.cluster.nodes[3]!.name;
    for (let t = START; t < START + 600_000; t += 5000)
      expect(a.nodeUsage(name, t)).toEqual(b.nodeUsage(name, t));
  });

  it('finds pods and nodes by name and computes their usage', () => {
    const sim = createSimulation({ startMs: START, nodes: 6, podsPerNode: 5 });
    const pod = sim.cluster.pods[7]!;
    expect(sim.findPod(pod.namespace, pod.name)).toBe(pod);
    expect(sim.podUsage(pod.namespace, pod.name, START)).toEqual(podUsageAt(pod, sim.seed, START));
    expect(sim.nodeUsage(sim.cluster.nodes[1]!.name, START)?.cpuMillis).toBeGreaterThan(0);
    expect(sim.containerUsage(pod, START).map((c) => c.name)).toEqual(
      pod.workload.containers.map((c) => c.name),
    );
  });

  it.each([
    ['a node', (sim: ReturnType<typeof createSimulation>) => sim.nodeUsage('node-99')],
    ['a pod', (sim: ReturnType<typeof createSimulation>) => sim.podUsage('shop', 'nope')],
    ['a node to cordon', (sim: ReturnType<typeof createSimulation>) => sim.setUnschedulable('nope', true)],
  ])('answers undefined for %s that does not exist', (_what, call) => {
    expect(call(createSimulation({ startMs: START }))).toBeUndefined();
  });
});

describe('setUnschedulable', () => {
  it('cordons and uncordons with the taint and a new resourceVersion each time', () => {
    const sim = createSimulation({ startMs: START });
    const before = sim.resourceVersion();
    const node = sim.setUnschedulable('node-02', true);
    expect(node?.unschedulable).toBe(true);
    expect(node?.taints.map((t) => `${t.key}:${t.effect}`)).toEqual([
      `${UNSCHEDULABLE_TAINT_KEY}:NoSchedule`,
    ]);
    expect(sim.resourceVersion()).toBe(before + 1);
    expect(node?.resourceVersion).toBe(before + 1);

    // Cordoning twice changes nothing, as with the API server.
    sim.setUnschedulable('node-02', true);
    expect(sim.resourceVersion()).toBe(before + 1);
    expect(node?.taints).toHaveLength(1);

    sim.setUnschedulable('node-02', false);
    expect(node?.unschedulable).toBe(false);
    expect(node?.taints).toEqual([]);
    expect(sim.resourceVersion()).toBe(before + 2);
  });

  it('keeps the control-plane taint when the control plane is cordoned and uncordoned', () => {
    const sim = createSimulation({ startMs: START });
    sim.setUnschedulable('control-plane-1', true);
    sim.setUnschedulable('control-plane-1', false);
    expect(sim.findNode('control-plane-1')?.taints.map((t) => t.key)).toEqual([
      'node-role.kubernetes.io/control-plane',
    ]);
  });
});
