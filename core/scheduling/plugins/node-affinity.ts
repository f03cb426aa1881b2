import { defaultNormalizeScore, MAX_NODE_SCORE, type FilterPlugin, type ScorePlugin } from '../framework.ts';
import { anyTermMatches, termMatches } from '../node-selector.ts';

export const NODE_AFFINITY = 'NodeAffinity';
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";

/** NodeAffinity filter: spec.nodeSelector (every label) and the required node affinity terms. */
export const nodeAffinityFilter: FilterPlugin = {
  name: NODE_AFFINITY,
  filter(pod, node) {
    const spec = pod.pod.spec ?? {};
    const fail = {
      plugin: NODE_AFFINITY,
      code: 'UnschedulableAndUnresolvable',
      reasons: [ERR_REASON_POD],
    } as const;
    for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) {
      if (node.labels[key] !== value) return fail;
    }
    const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (required && !anyTermMatches(required.nodeSelectorTerms ?? [], node.labels, node.name)) return fail;
    return undefined;
  },
};

/** NodeAffinity score: the summed weights of the preferred terms the node matches, scaled to 0..100. */
export function nodeAffinityScore(weight = 2): ScorePlugin {
  return {
    name: NODE_AFFINITY,
    weight,
    score(pod, node) {
      let total = 0;
      for (const term of pod.pod.spec?.affinity?.nodeAffinity
        ?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
        if (term.weight === 0) continue;
        if (termMatches(term.preference, node.labels, node.name)) total += term.weight;
      }
      return total;
    },
    normalize: (scores) => defaultNormalizeScore(MAX_NODE_SCORE, false, scores),
    explain(pod, _node, normalized) {
      const preferred =
        pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
      if (preferred.length === 0) return 'the pod states no preferred node affinity';
      return normalized === 0
        ? 'matches none of the preferred terms'
        : `matches preferred terms (${normalized}/100)`;
    },
  };
}
