import type { V1Node } from '@kubernetes/client-node';
import type { NodeRow } from '../contract/index.ts';
import type { NodeMetrics, PodPlacement } from './cluster-client.ts';
import { cpuToMillis, memoryToBytes } from './quantity.ts';

const rolePrefix = 'node-role.kubernetes.io/';

function rolesOf(node: V1Node): string[] {
  return Object.keys(node.metadata?.labels ?? {})
    .filter((label) => label.startsWith(rolePrefix))
    .map((label) => label.slice(rolePrefix.length))
    .filter(Boolean)
    .sort();
}

function isReady(node: V1Node): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Pods that hold a node's resources: scheduled there and not finished (what kubectl's "Non-terminated" counts). */
export function countPodsByNode(pods: readonly PodPlacement[]): Map<string, number> {
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
  nodes: readonly V1Node[],
  podCounts: ReadonlyMap<string, number>,
  metrics: readonly NodeMetrics[] | null,
): NodeRow[] {
  const usage = new Map((metrics ?? []).map((m) => [m.metadata.name, m.usage]));
  return nodes.map((node) => {
    const name = node.metadata?.name ?? '';
    const allocatable = node.status?.allocatable ?? {};
    const used = usage.get(name);
    return {
      name,
      ready: isReady(node),
      unschedulable: node.spec?.unschedulable ?? false,
      roles: rolesOf(node),
      cpuMillis: used ? finiteOrNull(cpuToMillis(used.cpu)) : null,
      cpuAllocatableMillis: finiteOrNull(cpuToMillis(allocatable.cpu)) ?? 0,
      memoryBytes: used ? finiteOrNull(memoryToBytes(used.memory)) : null,
      memoryAllocatableBytes: finiteOrNull(memoryToBytes(allocatable.memory)) ?? 0,
      pods: podCounts.get(name) ?? 0,
      podCapacity: finiteOrNull(Number(allocatable.pods)) ?? 0,
    };
  });
}
