import type { RawObject } from './resource-mirror.ts';
import { cpuToMillis, memoryToBytes } from './quantity.ts';
import { trimNode, type TrimmedNode } from './scheduling-object.ts';

/** What Foresight keeps of a Node: enough for the Nodes table and the history. */
export interface NodeFacts {
  name: string;
  ready: boolean;
  unschedulable: boolean;
  roles: string[];
  cpuAllocatableMillis: number;
  memoryAllocatableBytes: number;
  podCapacity: number;
  /** Condition type → status (True/False/Unknown): Ready, MemoryPressure, DiskPressure… */
  conditions: Record<string, string>;
  /** The node as kube-scheduler reads it, trimmed. */
  object: TrimmedNode;
}

const rolePrefix = 'node-role.kubernetes.io/';

interface RawNode extends RawObject {
  metadata?: RawObject['metadata'] & { labels?: Record<string, string> };
  spec?: { unschedulable?: boolean };
  status?: {
    allocatable?: Record<string, string>;
    conditions?: Array<{ type?: string; status?: string }>;
  };
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

export function reduceNode(raw: RawObject): NodeFacts {
  const node = raw as RawNode;
  const allocatable = node.status?.allocatable ?? {};
  return {
    name: node.metadata?.name ?? '',
    ready: node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    unschedulable: node.spec?.unschedulable ?? false,
    roles: Object.keys(node.metadata?.labels ?? {})
      .filter((label) => label.startsWith(rolePrefix))
      .map((label) => label.slice(rolePrefix.length))
      .filter(Boolean)
      .sort(),
    cpuAllocatableMillis: finiteOr(cpuToMillis(allocatable['cpu']), 0),
    memoryAllocatableBytes: finiteOr(memoryToBytes(allocatable['memory']), 0),
    podCapacity: finiteOr(Number(allocatable['pods']), 0),
    conditions: Object.fromEntries(
      (node.status?.conditions ?? []).filter((c) => c.type && c.status).map((c) => [c.type, c.status]),
    ),
    object: trimNode(raw),
  };
}
