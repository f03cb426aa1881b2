import type { FilterFailure } from './framework.ts';

/**
 * The message of a pod that fits nowhere, as kube-scheduler writes it into the FailedScheduling
 * event and the PodScheduled condition (framework.FitError plus the preemption plugin's
 * post-filter message):
 *
 *   0/12 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: },
 *   11 Insufficient cpu. preemption: 0/12 nodes are available: 1 Preemption is not helpful for
 *   scheduling, 11 No preemption victims found for incoming pod..
 *
 * Reasons are counted over nodes and sorted as strings ("1 node(s)…" before "11 Insufficient…"),
 * like sortReasonsHistogram. The double full stop is upstream's.
 */
export function fitErrorMessage(
  nodeCount: number,
  failures: readonly FilterFailure[],
  preemption: 'default' | 'never' = 'default',
): string {
  const histogram = new Map<string, number>();
  let unresolvable = 0;
  for (const failure of failures) {
    if (failure.code === 'UnschedulableAndUnresolvable') unresolvable++;
    for (const reason of failure.reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
  }
  const reasons = [...histogram].map(([reason, count]) => `${count} ${reason}`).sort(byCodeUnits);
  let message = `0/${nodeCount} nodes are available: ${reasons.join(', ')}.`;
  if (preemption === 'never') return `${message} preemption: not eligible due to preemptionPolicy=Never.`;
  const resolvable = failures.length - unresolvable;
  const parts: string[] = [];
  if (unresolvable > 0) parts.push(`${unresolvable} Preemption is not helpful for scheduling`);
  if (resolvable > 0) parts.push(`${resolvable} No preemption victims found for incoming pod.`);
  parts.sort(byCodeUnits);
  message += ` preemption: 0/${nodeCount} nodes are available: ${parts.join(', ')}.`;
  return message;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * How many feasible nodes the scheduler looks for before it stops filtering
 * (numFeasibleNodesToFind with the adaptive percentageOfNodesToScore): all of a small cluster,
 * 50% − nodes/125 of a large one (at least 5%), never fewer than 100.
 */
export function feasibleNodesToFind(nodeCount: number): number {
  const minNodes = 100;
  if (nodeCount < minNodes) return nodeCount;
  const percentage = Math.max(5, 50 - Math.trunc(nodeCount / 125));
  return Math.max(minNodes, Math.trunc((nodeCount * percentage) / 100));
}
