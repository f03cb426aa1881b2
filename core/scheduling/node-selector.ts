import type { NodeSelectorRequirement, NodeSelectorTerm } from './kube-objects.ts';

/**
 * nodeaffinity's term matching (component-helpers/scheduling/corev1/nodeaffinity): a term's
 * expressions and fields must all match; a term with neither matches nothing; a term with an
 * invalid requirement (In without values, Gt with a non-integer…) matches nothing either.
 */
const INTEGER = /^[+-]?\d+$/;
/** validation.IsValidLabelValue: at most 63 characters, alphanumerics with - _ . inside. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** validation.IsQualifiedName: an optional DNS-subdomain prefix and a name of at most 63. */
const QUALIFIED_NAME =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

function validRequirement(req: NodeSelectorRequirement): boolean {
  if (!QUALIFIED_NAME.test(req.key) || (req.key.split('/').pop() ?? '').length > 63) return false;
  if (req.operator === 'In' || req.operator === 'NotIn')
    return (req.values ?? []).every((v) => v.length <= 63 && LABEL_VALUE.test(v));
  return true;
}

function requirementMatches(req: NodeSelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const values = req.values ?? [];
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
  switch (req.operator) {
    case 'In':
      return values.length > 0 && has && values.includes(value as string);
    case 'NotIn':
      return values.length > 0 && (!has || !values.includes(value as string));
    case 'Exists':
      return values.length === 0 && has;
    case 'DoesNotExist':
      return values.length === 0 && !has;
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1 || !INTEGER.test(values[0] as string)) return false;
      if (!has || !INTEGER.test(value as string)) return false;
      const left = Number(value);
      const right = Number(values[0]);
      return req.operator === 'Gt' ? left > right : left < right;
    }
    default:
      return false;
  }
}

/** matchFields supports only metadata.name with In or NotIn and exactly one value. */
function fieldMatches(req: NodeSelectorRequirement, nodeName: string): boolean {
  const values = req.values ?? [];
  if (req.key !== 'metadata.name' || values.length !== 1) return false;
  if (req.operator === 'In') return values[0] === nodeName;
  if (req.operator === 'NotIn') return values[0] !== nodeName;
  return false;
}

export type NodeMatcher = (labels: Readonly<Record<string, string>>, nodeName: string) => boolean;

const NEVER: NodeMatcher = () => false;

/**
 * A term compiled once per pod (the same pod is matched against thousands of nodes): its
 * requirements are validated here, and a term that can never match is a constant.
 */
export function termMatcher(term: NodeSelectorTerm | undefined): NodeMatcher {
  const expressions = term?.matchExpressions ?? [];
  const fields = term?.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return NEVER;
  if (!expressions.every(validRequirement)) return NEVER;
  return (labels, nodeName) => {
    for (let i = 0; i < expressions.length; i++)
      if (!requirementMatches(expressions[i] as NodeSelectorRequirement, labels)) return false;
    for (let i = 0; i < fields.length; i++)
      if (!fieldMatches(fields[i] as NodeSelectorRequirement, nodeName)) return false;
    return true;
  };
}

/** Required terms are ORed; an empty list matches no node. */
export function anyTermMatcher(terms: readonly NodeSelectorTerm[]): NodeMatcher {
  const matchers = terms.map(termMatcher).filter((m) => m !== NEVER);
  return (labels, nodeName) => {
    for (let i = 0; i < matchers.length; i++) if ((matchers[i] as NodeMatcher)(labels, nodeName)) return true;
    return false;
  };
}
