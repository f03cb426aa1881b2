import type { KubeObject } from '../store/kube-object.ts';
import type { NodeSelectorRequirement, NodeSelectorTerm, PodSpec } from './types.ts';

/** Node selector terms as component-helpers/scheduling/corev1/nodeaffinity evaluates them. */
function requirementMatches(
  requirement: NodeSelectorRequirement,
  present: boolean,
  value: string | undefined,
): boolean {
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return present && values.includes(value as string);
    case 'NotIn':
      return !present || !values.includes(value as string);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    case 'Gt':
    case 'Lt': {
      if (!present || values.length !== 1) return false;
      const have = Number.parseInt(value as string, 10);
      const want = Number.parseInt(values[0] as string, 10);
      if (Number.isNaN(have) || Number.isNaN(want)) return false;
      return requirement.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

/** One term: all its expressions and fields match. An empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: KubeObject): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const r of expressions) {
    if (!requirementMatches(r, Object.hasOwn(labels, r.key), labels[r.key])) return false;
  }
  for (const r of fields) {
    // metadata.name is the only field selector nodes support.
    if (r.key !== 'metadata.name') return false;
    if (!requirementMatches(r, true, node.metadata.name)) return false;
  }
  return true;
}

/** nodeSelector and required node affinity (the NodeAffinity filter). */
export function nodeMatchesPod(spec: PodSpec, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) {
    if (labels[key] !== value) return false;
  }
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  // Terms are ORed.
  return required.nodeSelectorTerms.some((term) => termMatches(term, node));
}

/** Sum of weights of the preferred terms the node matches (the NodeAffinity score). */
export function preferredAffinityScore(spec: PodSpec, node: KubeObject): number {
  let score = 0;
  for (const term of spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (term.weight !== 0 && termMatches(term.preference, node)) score += term.weight;
  }
  return score;
}
