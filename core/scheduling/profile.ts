import type { FilterPlugin, ScorePlugin } from './framework.ts';
import { balancedAllocation } from './plugins/balanced-allocation.ts';
import { nodeAffinityFilter, nodeAffinityScore } from './plugins/node-affinity.ts';
import { nodeNameFilter } from './plugins/node-name.ts';
import {
  nodeResourcesFitFilter,
  nodeResourcesFitScore,
  type ScoringStrategy,
} from './plugins/node-resources-fit.ts';
import { nodeUnschedulableFilter } from './plugins/node-unschedulable.ts';
import { taintTolerationFilter, taintTolerationScore } from './plugins/taint-toleration.ts';

/** A scheduling profile: filters in order (the first failing one gives a node's reasons), weighted scores. */
export interface SchedulingProfile {
  readonly filters: readonly FilterPlugin[];
  readonly scores: readonly ScorePlugin[];
}

/**
 * kube-scheduler's default profile, limited to the plugins reproduced here, in upstream's filter
 * order and with upstream's default weights: TaintToleration 3, NodeAffinity 2,
 * NodeResourcesFit 1, NodeResourcesBalancedAllocation 1.
 */
export function defaultProfile(strategy?: ScoringStrategy): SchedulingProfile {
  return {
    filters: [
      nodeUnschedulableFilter,
      nodeNameFilter,
      taintTolerationFilter,
      nodeAffinityFilter,
      nodeResourcesFitFilter,
    ],
    scores: [
      taintTolerationScore(3),
      nodeAffinityScore(2),
      nodeResourcesFitScore(strategy, 1),
      balancedAllocation(),
    ],
  };
}
