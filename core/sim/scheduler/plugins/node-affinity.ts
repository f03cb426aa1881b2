import { nodeMatchesPod, preferredAffinityScore } from '../../kube/node-affinity.ts';
import { defaultNormalize, type FilterPlugin, type ScorePlugin } from '../framework.ts';

export const ERR_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

/** NodeAffinity filter: nodeSelector and required node affinity. */
export const nodeAffinityFilter: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, node) {
    if (nodeMatchesPod(pod.pod.spec, node.node)) return undefined;
    return { code: 'UnschedulableAndUnresolvable', reasons: [ERR_NODE_AFFINITY] };
  },
};

/** NodeAffinity score: the weights of the preferred terms a node matches, scaled to the best node. */
export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  score: (pod, node) => preferredAffinityScore(pod.pod.spec, node.node),
  normalize: (scores) => defaultNormalize(scores, false),
};
