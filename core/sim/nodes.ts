import { CONTROL_PLANE_INSTANCE, REGION, WORKER_INSTANCES, ZONES } from './catalogue.ts';
import type { Rng } from './random.ts';
import type { CpuMemory, InstanceType, NodeResources, SimNode, Taint } from './types.ts';

const HOUR_MS = 3_600_000;
const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

/** Clusters this small have no dedicated control plane: every node is a worker. */
export const MIN_NODES_FOR_CONTROL_PLANE = 3;
export const MAX_PODS_PER_NODE = 110;

export const CONTROL_PLANE_TAINT: Taint = {
  key: 'node-role.kubernetes.io/control-plane',
  effect: 'NoSchedule',
};

export interface NodeBuildInput {
  rng: Rng;
  count: number;
  clusterCreatedMs: number;
  nowMs: number;
  /** The first resourceVersion to hand out; one per node. */
  firstResourceVersion: number;
}

export function buildNodes(input: NodeBuildInput): SimNode[] {
  const { rng, count, clusterCreatedMs, nowMs } = input;
  const hasControlPlane = count >= MIN_NODES_FOR_CONTROL_PLANE;
  const workerCount = hasControlPlane ? count - 1 : count;
  const width = Math.max(2, String(workerCount).length);
  const nodes: SimNode[] = [];

  for (let index = 0; index < count; index++) {
    const isControlPlane = hasControlPlane && index === 0;
    const workerNumber = hasControlPlane ? index : index + 1;
    const name = isControlPlane ? 'control-plane-1' : `node-${String(workerNumber).padStart(width, '0')}`;
    const instanceType = isControlPlane
      ? CONTROL_PLANE_INSTANCE
      : rng.pickWeighted(WORKER_INSTANCES, (entry) => entry.weight).type;
    // Workers go round the zones so every zone has a third of the fleet, as a node group would.
    const zone = ZONES[(isControlPlane ? 0 : workerNumber - 1) % ZONES.length] ?? ZONES[0];
    const labels: Record<string, string> = {
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/os': 'linux',
      'kubernetes.io/hostname': name,
      'node.kubernetes.io/instance-type': instanceType.name,
      'topology.kubernetes.io/region': REGION,
      'topology.kubernetes.io/zone': zone,
    };
    labels[isControlPlane ? 'node-role.kubernetes.io/control-plane' : 'node-role.kubernetes.io/worker'] = '';

    const capacity = capacityOf(instanceType);
    nodes.push({
      index,
      name,
      role: isControlPlane ? 'control-plane' : 'worker',
      zone,
      instanceType,
      labels,
      taints: isControlPlane ? [{ ...CONTROL_PLANE_TAINT }] : [],
      unschedulable: false,
      capacity,
      allocatable: allocatableOf(capacity),
      systemOverhead: overheadOf(rng, isControlPlane),
      createdMs: isControlPlane ? clusterCreatedMs : workerCreatedMs(rng, clusterCreatedMs, nowMs),
      resourceVersion: input.firstResourceVersion + index,
    });
  }
  return nodes;
}

function capacityOf(type: InstanceType): NodeResources {
  return {
    cpuMillis: type.cpuMillis,
    memoryBytes: type.memoryBytes,
    pods: MAX_PODS_PER_NODE,
    ephemeralStorageBytes: type.ephemeralStorageBytes,
  };
}

/**
 * Allocatable = capacity minus kube-reserved minus the eviction threshold, using the tiered
 * reservations GKE and EKS publish, so small nodes lose a larger share than big ones.
 */
export function allocatableOf(capacity: NodeResources): NodeResources {
  const cpuReserved = tiered(capacity.cpuMillis, [
    [1000, 0.06],
    [1000, 0.01],
    [2000, 0.005],
    [Infinity, 0.0025],
  ]);
  const memoryReserved =
    tiered(capacity.memoryBytes, [
      [4 * GIB, 0.25],
      [4 * GIB, 0.2],
      [8 * GIB, 0.1],
      [112 * GIB, 0.06],
      [Infinity, 0.02],
    ]) +
    100 * MIB;
  return {
    cpuMillis: capacity.cpuMillis - Math.ceil(cpuReserved),
    // Whole KiB, as the kubelet reports memory.
    memoryBytes: Math.floor((capacity.memoryBytes - memoryReserved) / 1024) * 1024,
    pods: capacity.pods,
    ephemeralStorageBytes: Math.floor((capacity.ephemeralStorageBytes * 0.9) / 1024) * 1024,
  };
}

function tiered(amount: number, tiers: readonly (readonly [size: number, rate: number])[]): number {
  let left = amount;
  let reserved = 0;
  for (const [size, rate] of tiers) {
    const inTier = Math.min(left, size);
    reserved += inTier * rate;
    left -= inTier;
    if (left <= 0) break;
  }
  return reserved;
}

function overheadOf(rng: Rng, isControlPlane: boolean): CpuMemory {
  // The control plane runs the API server and etcd outside any simulated pod.
  return isControlPlane
    ? { cpuMillis: rng.int(600, 900), memoryBytes: rng.int(2560, 3584) * MIB }
    : { cpuMillis: rng.int(120, 200), memoryBytes: rng.int(480, 800) * MIB };
}

function workerCreatedMs(rng: Rng, clusterCreatedMs: number, nowMs: number): number {
  const latest = Math.max(clusterCreatedMs, nowMs - HOUR_MS);
  // Most workers came up with the cluster; the rest joined later (scale-ups, replacements).
  if (rng.chance(0.6)) return Math.min(latest, clusterCreatedMs + rng.int(5, 6 * 60) * 60_000);
  return rng.int(clusterCreatedMs, latest);
}
