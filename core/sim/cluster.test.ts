import { describe, expect, it } from 'vitest';
import { ZONES } from './catalogue.ts';
import { buildCluster, DEFAULT_CLUSTER_NOW_MS, podsOnNode } from './cluster.ts';
import { allocatableOf, CONTROL_PLANE_TAINT } from './nodes.ts';
import type { SimCluster } from './types.ts';
import { qosClassOf } from './workloads.ts';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
// Template hashes are SafeEncodeString of a decimal FNV hash: up to 10 of the characters 4-9, b-f.
const POD_NAME = /^([a-z0-9-]+)-([456789bcdf]{1,10})-([bcdfghjklmnpqrstvwxz2456789]{5})$/;

function requestedPerNode(cluster: SimCluster) {
  const cpu = new Array<number>(cluster.nodes.length).fill(0);
  const memory = new Array<number>(cluster.nodes.length).fill(0);
  for (const pod of cluster.pods) {
    cpu[pod.nodeIndex]! += pod.workload.podRequests.cpuMillis;
    memory[pod.nodeIndex]! += pod.workload.podRequests.memoryBytes;
  }
  return { cpu, memory };
}

describe('buildCluster', () => {
  it('gives the same cluster for the same seed', () => {
    expect(buildCluster({ seed: 5, nodes: 12, podsPerNode: 8 })).toEqual(
      buildCluster({ seed: 5, nodes: 12, podsPerNode: 8 }),
    );
  });

  it('gives a different cluster for a different seed', () => {
    const a = buildCluster({ seed: 5, nodes: 12, podsPerNode: 8 });
    const b = buildCluster({ seed: 6, nodes: 12, podsPerNode: 8 });
    expect(a.pods.map((p) => p.name)).not.toEqual(b.pods.map((p) => p.name));
    expect(a.nodes.map((n) => n.createdMs)).not.toEqual(b.nodes.map((n) => n.createdMs));
  });

  it('keeps the nodes when only the pod density changes', () => {
    const sparse = buildCluster({ seed: 5, nodes: 20, podsPerNode: 4 });
    const dense = buildCluster({ seed: 5, nodes: 20, podsPerNode: 30 });
    expect(dense.nodes).toEqual(sparse.nodes);
  });

  it.each([
    { nodes: 1, names: ['node-01'] },
    { nodes: 2, names: ['node-01', 'node-02'] },
    { nodes: 3, names: ['control-plane-1', 'node-01', 'node-02'] },
    { nodes: 12, names: ['control-plane-1', 'node-01', 'node-02'], last: 'node-11' },
    { nodes: 101, names: ['control-plane-1', 'node-001', 'node-002'], last: 'node-100' },
    { nodes: 5000, names: ['control-plane-1', 'node-0001'], last: 'node-4999' },
  ])('names $nodes nodes $names…', ({ nodes, names, last }) => {
    const cluster = buildCluster({ seed: 1, nodes, podsPerNode: 0 });
    expect(cluster.nodes).toHaveLength(nodes);
    expect(cluster.nodes.slice(0, names.length).map((n) => n.name)).toEqual(names);
    if (last) expect(cluster.nodes.at(-1)?.name).toBe(last);
    expect(new Set(cluster.nodes.map((n) => n.name)).size).toBe(nodes);
  });

  it('taints the control plane and schedules no pods there', () => {
    const cluster = buildCluster({ seed: 2, nodes: 12, podsPerNode: 8 });
    const [controlPlane, ...workers] = cluster.nodes;
    expect(controlPlane?.role).toBe('control-plane');
    expect(controlPlane?.taints).toEqual([CONTROL_PLANE_TAINT]);
    expect(controlPlane?.labels['node-role.kubernetes.io/control-plane']).toBe('');
    expect(podsOnNode(cluster, 0)).toEqual([]);
    for (const worker of workers) {
      expect(worker.role).toBe('worker');
      expect(worker.taints).toEqual([]);
      expect(worker.unschedulable).toBe(false);
    }
  });

  it('labels nodes like a cloud cluster and spreads workers over three zones', () => {
    const cluster = buildCluster({ seed: 3, nodes: 31, podsPerNode: 5 });
    const perZone = new Map<string, number>();
    for (const node of cluster.nodes) {
      expect(node.labels['kubernetes.io/hostname']).toBe(node.name);
      expect(node.labels['node.kubernetes.io/instance-type']).toBe(node.instanceType.name);
      expect(node.labels['topology.kubernetes.io/zone']).toBe(node.zone);
      expect(ZONES).toContain(node.zone);
      if (node.role === 'worker') perZone.set(node.zone, (perZone.get(node.zone) ?? 0) + 1);
    }
    expect([...perZone.values()]).toEqual([10, 10, 10]);
  });

  it('reports capacity from the instance type and allocatable below it', () => {
    const cluster = buildCluster({ seed: 4, nodes: 40, podsPerNode: 1 });
    for (const node of cluster.nodes) {
      expect(node.capacity.cpuMillis).toBe(node.instanceType.cpuMillis);
      expect(node.capacity.memoryBytes).toBe(node.instanceType.memoryBytes);
      expect(node.capacity.pods).toBe(110);
      expect(node.allocatable.cpuMillis).toBeLessThan(node.capacity.cpuMillis);
      expect(node.allocatable.memoryBytes).toBeLessThan(node.capacity.memoryBytes);
      expect(node.allocatable.memoryBytes % 1024).toBe(0);
      expect(node.allocatable.ephemeralStorageBytes).toBeLessThan(node.capacity.ephemeralStorageBytes);
      expect(node.createdMs).toBeGreaterThanOrEqual(cluster.createdMs);
      expect(node.createdMs).toBeLessThan(DEFAULT_CLUSTER_NOW_MS);
    }
  });

  it.each([
    // 4 cores: 6% of the first, 1% of the second, 0.5% of the next two = 80m (EKS reports 3920m).
    { cpu: 4000, memory: 16 * GIB, cpuAllocatable: 3920, memoryReservedMiB: 1024 + 819.2 + 819.2 + 100 },
    {
      cpu: 8000,
      memory: 32 * GIB,
      cpuAllocatable: 7910,
      memoryReservedMiB: 1024 + 819.2 + 819.2 + 983.04 + 100,
    },
  ])('reserves for the system on a $cpu m node', ({ cpu, memory, cpuAllocatable, memoryReservedMiB }) => {
    const allocatable = allocatableOf({
      cpuMillis: cpu,
      memoryBytes: memory,
      pods: 110,
      ephemeralStorageBytes: 0,
    });
    expect(allocatable.cpuMillis).toBe(cpuAllocatable);
    expect(Math.abs(allocatable.memoryBytes - (memory - memoryReservedMiB * MIB))).toBeLessThan(1024);
  });

  it('has the five namespaces, and every pod lives in one of them', () => {
    const cluster = buildCluster({ seed: 1, nodes: 12, podsPerNode: 8 });
    const names = cluster.namespaces.map((n) => n.name);
    expect([...names].sort()).toEqual(['default', 'kube-system', 'monitoring', 'payments', 'shop']);
    for (const pod of cluster.pods) expect(names).toContain(pod.namespace);
  });

  it.each([
    { seed: 1, nodes: 12, podsPerNode: 8 },
    { seed: 9, nodes: 100, podsPerNode: 20 },
    { seed: 3, nodes: 3, podsPerNode: 40 },
  ])('places $nodes x $podsPerNode pods within capacity', ({ seed, nodes, podsPerNode }) => {
    const cluster = buildCluster({ seed, nodes, podsPerNode });
    expect(cluster.pods).toHaveLength(nodes * podsPerNode);
    const requested = requestedPerNode(cluster);
    for (const node of cluster.nodes) {
      expect(requested.cpu[node.index]).toBeLessThanOrEqual(node.allocatable.cpuMillis);
      expect(requested.memory[node.index]).toBeLessThanOrEqual(node.allocatable.memoryBytes);
      expect(podsOnNode(cluster, node.index).length).toBeLessThanOrEqual(node.allocatable.pods);
    }
  });

  it('names pods after their ReplicaSet, uniquely, and keeps them consistent with the node index', () => {
    const cluster = buildCluster({ seed: 9, nodes: 100, podsPerNode: 20 });
    const keys = new Set(cluster.pods.map((p) => `${p.namespace}/${p.name}`));
    expect(keys.size).toBe(cluster.pods.length);
    for (const pod of cluster.pods) {
      const match = POD_NAME.exec(pod.name);
      expect(match, pod.name).not.toBeNull();
      expect(match?.[1]).toBe(pod.workload.name);
      expect(match?.[2]).toBe(pod.workload.templateHash);
      expect(pod.namespace).toBe(pod.workload.namespace);
      expect(pod.phase).toBe('Running');
      expect(cluster.podIndicesByNode[pod.nodeIndex]).toContain(pod.index);
      expect(pod.createdMs).toBeGreaterThanOrEqual(cluster.nodes[pod.nodeIndex]!.createdMs);
      expect(pod.createdMs).toBeGreaterThanOrEqual(pod.workload.createdMs);
      expect(pod.createdMs).toBeLessThan(DEFAULT_CLUSTER_NOW_MS);
    }
    const placed = cluster.podIndicesByNode.reduce((sum, list) => sum + list.length, 0);
    expect(placed).toBe(cluster.pods.length);
    const replicas = cluster.workloads.reduce((sum, w) => sum + w.replicas, 0);
    expect(replicas).toBe(cluster.pods.length);
  });

  it('mixes QoS classes, load patterns and namespaces', () => {
    const cluster = buildCluster({ seed: 1, nodes: 100, podsPerNode: 20 });
    const qos = new Set(cluster.workloads.map((w) => w.qosClass));
    const patterns = new Set(cluster.workloads.map((w) => w.pattern));
    const namespaces = new Set(cluster.pods.map((p) => p.namespace));
    expect([...qos].sort()).toEqual(['BestEffort', 'Burstable', 'Guaranteed']);
    expect([...patterns].sort()).toEqual(['batch', 'steady', 'web']);
    expect(namespaces.size).toBe(5);
  });

  it('builds 5,000 nodes x 30 pods with every worker used and none over its pod limit', () => {
    const cluster = buildCluster({ seed: 11, nodes: 5000, podsPerNode: 30 });
    expect(cluster.nodes).toHaveLength(5000);
    expect(cluster.pods).toHaveLength(150_000);
    const counts = cluster.podIndicesByNode.slice(1).map((list) => list.length);
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThanOrEqual(110);
    expect(new Set(cluster.pods.map((p) => `${p.namespace}/${p.name}`)).size).toBe(150_000);
  });

  it.each([
    [{ seed: 1, nodes: 0, podsPerNode: 1 }, /nodes must be/],
    [{ seed: 1, nodes: 2.5, podsPerNode: 1 }, /nodes must be/],
    [{ seed: 1, nodes: 20_000, podsPerNode: 1 }, /nodes must be/],
    [{ seed: 1, nodes: 3, podsPerNode: -1 }, /podsPerNode must be/],
    [{ seed: 1, nodes: 3, podsPerNode: 111 }, /do not fit/],
    [{ seed: Number.NaN, nodes: 3, podsPerNode: 1 }, /seed/],
  ])('rejects %j', (options, message) => {
    expect(() => buildCluster(options)).toThrow(message);
  });
});

describe('qosClassOf', () => {
  const c = (requests: object, limits: object) => ({ name: 'c', image: 'i', requests, limits });
  it.each([
    ['nothing set', [c({}, {})], 'BestEffort'],
    [
      'requests equal limits',
      [c({ cpuMillis: 100, memoryBytes: 1 }, { cpuMillis: 100, memoryBytes: 1 })],
      'Guaranteed',
    ],
    ['limits only (requests default to them)', [c({}, { cpuMillis: 100, memoryBytes: 1 })], 'Guaranteed'],
    ['requests below limits', [c({ cpuMillis: 100 }, { cpuMillis: 200 })], 'Burstable'],
    ['memory limit missing', [c({ cpuMillis: 100, memoryBytes: 1 }, { cpuMillis: 100 })], 'Burstable'],
    [
      'one guaranteed, one best-effort',
      [c({ cpuMillis: 1, memoryBytes: 1 }, { cpuMillis: 1, memoryBytes: 1 }), c({}, {})],
      'Burstable',
    ],
  ])('%s → %s', (_name, containers, expected) => {
    expect(qosClassOf(containers)).toBe(expected);
  });
});
