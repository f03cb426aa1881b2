import type { NodeRow } from '../../../core/contract/index.ts';

export interface ResourceTotal {
  /** Sum of usage over the nodes that reported metrics; null when none did. */
  used: number | null;
  /** Sum of allocatable over all nodes. */
  allocatable: number;
  /** Sum of allocatable over the nodes that reported metrics: the honest denominator for a %. */
  measuredAllocatable: number;
}

export interface ClusterTotals {
  nodes: number;
  ready: number;
  notReady: number;
  /** Ready but marked unschedulable (cordoned). */
  cordoned: number;
  /** Nodes that reported CPU or memory usage. */
  measured: number;
  cpuMillis: ResourceTotal;
  memoryBytes: ResourceTotal;
  pods: number;
  podCapacity: number;
}

function emptyTotal(): ResourceTotal {
  return { used: null, allocatable: 0, measuredAllocatable: 0 };
}

function addUsage(total: ResourceTotal, used: number | null, allocatable: number): void {
  total.allocatable += allocatable;
  if (used === null) return;
  total.used = (total.used ?? 0) + used;
  total.measuredAllocatable += allocatable;
}

export function clusterTotals(nodes: readonly NodeRow[]): ClusterTotals {
  const totals: ClusterTotals = {
    nodes: nodes.length,
    ready: 0,
    notReady: 0,
    cordoned: 0,
    measured: 0,
    cpuMillis: emptyTotal(),
    memoryBytes: emptyTotal(),
    pods: 0,
    podCapacity: 0,
  };
  for (const node of nodes) {
    if (node.ready) totals.ready++;
    else totals.notReady++;
    if (node.ready && node.unschedulable) totals.cordoned++;
    if (node.cpuMillis !== null || node.memoryBytes !== null) totals.measured++;
    addUsage(totals.cpuMillis, node.cpuMillis, node.cpuAllocatableMillis);
    addUsage(totals.memoryBytes, node.memoryBytes, node.memoryAllocatableBytes);
    totals.pods += node.pods;
    totals.podCapacity += node.podCapacity;
  }
  return totals;
}
