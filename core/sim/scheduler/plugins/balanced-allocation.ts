import { MAX_NODE_SCORE, type ScorePlugin } from '../framework.ts';

/**
 * NodeResourcesBalancedAllocation: prefers nodes where cpu and memory would be used in equal
 * shares. For two resources the standard deviation is half their difference.
 */
export function balancedScore(cpuFraction: number, memoryFraction: number): number {
  const cpu = Math.min(1, cpuFraction);
  const memory = Math.min(1, memoryFraction);
  const std = Math.abs(cpu - memory) / 2;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(pod, node) {
    const { allocatable, requested } = node;
    if (allocatable.cpuMillis === 0 || allocatable.memoryBytes === 0) return 0;
    return balancedScore(
      (requested.cpuMillis + pod.shape.requests.cpuMillis) / allocatable.cpuMillis,
      (requested.memoryBytes + pod.shape.requests.memoryBytes) / allocatable.memoryBytes,
    );
  },
};
