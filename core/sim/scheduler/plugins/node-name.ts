import type { FilterPlugin } from '../framework.ts';

export const ERR_NODE_NAME = "node(s) didn't match the requested node name";

/** NodeName: a pod that names a node fits only there. */
export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(pod, node) {
    const wanted = pod.pod.spec.nodeName;
    if (!wanted || wanted === node.name) return undefined;
    return { code: 'UnschedulableAndUnresolvable', reasons: [ERR_NODE_NAME] };
  },
};
