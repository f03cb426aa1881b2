import type { NodeRow } from '../contract/index.ts';
import type { LifecycleEvent } from '../kube/lifecycle.ts';

/** One node sample as history keeps it: usage may be unknown when metrics were unavailable. */
export interface UsagePoint {
  at: number;
  cpuMillis: number | null;
  memoryBytes: number | null;
  pods: number;
  /** Bytes used on the node's root filesystem (kubelet Summary API: node.fs.usedBytes), when known. */
  diskBytes?: number | null;
  /**
   * The fullest container on the node, as its memory working set over its memory limit (only
   * containers with a limit count; 1 = at the limit, where the kernel OOM-kills), when known.
   */
  podMemoryPeak?: number | null;
  /**
   * Hours until the container soonest to reach its memory limit reaches it at its own 30-min
   * trend (0 = at its limit), when one's memory is rising; the fullest container alone hides a
   * leak climbing below it.
   */
  containerHoursToLimit?: number | null;
}

/**
 * Everything the risk features read about one node: its samples in time order, what it can
 * hold, and its lifecycle events in time order. The worker builds it from the history database,
 * training builds it from the simulator; both shapes are the same so features cannot differ.
 */
export interface NodeHistory {
  node: string;
  cpuAllocatableMillis: number;
  memoryAllocatableBytes: number;
  podCapacity: number;
  /** The node's root filesystem size (kubelet Summary API: node.fs.capacityBytes), when known. */
  diskCapacityBytes?: number;
  samples: UsagePoint[];
  events: LifecycleEvent[];
}

/** A collection's row as a sample: what history stores and what live risk appends. */
export function usagePoint(at: number, row: NodeRow): UsagePoint {
  return {
    at,
    cpuMillis: row.cpuMillis,
    memoryBytes: row.memoryBytes,
    pods: row.pods,
    diskBytes: row.diskBytes ?? null,
    podMemoryPeak: row.podMemoryPeak ?? null,
    containerHoursToLimit: row.containerHoursToLimit ?? null,
  };
}
