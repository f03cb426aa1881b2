import { KUBERNETES_VERSION, NAMESPACE_NAMES } from './catalogue.ts';
import { nameSuffix } from './ids.ts';
import { MAX_POD_SLOTS_PER_NODE } from './network.ts';
import { buildNodes, MAX_PODS_PER_NODE } from './nodes.ts';
import { InitialPlacement } from './placement.ts';
import { createRng, deriveSeed, normalizeSeed, type Rng } from './random.ts';
import type { SimCluster, SimNamespace, SimNode, SimPod, UsageProfile } from './types.ts';
import { buildWorkloads, type PlannedWorkload } from './workloads.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Fixed so that a cluster built without a time is the same on every machine and every day. */
export const DEFAULT_CLUSTER_NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0);

/** Pod CIDRs are per-node /24s inside a /10 (see network.ts): 16,384 of them. */
export const MAX_NODES = 16_384;

export interface ClusterOptions {
  seed: number;
  nodes: number;
  /** Average pods per node over the whole cluster: the cluster has `nodes * podsPerNode` pods. */
  podsPerNode: number;
  /** "Now" for creation timestamps, which all lie before it (default DEFAULT_CLUSTER_NOW_MS). */
  nowMs?: number;
}

// Independent random streams: changing the pod count must not reshuffle the nodes.
const STREAM = { nodes: 1, namespaces: 2, workloads: 3, pods: 4 } as const;

