import { describe, expect, it } from 'vitest';
import { ApiError } from '../status.ts';
import {
  decodeContinue,
  encodeContinue,
  paginate as paginateKeys,
  parsePageRequest,
  prefixRange,
  type KeyRange,
  type PageRequest,
} from './pagination.ts';

const names = ['b/x', 'a/z', 'a/y', 'c/k', 'b/a', 'a/a', 'ab/q', 'c/z', 'b/m'];
const index = { keys: [...names].sort() };
const fullRange = (keys: readonly string[]): KeyRange => ({ from: 0, to: keys.length });
const paginate = (
  idx: typeof index,
  range: KeyRange,
  request: PageRequest,
  rv: number,
  matches: ((n: string) => boolean) | undefined,
) => paginateKeys(idx.keys, range, request, rv, (key) => key, matches);

function allPages(limit: number, range = fullRange(index.keys), matches?: (n: string) => boolean) {
  const seen: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = paginate(index, range, { limit, continueToken: token }, 7, matches);
    seen.push(...page.items);
    token = page.continueToken;
    pages++;
    expect(page.resourceVersion).toBe(7);
    expect(page.items.length).toBeLessThanOrEqual(limit);
  } while (token !== undefined && pages < 100);
  return { seen, pages };
}

describe('key ranges', () => {
  it('orders by code unit and finds namespace ranges', () => {
    expect(index.keys).toEqual(['a/a', 'a/y', 'a/z', 'ab/q', 'b/a', 'b/m', 'b/x', 'c/k', 'c/z']);
    const a = prefixRange(index.keys, 'a/');
    expect(index.keys.slice(a.from, a.to)).toEqual(['a/a', 'a/y', 'a/z']);
    const none = prefixRange(index.keys, 'zz/');
    expect(none.to - none.from).toBe(0);
  });
});

describe('paginate', () => {
  it.each([1, 2, 4, 8, 9, 50])('returns every item exactly once with limit %i', (limit) => {
    const { seen, pages } = allPages(limit);
    expect(seen).toEqual(index.keys);
    expect(pages).toBe(Math.max(1, Math.ceil(names.length / limit)));
  });

  it('reports the remaining count on unfiltered pages', () => {
    const page = paginate(index, fullRange(index.keys), { limit: 4, continueToken: undefined }, 1, undefined);
    expect(page.remainingItemCount).toBe(5);
    expect(page.continueToken).toBeDefined();
  });

  it('pages through a filter without empty pages or a dangling token', () => {
    const matches = (n: string) => n.endsWith('z') || n.endsWith('a');
    const { seen, pages } = allPages(2, fullRange(index.keys), matches);
    expect(seen).toEqual(['a/a', 'a/z', 'b/a', 'c/z']);
    expect(pages).toBe(2);
  });

  it('stays within a namespace range', () => {
    const { seen } = allPages(2, prefixRange(index.keys, 'b/'));
    expect(seen).toEqual(['b/a', 'b/m', 'b/x']);
  });

  it('keeps the first page resourceVersion for the whole list', () => {
    const first = paginate(
      index,
      fullRange(index.keys),
      { limit: 3, continueToken: undefined },
      41,
      undefined,
    );
    const second = paginate(
      index,
      fullRange(index.keys),
      { limit: 3, continueToken: first.continueToken },
      99,
      undefined,
    );
    expect(second.resourceVersion).toBe(41);
  });

  it('returns everything when no limit is given', () => {
    const page = paginate(index, fullRange(index.keys), { limit: 0, continueToken: undefined }, 1, undefined);
    expect(page.items).toEqual(index.keys);
    expect(page.continueToken).toBeUndefined();
  });
});

describe('continue tokens and limits', () => {
  it('round-trips a token', () => {
    expect(decodeContinue(encodeContinue({ rv: 12, start: 'shop/cart-1' }))).toEqual({
      v: 'meta.k8s.io/v1',
      rv: 12,
      start: 'shop/cart-1',
    });
  });

  it.each([
    'garbage',
    Buffer.from('{"v":"x","rv":1,"start":"a"}').toString('base64url'),
    Buffer.from('[]').toString('base64url'),
  ])('rejects token %j with a 400', (token) => {
    expect(() => decodeContinue(token)).toThrow(ApiError);
    expect(() => decodeContinue(token)).toThrow(/invalid continue token/);
  });

  it.each([
    ['', { limit: 0, continueToken: undefined }],
    ['limit=500', { limit: 500, continueToken: undefined }],
    ['limit=0&continue=', { limit: 0, continueToken: undefined }],
    ['limit=5&continue=abc', { limit: 5, continueToken: 'abc' }],
  ])('parses %j', (query, expected) => {
    expect(parsePageRequest(new URLSearchParams(query))).toEqual(expected);
  });

  it.each(['limit=-1', 'limit=ten', 'limit=1.5'])('rejects %j', (query) => {
    expect(() => parsePageRequest(new URLSearchParams(query))).toThrow(/limit must be/);
  });
});

describe('paginate over a changing key set', () => {
  it('skips keys whose object is gone by the time the page is read', () => {
    const page = paginateKeys(
      ['a', 'b', 'c'],
      { from: 0, to: 3 },
      { limit: 0, continueToken: undefined },
      1,
      (key) => (key === 'b' ? undefined : key),
      undefined,
    );
    expect(page.items).toEqual(['a', 'c']);
  });
});
