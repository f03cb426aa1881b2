/**
 * A sorted set of storage keys, in code-unit order like etcd's byte order, so lists come out in
 * the API server's order and continue tokens can resume from a key.
 */
export class SortedKeys {
  private keys: string[] = [];

  get all(): readonly string[] {
    return this.keys;
  }

  get size(): number {
    return this.keys.length;
  }

  /** First position whose key is >= `key`. */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(key: string): void {
    const at = this.lowerBound(key);
    if (this.keys[at] !== key) this.keys.splice(at, 0, key);
  }

  /** Bulk load: one sort instead of n binary inserts (building a 150,000-pod cluster). */
  addMany(keys: Iterable<string>): void {
    const merged = new Set(this.keys);
    for (const key of keys) merged.add(key);
    this.keys = [...merged].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  remove(key: string): void {
    const at = this.lowerBound(key);
    if (this.keys[at] === key) this.keys.splice(at, 1);
  }

  /** Keys in [from, to) positions whose key starts with `prefix`. */
  prefixRange(prefix: string): { from: number; to: number } {
    // U+FFFF sorts after every character a Kubernetes name may contain.
    return { from: this.lowerBound(prefix), to: this.lowerBound(`${prefix}\uffff`) };
  }
}
