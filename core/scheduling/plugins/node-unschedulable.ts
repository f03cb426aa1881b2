import type { FilterPlugin } from '../framework.ts';
import { taintTolerated } from '../tolerations.ts';

export const NODE_UNSCHEDULABLE = 'NodeUnschedulable';

/** NodeUnschedulable: a cordoned node takes only pods that tolerate node.kubernetes.io/unschedulable. */
export const nodeUnschedulableFilter: FilterPlugin = {
  name: NODE_UNSCHEDULABLE,
  filter(pod, node) {
    if (!node.unschedulable) return undefined;
    const tolerated = taintTolerated(pod.pod.spec?.tolerations, {
      key: 'node.kubernetes.io/unschedulable',
      effect: 'NoSchedule',
    });
    if (tolerated) return undefined;
    return {
      plugin: NODE_UNSCHEDULABLE,
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) were unschedulable'],
    };
  },
};
