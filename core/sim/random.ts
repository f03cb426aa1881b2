/**
 * Deterministic randomness for the simulation.
 *
 * Two tools with different jobs:
 * - `createRng(seed)` is a sequential PRNG (mulberry32) for building things once, in a fixed order
 *   (the cluster layout). Its output depends on how many numbers were drawn before.
 * - `noise(seed, ...ints)` is a stateless hash: the same arguments always give the same value, no
 *   matter what was computed before. Time series use it so that usage at time t is a pure function
 *   of (seed, entity, time bucket) and can be evaluated at any t, in any order, on any thread.
 */

/** A sequential pseudo-random source. Not cryptographic. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly; throws on an empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element, with probability proportional to `weight(item)`. */
  pickWeighted<T>(items: readonly T[], weight: (item: T) => number): T;
}

const TWO_POW_32 = 4_294_967_296;

/** Any finite number becomes a 32-bit unsigned seed; fractions are dropped. */
export function normalizeSeed(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  return foldToUint32(Math.trunc(seed));
}

export function createRng(seed: number): Rng {
  // mulberry32: tiny state, full 2^32 period, good enough statistics for layout decisions.
  let state = normalizeSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    pickWeighted<T>(items: readonly T[], weight: (item: T) => number): T {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      let total = 0;
      for (const item of items) total += Math.max(0, weight(item));
      let target = next() * total;
      for (const item of items) {
        target -= Math.max(0, weight(item));
        if (target < 0) return item;
      }
      return items[items.length - 1] as T;
    },
  };
}

/** Stateless hash of integers to [0, 1). Same arguments, same value, always. */
export function noise(seed: number, ...ints: number[]): number {
  let h = mixInto(0x9e3779b9, foldToUint32(seed));
  for (const value of ints) h = mixInto(h, foldToUint32(value));
  return finalize(h ^ ints.length) / TWO_POW_32;
}

/**
 * The same hash as `noise` for exactly three integers, without the rest-parameter array: usage is
 * evaluated for every pod on every collection, so this is the hot path.
 */
export function noise3(seed: number, a: number, b: number, c: number): number {
  let h = mixInto(0x9e3779b9, foldToUint32(seed));
  h = mixInto(h, foldToUint32(a));
  h = mixInto(h, foldToUint32(b));
  h = mixInto(h, foldToUint32(c));
  return finalize(h ^ 3) / TWO_POW_32;
}

/** A seed for an independent sub-stream, so adding draws to one part never shifts another. */
export function deriveSeed(seed: number, stream: number): number {
  return finalize(mixInto(foldToUint32(seed), foldToUint32(stream) ^ 0x5bd1e995));
}

/** Integers beyond 32 bits (epoch ms, say) keep their high bits instead of being truncated. */
function foldToUint32(value: number): number {
  // Within 32 bits (signed or unsigned) this is plain two's complement: -1 becomes 0xffffffff.
  if (Number.isInteger(value) && value >= -2_147_483_648 && value < TWO_POW_32) return value >>> 0;
  const int = Math.trunc(value);
  const high = Math.floor(int / TWO_POW_32);
  return (int ^ Math.imul(high | 0, 0x27d4eb2d)) >>> 0;
}

// murmur3's block mix and finalizer: cheap, and every input bit affects every output bit.
function mixInto(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalize(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a, 32 bits: a stable hash of a string (names, keys) for seeding and template hashes. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
