import {
  defaultNormalizeScore,
  MAX_NODE_SCORE,
  type FilterPlugin,
  type PodInfo,
  type ScorePlugin,
} from '../framework.ts';
import type { Toleration } from '../kube-objects.ts';
import { firstUntoleratedTaint, taintTolerated } from '../tolerations.ts';

export const TAINT_TOLERATION = 'TaintToleration';

/** TaintToleration filter: every NoSchedule and NoExecute taint must be tolerated. */
export const taintTolerationFilter: FilterPlugin = {
  name: TAINT_TOLERATION,
  filter(pod, node) {
    const taint = firstUntoleratedTaint(node.taints, pod.pod.spec?.tolerations, ['NoSchedule', 'NoExecute']);
    if (!taint) return undefined;
    return {
      plugin: TAINT_TOLERATION,
      code: 'UnschedulableAndUnresolvable',
      reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`],
    };
  },
};

/**
 * TaintToleration score: the count of PreferNoSchedule taints the pod does not tolerate (only
 * its tolerations with an empty or PreferNoSchedule effect count), reversed so fewer is better.
 */
export function taintTolerationScore(weight = 3): ScorePlugin {
  // getAllTolerationPreferNoSchedule, once per pod (PreScore) rather than once per node.
  const preferNoSchedule = new WeakMap<PodInfo, Toleration[]>();
  const tolerationsOf = (pod: PodInfo): Toleration[] => {
    let list = preferNoSchedule.get(pod);
    if (!list) {
      list = (pod.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
      preferNoSchedule.set(pod, list);
    }
    return list;
  };
  return {
    name: TAINT_TOLERATION,
    weight,
    score(pod, node) {
      if (node.taints.length === 0) return 0;
      const tolerations = tolerationsOf(pod);
      let count = 0;
      for (const taint of node.taints)
        if (taint.effect === 'PreferNoSchedule' && !taintTolerated(tolerations, taint)) count++;
      return count;
    },
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