export function buildCluster(options: ClusterOptions): SimCluster {
  const seed = normalizeSeed(options.seed);
  const nowMs = options.nowMs ?? DEFAULT_CLUSTER_NOW_MS;
  const { nodes: nodeCount, podsPerNode } = options;
  if (!Number.isInteger(nodeCount) || nodeCount < 1 || nodeCount > MAX_NODES) {
    throw new RangeError(`nodes must be an integer in [1, ${MAX_NODES}], got ${nodeCount}`);
  }
  if (!Number.isInteger(podsPerNode) || podsPerNode < 0) {
    throw new RangeError(`podsPerNode must be a non-negative integer, got ${podsPerNode}`);
  }
  if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs must be finite, got ${nowMs}`);

  const nodeRng = createRng(deriveSeed(seed, STREAM.nodes));
  const clusterCreatedMs = nowMs - nodeRng.int(60, 400) * DAY_MS - nodeRng.int(0, DAY_MS);
  let resourceVersion = 1000;
  const namespaces = buildNamespaces(
    createRng(deriveSeed(seed, STREAM.namespaces)),
    clusterCreatedMs,
    nowMs,
    resourceVersion + 1,
  );
  resourceVersion += namespaces.length;
  const nodes = buildNodes({
    rng: nodeRng,
    count: nodeCount,
    clusterCreatedMs,
    nowMs,
    firstResourceVersion: resourceVersion + 1,
  });
  resourceVersion += nodes.length;

  const workers = nodes.filter((n) => n.taints.length === 0).map((n) => n.index);
  const totalPods = nodeCount * podsPerNode;
  const podRoom = workers.length * Math.min(MAX_PODS_PER_NODE, MAX_POD_SLOTS_PER_NODE);
  if (totalPods > podRoom) {
    throw new RangeError(
      `${totalPods} pods do not fit on ${workers.length} workers of ${MAX_PODS_PER_NODE} pods`,
    );
  }

  const planned = buildWorkloads({
    rng: createRng(deriveSeed(seed, STREAM.workloads)),
    totalPods,
    ...budgets(nodes, workers, totalPods),
    clusterCreatedMs,
    nowMs,
  });

  const podRng = createRng(deriveSeed(seed, STREAM.pods));
  const placement = new InitialPlacement(podRng, nodes, workers);
  const pods: SimPod[] = [];
  const podIndicesByNode: number[][] = nodes.map(() => []);
  for (const entry of planned) {
    const usedSuffixes = new Set<string>();
    for (let r = 0; r < entry.workload.replicas; r++) {
      const pod = buildPod(
        podRng,
        entry,
        pods.length,
        usedSuffixes,
        nodes,
        placement,
        nowMs,
        ++resourceVersion,
      );
      podIndicesByNode[pod.nodeIndex]!.push(pod.index);
      pods.push(pod);
    }
  }

  return {
    seed,
    kubernetesVersion: KUBERNETES_VERSION,
    createdMs: clusterCreatedMs,
    nodes,
    namespaces,
    workloads: planned.map((p) => p.workload),
    pods,
    podIndicesByNode,
    initialResourceVersion: resourceVersion,
  };
}

/** The pods on one node, in the order they were placed. */
export function podsOnNode(cluster: SimCluster, nodeIndex: number): SimPod[] {
  return (cluster.podIndicesByNode[nodeIndex] ?? []).map((i) => cluster.pods[i]!);
}

function buildNamespaces(
  rng: Rng,
  clusterCreatedMs: number,
  nowMs: number,
  firstResourceVersion: number,
): SimNamespace[] {
  return NAMESPACE_NAMES.map((name, index) => ({
    index,
    name,
    // The two built-in namespaces exist from the start; teams created theirs on the first day.
    createdMs:
      name === 'default' || name === 'kube-system'
        ? clusterCreatedMs
        : Math.min(nowMs, clusterCreatedMs + rng.int(1, 20) * HOUR_MS),
    labels: { 'kubernetes.io/metadata.name': name },
    resourceVersion: firstResourceVersion + index,
  }));
}

/** Request sizes that leave the workers about two-thirds requested, whatever the pod density. */
function budgets(nodes: readonly SimNode[], workers: readonly number[], totalPods: number) {
  let cpu = 0;
  let memory = 0;
  let smallestCpu = Infinity;
  let smallestMemory = Infinity;
  for (const i of workers) {
    const a = nodes[i]!.allocatable;
    cpu += a.cpuMillis;
    memory += a.memoryBytes;
    smallestCpu = Math.min(smallestCpu, a.cpuMillis);
    smallestMemory = Math.min(smallestMemory, a.memoryBytes);
  }
  const pods = Math.max(1, totalPods);
  return {
    podBudget: { cpuMillis: (0.65 * cpu) / pods, memoryBytes: (0.6 * memory) / pods },
    maxPod: { cpuMillis: smallestCpu / 2, memoryBytes: smallestMemory / 2 },
  };
}

function buildPod(
  rng: Rng,
  entry: PlannedWorkload,
  index: number,
  usedSuffixes: Set<string>,
  nodes: readonly SimNode[],
  placement: InitialPlacement,
  nowMs: number,
  resourceVersion: number,
): SimPod {
  const { workload, profile } = entry;
  let suffix = nameSuffix(rng, 5);
  while (usedSuffixes.has(suffix)) suffix = nameSuffix(rng, 5);
  usedSuffixes.add(suffix);

  const { nodeIndex, slot } = placement.place(workload.podRequests);
  const node = nodes[nodeIndex]!;
  // A pod cannot predate its node; all pods started at least a second before "now".
  const createdMs = Math.min(
    nowMs - 1000,
    Math.max(entry.rolloutMs + rng.int(0, 120_000), node.createdMs + rng.int(30_000, 300_000)),
  );
  return {
    index,
    namespace: workload.namespace,
    name: [workload.name, workload.templateHash, suffix].join('-'),
    workload,
    nodeIndex,
    ipSlot: slot,
    phase: 'Running',
    restartCount: rng.chance(0.85) ? 0 : rng.int(1, 5),
    createdMs,
    usage: jitter(rng, profile),
    resourceVersion,
  };
}

/** Replicas of one workload behave alike but not identically. */
function jitter(rng: Rng, profile: UsageProfile): UsageProfile {
  return {
    cpuBaseMillis: profile.cpuBaseMillis * rng.float(0.85, 1.15),
    memoryBaseBytes: profile.memoryBaseBytes * rng.float(0.9, 1.1),
    dailyAmplitude: profile.dailyAmplitude,
    peakHour: (profile.peakHour + rng.float(-0.5, 0.5) + 24) % 24,
    noise: profile.noise,
  };
}
