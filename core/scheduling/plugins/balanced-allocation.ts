import type { NodeScorer, PodInfo, ScorePlugin } from '../framework.ts';
import { allocationBuffers, allocationPlan, fillAllocation, podRequestList } from './resource-allocation.ts';
import { balancedResourceScorer, DEFAULT_RESOURCES, type ResourceSpec } from './resource-scorers.ts';

export const BALANCED_ALLOCATION = 'NodeResourcesBalancedAllocation';

/**
 * NodeResourcesBalancedAllocation: prefers nodes whose cpu and memory would be used in equal
 * shares. Counts real requests (useRequested), and skips a pod that requests nothing
 * (PreScore returns Skip: the plugin then scores 0 everywhere).
 */
export function balancedAllocation(
  resources: readonly ResourceSpec[] = DEFAULT_RESOURCES,
  weight = 1,
): ScorePlugin {
  const buffers = allocationBuffers(resources);
  const preScore = (pod: PodInfo): NodeScorer => {
    const requests = podRequestList(pod, resources, true);
    if (requests.every((r) => r === 0)) return () => 0;
    const plan = allocationPlan(requests, resources, true);
    return (node) => {
      fillAllocation(node, plan, buffers);
      return balancedResourceScorer(buffers.requested, buffers.allocatable);
    };
  };
  return {
    name: BALANCED_ALLOCATION,
    weight,
    score: (pod, node) => preScore(pod)(node),
    preScore,
    explain(pod, node) {
      const cpu = node.allocatable.milliCpu
        ? (node.requested.milliCpu + pod.requests.milliCpu) / node.allocatable.milliCpu
        : 0;
      const mem = node.allocatable.memory
        ? (node.requested.memory + pod.requests.memory) / node.allocatable.memory
        : 0;
      return `cpu ${Math.round(cpu * 100)}% and memory ${Math.round(mem * 100)}% requested after placing`;
    },
  };
}

/** Whether BalancedAllocation takes part for this pod (it skips pods that request nothing). */
export function balancedAllocationSkips(
  pod: PodInfo,
  resources: readonly ResourceSpec[] = DEFAULT_RESOURCES,
): boolean {
  return podRequestList(pod, resources, true).every((r) => r === 0);
}
