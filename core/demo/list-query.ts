import type { Labels } from './selectors.ts';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors.ts';
import { parsePageRequest, type PageRequest } from './pagination.ts';
import { ApiError } from './status.ts';

/** How to read each selectable field of T, keyed by field path (`spec.nodeName`). */
export type FieldTable<T> = Readonly<Record<string, (item: T) => string>>;

export interface ListQuery<T> {
  page: PageRequest;
  /** Undefined when no selector was given, so pagination can report remaining counts. */
  matches: ((item: T) => boolean) | undefined;
}

/** limit, continue, labelSelector and fieldSelector from a list request. */
export function parseListQuery<T>(
  query: URLSearchParams,
  fields: FieldTable<T>,
  labelsOf: (item: T) => Labels,
): ListQuery<T> {
  const watch = query.get('watch');
  if (watch === 'true' || watch === '1') {
    throw new ApiError(405, 'MethodNotAllowed', 'watch is not supported by the Foresight demo server yet');
  }
  const labelSelector = parseLabelSelector(query.get('labelSelector') ?? '');
  const fieldSelector = parseFieldSelector(query.get('fieldSelector') ?? '', Object.keys(fields));
  const matches =
    labelSelector.length === 0 && fieldSelector.length === 0
      ? undefined
      : (item: T) =>
          matchesLabels(labelSelector, labelsOf(item)) &&
          matchesFields(fieldSelector, (field) => (fields[field] as (item: T) => string)(item));
  return { page: parsePageRequest(query), matches };
}
