import { MAX_NODE_SCORE, type FilterPlugin, type ScorePlugin } from '../framework.ts';

/**
 * NodeResourcesFit: the pod's requests must fit in what the node has left, and there must be a
 * pod slot. Every resource that does not fit is a reason of its own ("Insufficient cpu").
 */
export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, node) {
    const reasons: string[] = [];
    const { allocatable, requested } = node;
    if (requested.pods + 1 > allocatable.pods) reasons.push('Too many pods');
    const want = pod.shape.requests;
    if (want.cpuMillis > 0 && want.cpuMillis > allocatable.cpuMillis - requested.cpuMillis)
      reasons.push('Insufficient cpu');
    if (want.memoryBytes > 0 && want.memoryBytes > allocatable.memoryBytes - requested.memoryBytes)
      reasons.push('Insufficient memory');
    if (
      want.ephemeralBytes > 0 &&
      want.ephemeralBytes > allocatable.ephemeralBytes - requested.ephemeralBytes
    )
      reasons.push('Insufficient ephemeral-storage');
    return reasons.length > 0 ? { code: 'Unschedulable', reasons } : undefined;
  },
};

/** leastRequestedScore: the free share of a resource after placing the pod, 0..100, integer. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/**
 * NodeResourcesFit's LeastAllocated scoring strategy over cpu and memory (weight 1 each), with
 * the scheduler's non-zero defaults for containers that request nothing.
 */
export const leastAllocated: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(pod, node) {
    const cpu = leastRequestedScore(
      node.requested.nonZeroCpuMillis + pod.shape.nonZeroRequests.cpuMillis,
      node.allocatable.cpuMillis,
    );
    const memory = leastRequestedScore(
      node.requested.nonZeroMemoryBytes + pod.shape.nonZeroRequests.memoryBytes,
      node.allocatable.memoryBytes,
    );
    return Math.trunc((cpu + memory) / 2);
  },
};
