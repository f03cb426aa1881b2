import { firstUntoleratedTaint, tolerated } from '../../kube/tolerations.ts';
import { defaultNormalize, type FilterPlugin, type ScorePlugin } from '../framework.ts';

/** TaintToleration filter: NoSchedule and NoExecute taints must all be tolerated. */
export const taintTolerationFilter: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, node) {
    const taint = firstUntoleratedTaint(node.taints, pod.pod.spec.tolerations, ['NoSchedule', 'NoExecute']);
    if (!taint) return undefined;
    return {
      code: 'UnschedulableAndUnresolvable',
      reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`],
    };
  },
};

/** TaintToleration score: fewer untolerated PreferNoSchedule taints is better (reversed). */
export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  score(pod, node) {
    let count = 0;
    for (const taint of node.taints) {
      if (taint.effect === 'PreferNoSchedule' && !tolerated(pod.pod.spec.tolerations, taint)) count++;
    }
    return count;
  },
  normalize: (scores) => defaultNormalize(scores, true),
};
