import type { FilterFailure, FilterPlugin, NodeFilter, PodInfo } from '../framework.ts';
import type { NodeInfo } from '../node-info.ts';
import { taintTolerated } from '../tolerations.ts';

export const NODE_UNSCHEDULABLE = 'NodeUnschedulable';

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' } as const;

function cordonFilter(pod: PodInfo): NodeFilter {
  const tolerated = taintTolerated(pod.pod.spec?.tolerations, UNSCHEDULABLE_TAINT);
  return (node: NodeInfo): FilterFailure | undefined => {
    if (!node.unschedulable || tolerated) return undefined;
    return {
      plugin: NODE_UNSCHEDULABLE,
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) were unschedulable'],
    };
  };
}

/** NodeUnschedulable: a cordoned node takes only pods that tolerate node.kubernetes.io/unschedulable. */
export const nodeUnschedulableFilter: FilterPlugin = {
  name: NODE_UNSCHEDULABLE,
  filter: (pod, node) => cordonFilter(pod)(node),
  preFilter: cordonFilter,
};
