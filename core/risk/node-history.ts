import type { LifecycleEvent } from '../kube/lifecycle.ts';

/** One node sample as history keeps it: usage may be unknown when metrics were unavailable. */
export interface UsagePoint {
  at: number;
  cpuMillis: number | null;
  memoryBytes: number | null;
  pods: number;
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
  samples: UsagePoint[];
  events: LifecycleEvent[];
}
