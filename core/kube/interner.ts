/**
 * Shares equal values between objects: the pods of one ReplicaSet have the same labels,
 * containers, tolerations and owner, and kept once they cost a fraction of 150,000 copies.
 * Interned values are frozen, since every holder sees the same one. The table is bounded: when
 * full it starts again (values already shared stay shared; new ones are shared from then on).
 */
export class Interner {
  private readonly table = new Map<string, unknown>();

  constructor(private readonly maxEntries = 50_000) {}

  intern<T>(value: T): T {
    if (value === undefined || value === null || typeof value !== 'object') return value;
    const key = JSON.stringify(value);
    const known = this.table.get(key);
    if (known !== undefined) return known as T;
    if (this.table.size >= this.maxEntries) this.table.clear();
    this.table.set(key, deepFreeze(value));
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
