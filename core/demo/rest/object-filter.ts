import type { ApiResource } from '../../sim/store/api-resources.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import { selectableFields } from './field-selectors.ts';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors.ts';

export type ObjectFilter = (object: KubeObject) => boolean;

/**
 * `labelSelector` and `fieldSelector` of a list or watch as one predicate; undefined when neither
 * is given, so pagination can report remaining counts and watches can skip the work.
 */
export function parseObjectFilter(
  query: URLSearchParams,
  resource: Pick<ApiResource, 'group' | 'plural' | 'namespaced'>,
): ObjectFilter | undefined {
  const fields = selectableFields(resource);
  const labelSelector = parseLabelSelector(query.get('labelSelector') ?? '');
  const fieldSelector = parseFieldSelector(query.get('fieldSelector') ?? '', Object.keys(fields));
  if (labelSelector.length === 0 && fieldSelector.length === 0) return undefined;
  return (object) =>
    matchesLabels(labelSelector, object.metadata.labels ?? {}) &&
    matchesFields(fieldSelector, (field) => (fields[field] as (o: KubeObject) => string)(object));
}
