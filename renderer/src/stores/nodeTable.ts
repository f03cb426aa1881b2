import type { NodeRow } from '../../../core/contract/index.ts';
import { usageFraction } from '../format/units.ts';

export const nodeSortKeys = ['name', 'status', 'roles', 'cpu', 'memory', 'pods'] as const;
export type NodeSortKey = (typeof nodeSortKeys)[number];
export type SortDirection = 'asc' | 'desc';

export interface NodeSort {
  key: NodeSortKey;
  dir: SortDirection;
}

export const defaultNodeSort: NodeSort = { key: 'name', dir: 'asc' };

/**
 * Clicking the active column flips it; clicking another starts where an operator looks first:
 * names A→Z, status with problems first, usage busiest first.
 */
export function nextSort(current: NodeSort, key: NodeSortKey): NodeSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'cpu' || key === 'memory' || key === 'pods' ? 'desc' : 'asc' };
}

/** NotReady first, then cordoned, then healthy: ascending order reads as "worst first". */
export function statusRank(node: Pick<NodeRow, 'ready' | 'unschedulable'>): number {
  if (!node.ready) return 0;
  return node.unschedulable ? 1 : 2;
}

// Natural order, so node-2 sorts before node-10, as people number their machines.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

type Comparable = number | string | null;

function sortValue(node: NodeRow, key: NodeSortKey): Comparable {
  switch (key) {
    case 'name':
      return node.name;
    case 'status':
      return statusRank(node);
    case 'roles':
      return node.roles.join(',');
    case 'cpu':
      return usageFraction(node.cpuMillis, node.cpuAllocatableMillis);
    case 'memory':
      return usageFraction(node.memoryBytes, node.memoryAllocatableBytes);
    case 'pods':
      return node.podCapacity > 0 ? node.pods / node.podCapacity : node.pods;
  }
}

function compareValues(a: Comparable, b: Comparable): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return 0;
}

/**
 * A sorted copy. Unknown values (no metrics) always go last whatever the direction, since they
 * are neither busy nor idle; ties fall back to the name so rows do not jump between snapshots.
 */
export function sortNodes(nodes: readonly NodeRow[], sort: NodeSort): NodeRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = nodes.map((node) => ({ node, value: sortValue(node, sort.key) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return collator.compare(a.node.name, b.node.name);
      return a.value === null ? 1 : -1;
    }
    return sign * compareValues(a.value, b.value) || collator.compare(a.node.name, b.node.name);
  });
  return keyed.map((entry) => entry.node);
}

/** Case-insensitive substring match on the node name; blank matches everything. */
export function filterNodes(nodes: readonly NodeRow[], filter: string): readonly NodeRow[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return nodes;
  return nodes.filter((node) => node.name.toLowerCase().includes(needle));
}

export function visibleNodes(nodes: readonly NodeRow[], sort: NodeSort, filter: string): NodeRow[] {
  return sortNodes(filterNodes(nodes, filter), sort);
}
