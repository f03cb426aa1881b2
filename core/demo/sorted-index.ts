/**
 * Objects in the order the API server lists them: by storage key (`name` for cluster-scoped
 * objects, `namespace/name` for namespaced ones), which is what continue tokens resume from.
 */
export interface SortedIndex<T> {
  readonly keys: readonly string[];
  readonly items: readonly T[];
}

/** Half-open range of positions in a SortedIndex. */
export interface IndexRange {
  from: number;
  to: number;
}

export function buildSortedIndex<T>(items: readonly T[], keyOf: (item: T) => string): SortedIndex<T> {
  const keyed = items.map((item) => ({ key: keyOf(item), item }));
  // Code-unit order, like etcd's byte order for ASCII keys (not localeCompare).
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { keys: keyed.map((k) => k.key), items: keyed.map((k) => k.item) };
}

/** First position whose key is >= `key`. */
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

/** The positions whose keys start with `prefix` (contiguous, because the keys are sorted). */
export function prefixRange(keys: readonly string[], prefix: string): IndexRange {
  // U+FFFF sorts after every character a Kubernetes name may contain.
  return { from: lowerBound(keys, prefix), to: lowerBound(keys, `${prefix}\uffff`) };
}

export function fullRange(keys: readonly string[]): IndexRange {
  return { from: 0, to: keys.length };
}
