import { noise3 } from './random.ts';
import type { CpuMemory, SimCluster, SimNode, SimPod } from './types.ts';

/**
 * Resource usage as a pure function of (seed, entity, time): nothing is stored, any instant can be
 * evaluated in any order, and the same seed always gives the same series.
 *
 * usage(t) = base × daily(t) × (1 + noise × wobble(t)), where
 * - daily(t) = 1 + amplitude × cos(2π (hourOfDay(t) − peakHour) / 24), and
 * - wobble(t) ∈ [−1, 1) is value noise: a fresh random value every 15 s bucket, interpolated
 *   smoothly in between, so two samples 5 s apart already differ and the series has no steps.
 */

export const DAY_MS = 86_400_000;
export const NOISE_BUCKET_MS = 15_000;

/** Noise streams per entity, so cpu and memory (and nodes and pods) wobble independently. */
const STREAM = { podCpu: 1, podMemory: 2, nodeCpu: 3, nodeMemory: 4 } as const;

/** Memory follows the daily curve and the noise less than cpu does: caches stay warm. */
const MEMORY_DAILY_SHARE = 0.3;
const MEMORY_NOISE_SHARE = 0.25;

export interface ContainerUsage extends CpuMemory {
  name: string;
}

export function podUsageAt(pod: SimPod, seed: number, tMs: number): CpuMemory {
  const p = pod.usage;
  const daily = dailyWave(tMs, p.peakHour);
  let cpuMillis =
    p.cpuBaseMillis *
    (1 + p.dailyAmplitude * daily) *
    (1 + p.noise * wobble(seed, STREAM.podCpu, pod.index, tMs));
  let memoryBytes =
    p.memoryBaseBytes *
    (1 + MEMORY_DAILY_SHARE * p.dailyAmplitude * daily) *
    (1 + MEMORY_NOISE_SHARE * p.noise * wobble(seed, STREAM.podMemory, pod.index, tMs));

  // A container cannot use more than its limit: cpu is throttled, memory would be OOM-killed.
  const limits = pod.workload.podLimits;
  cpuMillis = Math.max(0, limits.cpuMillis === undefined ? cpuMillis : Math.min(cpuMillis, limits.cpuMillis));
  memoryBytes = Math.max(
    0,
    limits.memoryBytes === undefined ? memoryBytes : Math.min(memoryBytes, limits.memoryBytes),
  );
  return { cpuMillis, memoryBytes: Math.round(memoryBytes) };
}

/**
 * The pod's usage split over its containers in proportion to their requests (equally when
 * nothing is requested). Limits are proportional to requests within a workload, so no container
 * ends up above its own limit.
 */
export function podContainerUsageAt(pod: SimPod, seed: number, tMs: number): ContainerUsage[] {
  const total = podUsageAt(pod, seed, tMs);
  const { containers, podRequests } = pod.workload;
  return containers.map((c) => {
    const cpuShare =
      podRequests.cpuMillis > 0 ? (c.requests.cpuMillis ?? 0) / podRequests.cpuMillis : 1 / containers.length;
    const memoryShare =
      podRequests.memoryBytes > 0
        ? (c.requests.memoryBytes ?? 0) / podRequests.memoryBytes
        : 1 / containers.length;
    return {
      name: c.name,
      cpuMillis: total.cpuMillis * cpuShare,
      memoryBytes: Math.round(total.memoryBytes * memoryShare),
    };
  });
}

/** What the node's system daemons use on their own. */
export function nodeOverheadAt(node: SimNode, seed: number, tMs: number): CpuMemory {
  const base = node.systemOverhead;
  return {
    cpuMillis: base.cpuMillis * (1 + 0.15 * wobble(seed, STREAM.nodeCpu, node.index, tMs)),
    memoryBytes: Math.round(base.memoryBytes * (1 + 0.03 * wobble(seed, STREAM.nodeMemory, node.index, tMs))),
  };
}

/** The node's running pods plus its system overhead. */
export function nodeUsageAt(cluster: SimCluster, node: SimNode, tMs: number): CpuMemory {
  const total = nodeOverheadAt(node, cluster.seed, tMs);
  for (const podIndex of cluster.podIndicesByNode[node.index] ?? []) {
    const pod = cluster.pods[podIndex]!;
    if (pod.phase !== 'Running') continue;
    const usage = podUsageAt(pod, cluster.seed, tMs);
    total.cpuMillis += usage.cpuMillis;
    total.memoryBytes += usage.memoryBytes;
  }
  return total;
}

/** Usage of every node at one instant, in one pass over the pods. Indexed like `cluster.nodes`. */
export interface NodeUsageTable {
  tMs: number;
  cpuMillis: Float64Array;
  memoryBytes: Float64Array;
}

export function nodeUsageTableAt(cluster: SimCluster, tMs: number): NodeUsageTable {
  const cpuMillis = new Float64Array(cluster.nodes.length);
  const memoryBytes = new Float64Array(cluster.nodes.length);
  for (const node of cluster.nodes) {
    const overhead = nodeOverheadAt(node, cluster.seed, tMs);
    cpuMillis[node.index] = overhead.cpuMillis;
    memoryBytes[node.index] = overhead.memoryBytes;
  }
  for (const pod of cluster.pods) {
    if (pod.phase !== 'Running') continue;
    const usage = podUsageAt(pod, cluster.seed, tMs);
    cpuMillis[pod.nodeIndex]! += usage.cpuMillis;
    memoryBytes[pod.nodeIndex]! += usage.memoryBytes;
  }
  return { tMs, cpuMillis, memoryBytes };
}

/** −1..1, peaking at `peakHour` (UTC). */
function dailyWave(tMs: number, peakHour: number): number {
  const hourOfDay = (((tMs % DAY_MS) + DAY_MS) % DAY_MS) / 3_600_000;
  return Math.cos((2 * Math.PI * (hourOfDay - peakHour)) / 24);
}

/** Value noise in [−1, 1): random per 15 s bucket, smoothstep-interpolated between buckets. */
function wobble(seed: number, stream: number, entity: number, tMs: number): number {
  const position = tMs / NOISE_BUCKET_MS;
  const bucket = Math.floor(position);
  const f = position - bucket;
  const eased = f * f * (3 - 2 * f);
  const a = noise3(seed, stream, entity, bucket);
  const b = noise3(seed, stream, entity, bucket + 1);
  return 2 * (a + (b - a) * eased) - 1;
}
