import type { NodeRow } from '../contract/index.ts';
import type { NodeMetrics, PodPlacement } from './cluster-client.ts';
import type { NodeFacts } from './node-facts.ts';
import { cpuToMillis, memoryToBytes } from './quantity.ts';

/** Pods that hold a node's resources: scheduled there and not finished (what kubectl's "Non-terminated" counts). */
export function countPodsByNode(pods: Iterable<PodPlacement>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pod of pods) {
    const node = pod.nodeName;
    const phase = pod.phase;
    if (!node || phase === 'Succeeded' || phase === 'Failed') continue;
    counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Joins nodes, pod counts and metrics into the rows the UI shows and the history stores. */
export function buildNodeRows(
  nodes: readonly NodeFacts[],
  podCounts: ReadonlyMap<string, number>,
  metrics: readonly NodeMetrics[] | null,
): NodeRow[] {
  const usage = new Map((metrics ?? []).map((m) => [m.metadata.name, m.usage]));
  return nodes.map(({ conditions: _conditions, object: _object, ...node }) => {
    const used = usage.get(node.name);
    return {
      ...node,
      cpuMillis: used ? finiteOrNull(cpuToMillis(used.cpu)) : null,
      memoryBytes: used ? finiteOrNull(memoryToBytes(used.memory)) : null,
      pods: podCounts.get(node.name) ?? 0,
    };
  });
}
