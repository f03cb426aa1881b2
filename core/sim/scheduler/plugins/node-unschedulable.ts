import { tolerated } from '../../kube/tolerations.ts';
import type { FilterPlugin } from '../framework.ts';

export const ERR_UNSCHEDULABLE = 'node(s) were unschedulable';

/** NodeUnschedulable: cordoned nodes take only pods that tolerate the unschedulable taint. */
export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, node) {
    if (!node.node.spec?.unschedulable) return undefined;
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };
    if (tolerated(pod.pod.spec.tolerations, taint)) return undefined;
    return { code: 'UnschedulableAndUnresolvable', reasons: [ERR_UNSCHEDULABLE] };
  },
};
