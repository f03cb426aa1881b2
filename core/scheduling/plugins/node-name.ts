import type { FilterPlugin, NodeFilter, PodInfo } from '../framework.ts';

export const NODE_NAME = 'NodeName';

function nodeNameOf(pod: PodInfo): NodeFilter {
  const wanted = pod.pod.spec?.nodeName;
  return (node) => {
    if (!wanted || wanted === node.name) return undefined;
    return {
      plugin: NODE_NAME,
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match the requested node name"],
    };
  };
}

/** NodeName: a pod that names its node (spec.nodeName) fits only there. */
export const nodeNameFilter: FilterPlugin = {
  name: NODE_NAME,
  filter: (pod, node) => nodeNameOf(pod)(node),
  preFilter: nodeNameOf,
};
