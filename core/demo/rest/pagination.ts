import { lowerBound, type IndexRange, type SortedIndex } from './sorted-index.ts';
import { badRequest } from './status.ts';

/**
 * `limit` and `continue`, as the API server does them: a page holds at most `limit` matching
 * objects, and the continue token names the storage key to resume from, so pages never overlap
 * or skip even when selectors filter out most objects.
 */

export interface PageRequest {
  /** 0 or absent: everything. */
  limit: number;
  continueToken: string | undefined;
}

export interface Page<T> {
  items: T[];
  /** The resourceVersion the whole list is consistent with (the first page's). */
  resourceVersion: number;
  continueToken?: string;
  /** Objects left after this page; reported only for unfiltered lists, like the API server. */
  remainingItemCount?: number;
}

/** The token's content. Opaque to clients; shaped like the API server's (meta.k8s.io/v1 in base64). */
interface ContinueState {
  v: 'meta.k8s.io/v1';
  rv: number;
  start: string;
}

export function parsePageRequest(query: URLSearchParams): PageRequest {
  const rawLimit = query.get('limit');
  let limit = 0;
  if (rawLimit !== null && rawLimit !== '') {
    if (!/^\d+$/.test(rawLimit)) throw badRequest(`limit must be a non-negative integer, got "${rawLimit}"`);
    limit = Number(rawLimit);
  }
  const token = query.get('continue');
  return { limit, continueToken: token === null || token === '' ? undefined : token };
}

export function encodeContinue(state: Omit<ContinueState, 'v'>): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', ...state })).toString('base64url');
}

export function decodeContinue(token: string): ContinueState {
  const invalid = () => badRequest(`invalid continue token: "${token}"`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid();
  const { v, rv, start } = parsed as Record<string, unknown>;
  if (
    v !== 'meta.k8s.io/v1' ||
    typeof rv !== 'number' ||
    !Number.isInteger(rv) ||
    typeof start !== 'string'
  ) {
    throw invalid();
  }
  return { v, rv, start };
}

export function paginate<T>(
  index: SortedIndex<T>,
  range: IndexRange,
  request: PageRequest,
  currentResourceVersion: number,
  matches: ((item: T) => boolean) | undefined,
): Page<T> {
  let position = range.from;
  let resourceVersion = currentResourceVersion;
  if (request.continueToken !== undefined) {
    const state = decodeContinue(request.continueToken);
    position = Math.max(range.from, lowerBound(index.keys, state.start));
    resourceVersion = state.rv;
  }

  const limit = request.limit > 0 ? request.limit : Infinity;
  const items: T[] = [];
  while (position < range.to && items.length < limit) {
    const item = index.items[position++] as T;
    if (!matches || matches(item)) items.push(item);
  }
  // Look ahead for the next match, so a token is only handed out when there is more to get.
  while (matches && position < range.to && !matches(index.items[position] as T)) position++;

  const page: Page<T> = { items, resourceVersion };
  if (position < range.to) {
    page.continueToken = encodeContinue({ rv: resourceVersion, start: index.keys[position] as string });
    if (!matches) page.remainingItemCount = range.to - position;
  }
  return page;
}
