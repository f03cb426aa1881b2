import {
  defaultNormalizeScore,
  MAX_NODE_SCORE,
  type FilterFailure,
  type FilterPlugin,
  type NodeFilter,
  type NodeScorer,
  type PodInfo,
  type ScorePlugin,
} from '../framework.ts';
import { anyTermMatcher, termMatcher } from '../node-selector.ts';

export const NODE_AFFINITY = 'NodeAffinity';
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";

function mismatch(): FilterFailure {
  return { plugin: NODE_AFFINITY, code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_POD] };
}

function requiredAffinity(pod: PodInfo): NodeFilter {
  const spec = pod.pod.spec ?? {};
  const selector = Object.entries(spec.nodeSelector ?? {});
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const matches = required ? anyTermMatcher(required.nodeSelectorTerms ?? []) : undefined;
  return (node) => {
    for (let i = 0; i < selector.length; i++) {
      const [key, value] = selector[i] as [string, string];
      if (node.labels[key] !== value) return mismatch();
    }
    if (matches && !matches(node.labels, node.name)) return mismatch();
    return undefined;
  };
}

/** NodeAffinity filter: spec.nodeSelector (every label) and the required node affinity terms. */
export const nodeAffinityFilter: FilterPlugin = {
  name: NODE_AFFINITY,
  filter: (pod, node) => requiredAffinity(pod)(node),
  preFilter: requiredAffinity,
};

function preferredWeights(pod: PodInfo): NodeScorer {
  const terms = (pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
    .filter((term) => term.weight !== 0)
    .map((term) => ({ weight: term.weight, matches: termMatcher(term.preference) }));
  return (node) => {
    let total = 0;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as (typeof terms)[number];
      if (term.matches(node.labels, node.name)) total += term.weight;
    }
    return total;
  };
}

/** NodeAffinity score: the summed weights of the preferred terms the node matches, scaled to 0..100. */
export function nodeAffinityScore(weight = 2): ScorePlugin {
  return {
    name: NODE_AFFINITY,
    weight,
    score: (pod, node) => preferredWeights(pod)(node),
    preScore: preferredWeights,
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
