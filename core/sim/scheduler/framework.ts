import type { NodeAllocation } from '../runtime/cluster-cache.ts';
import { bytes, cpuMillis } from '../kube/quantity.ts';
import type { PodShape } from '../kube/pods.ts';
import type { Node, Pod, Taint } from '../kube/types.ts';

/**
 * The scheduling framework's vocabulary (pkg/scheduler/framework): what a plugin sees of a node,
 * and what a filter answers. Plugins are pure functions of (pod, node info).
 */

export const MAX_NODE_SCORE = 100;

export interface Allocatable {
  cpuMillis: number;
  memoryBytes: number;
  ephemeralBytes: number;
  pods: number;
}

export interface NodeInfo {
  readonly node: Node;
  readonly name: string;
  readonly allocatable: Allocatable;
  /** Requests of the non-terminal pods already bound there. */
  readonly requested: Readonly<NodeAllocation>;
  readonly taints: readonly Taint[];
}

export interface PodInfo {
  readonly pod: Pod;
  readonly shape: PodShape;
  /** Pods with the same owner per node and per zone, for topology spreading. */
  readonly siblingsByNode?: ReadonlyMap<string, number>;
  readonly siblingsByZone?: ReadonlyMap<string, number>;
  readonly nodeCount?: number;
}

/**
 * Unschedulable: the node might fit after something changes (preemption could help).
 * UnschedulableAndUnresolvable: nothing but changing the node or the pod helps.
 */
export interface FilterFailure {
  code: 'Unschedulable' | 'UnschedulableAndUnresolvable';
  reasons: readonly string[];
}

export interface FilterPlugin {
  readonly name: string;
  filter(pod: PodInfo, node: NodeInfo): FilterFailure | undefined;
}

export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  score(pod: PodInfo, node: NodeInfo): number;
  /** NormalizeScore: rescales this plugin's scores over all feasible nodes, in place. */
  normalize?(scores: number[]): void;
}

const allocatableCache = new WeakMap<object, Allocatable>();

export function allocatableOf(node: Node): Allocatable {
  const list = node.status?.allocatable ?? {};
  let cached = allocatableCache.get(list);
  if (!cached) {
    cached = {
      cpuMillis: cpuMillis(list['cpu']),
      memoryBytes: bytes(list['memory']),
      ephemeralBytes: bytes(list['ephemeral-storage']),
      pods: Math.floor(Number(list['pods'] ?? 0)) || 0,
    };
    allocatableCache.set(list, cached);
  }
  return cached;
}

/** helper.DefaultNormalizeScore: scale to 0..100 by the maximum, optionally reversed. */
export function defaultNormalize(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) max = Math.max(max, s);
  if (max === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((MAX_NODE_SCORE * (scores[i] ?? 0)) / max);
    if (reverse) s = MAX_NODE_SCORE - s;
    scores[i] = s;
  }
}
