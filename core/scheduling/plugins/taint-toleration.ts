import {
  defaultNormalizeScore,
  MAX_NODE_SCORE,
  type FilterFailure,
  type FilterPlugin,
  type NodeFilter,
  type NodeScorer,
  type PodInfo,
  type ScorePlugin,
} from '../framework.ts';
import type { NodeInfo } from '../node-info.ts';
import type { TaintEffect } from '../kube-objects.ts';
import { firstUntoleratedTaint, taintTolerated } from '../tolerations.ts';

export const TAINT_TOLERATION = 'TaintToleration';

const HARD_EFFECTS: readonly TaintEffect[] = ['NoSchedule', 'NoExecute'];

function untoleratedTaintFilter(pod: PodInfo): NodeFilter {
  const tolerations = pod.pod.spec?.tolerations;
  return (node: NodeInfo): FilterFailure | undefined => {
    if (node.taints.length === 0) return undefined;
    const taint = firstUntoleratedTaint(node.taints, tolerations, HARD_EFFECTS);
    if (!taint) return undefined;
    return {
      plugin: TAINT_TOLERATION,
      code: 'UnschedulableAndUnresolvable',
      reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`],
    };
  };
}

/** TaintToleration filter: every NoSchedule and NoExecute taint must be tolerated. */
export const taintTolerationFilter: FilterPlugin = {
  name: TAINT_TOLERATION,
  filter: (pod, node) => untoleratedTaintFilter(pod)(node),
  preFilter: untoleratedTaintFilter,
};

/** The count of PreferNoSchedule taints the pod does not tolerate. */
function intolerableCount(pod: PodInfo): NodeScorer {
  // getAllTolerationPreferNoSchedule, once per pod (PreScore) rather than once per node.
  const tolerations = (pod.pod.spec?.tolerations ?? []).filter(
    (t) => !t.effect || t.effect === 'PreferNoSchedule',
  );
  return (node) => {
    const taints = node.taints;
    let count = 0;
    for (let i = 0; i < taints.length; i++) {
      const taint = taints[i];
      if (taint?.effect === 'PreferNoSchedule' && !taintTolerated(tolerations, taint)) count++;
    }
    return count;
  };
}

/**
 * TaintToleration score: the count of PreferNoSchedule taints the pod does not tolerate (only
 * its tolerations with an empty or PreferNoSchedule effect count), reversed so fewer is better.
 */
export function taintTolerationScore(weight = 3): ScorePlugin {
  return {
    name: TAINT_TOLERATION,
    weight,
    score: (pod, node) => intolerableCount(pod)(node),
    preScore: intolerableCount,
    normalize: (scores) => defaultNormalizeScore(MAX_NODE_SCORE, true, scores),
    explain(pod, node, normalized) {
      const soft = node.taints.filter((t) => t.effect === 'PreferNoSchedule').length;
      if (soft === 0) return 'no PreferNoSchedule taints';
      return normalized === MAX_NODE_SCORE
        ? 'its PreferNoSchedule taints are tolerated'
        : `has PreferNoSchedule taint(s) the pod does not tolerate`;
    },
  };
}
