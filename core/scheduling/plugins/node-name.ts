import type { FilterPlugin } from '../framework.ts';

export const NODE_NAME = 'NodeName';

/** NodeName: a pod that names its node (spec.nodeName) fits only there. */
export const nodeNameFilter: FilterPlugin = {
  name: NODE_NAME,
  filter(pod, node) {
    const wanted = pod.pod.spec?.nodeName;
    if (!wanted || wanted === node.name) return undefined;
    return {
      plugin: NODE_NAME,
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match the requested node name"],
    };
  },
};
