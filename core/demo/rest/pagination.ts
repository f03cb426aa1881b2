import { badRequest } from '../status.ts';

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

/** First position in sorted `keys` whose key is >= `key`. */
export function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Half-open range of positions in a sorted key list. */
export interface KeyRange {
  from: number;
  to: number;
}

/** The positions whose keys start with `prefix` (contiguous, because the keys are sorted). */
export function prefixRange(keys: readonly string[], prefix: string): KeyRange {
  // U+FFFF sorts after every character a Kubernetes name may contain.
  return { from: lowerBound(keys, prefix), to: lowerBound(keys, `${prefix}\uffff`) };
}

/**
 * One page of the objects under `keys[range]`. Items are collected synchronously, as references:
 * the store never mutates a stored object, so the page stays consistent while it is streamed
 * out even if controllers write in between.
 */
export function paginate<T>(
  keys: readonly string[],
  range: KeyRange,
  request: PageRequest,
  currentResourceVersion: number,
  lookup: (key: string) => T | undefined,
  matches: ((item: T) => boolean) | undefined,
): Page<T> {
  let position = range.from;
  let resourceVersion = currentResourceVersion;
  if (request.continueToken !== undefined) {
    const state = decodeContinue(request.continueToken);
    position = Math.max(range.from, lowerBound(keys, state.start));
    resourceVersion = state.rv;
  }
  const accept = (key: string): T | undefined => {
    const item = lookup(key);
    return item !== undefined && (!matches || matches(item)) ? item : undefined;
  };

  const limit = request.limit > 0 ? request.limit : Infinity;
  const items: T[] = [];
  while (position < range.to && items.length < limit) {
    const item = accept(keys[position++] as string);
    if (item !== undefined) items.push(item);
  }
  // Look ahead for the next match, so a token is only handed out when there is more to get.
  while (matches && position < range.to && accept(keys[position] as string) === undefined) position++;

  const page: Page<T> = { items, resourceVersion };
  if (position < range.to) {
    page.continueToken = encodeContinue({ rv: resourceVersion, start: keys[position] as string });
    if (!matches) page.remainingItemCount = range.to - position;
  }
  return page;
}
