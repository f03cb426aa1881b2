import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, noise, noise3, normalizeSeed } from './random.ts';

function draws(seed: number, count: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => rng.next());
}

describe('createRng', () => {
  it('repeats its sequence for the same seed and changes it for another', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
    expect(draws(42, 100)).not.toEqual(draws(43, 100));
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const values = draws(7, 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    const deciles = new Array<number>(10).fill(0);
    for (const v of values) deciles[Math.floor(v * 10)]! += 1;
    for (const count of deciles) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it.each([
    [0, 0],
    [1, 6],
    [-3, 3],
    [100, 101],
  ])('int(%i, %i) hits both ends and nothing outside', (min, max) => {
    const rng = createRng(9);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(min, max));
    expect(Math.min(...seen)).toBe(min);
    expect(Math.max(...seen)).toBe(max);
    expect(seen.size).toBe(max - min + 1);
  });

  it('pickWeighted follows the weights and never picks a zero weight', () => {
    const rng = createRng(3);
    const items = [
      { id: 'a', w: 3 },
      { id: 'b', w: 1 },
      { id: 'never', w: 0 },
    ];
    const counts: Record<string, number> = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 8000; i++) counts[rng.pickWeighted(items, (x) => x.w).id]! += 1;
    expect(counts.never).toBe(0);
    expect(counts.a! / counts.b!).toBeGreaterThan(2.6);
    expect(counts.a! / counts.b!).toBeLessThan(3.4);
  });

  it('refuses to pick from nothing', () => {
    expect(() => createRng(1).pick([])).toThrow(RangeError);
  });
});

describe('noise', () => {
  it('is a pure function of its arguments', () => {
    expect(noise(1, 2, 3)).toBe(noise(1, 2, 3));
    expect(noise3(5, 6, 7, 8)).toBe(noise3(5, 6, 7, 8));
  });

  it('agrees with noise3 for three integers', () => {
    for (const [s, a, b, c] of [
      [1, 2, 3, 4],
      [0, 0, 0, 0],
      [99, 123_456, 7, 113_000_000],
    ] as const) {
      expect(noise3(s, a, b, c)).toBe(noise(s, a, b, c));
    }
  });

  it.each([
    ['seed', [1, 5, 5], [2, 5, 5]],
    ['first int', [1, 5, 5], [1, 6, 5]],
    ['last int', [1, 5, 5], [1, 5, 6]],
    ['argument order', [1, 5, 6], [1, 6, 5]],
    ['argument count', [1, 5], [1, 5, 0]],
    ['high bits of large ints', [1, 2 ** 40], [1, 2 ** 41]],
  ])('changes with the %s', (_what, a, b) => {
    const [seedA, ...restA] = a as number[];
    const [seedB, ...restB] = b as number[];
    expect(noise(seedA!, ...restA)).not.toBe(noise(seedB!, ...restB));
  });

  it('is roughly uniform over consecutive buckets', () => {
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let bucket = 0; bucket < 10_000; bucket++) {
      const v = noise(11, 3, bucket);
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(sum / 10_000).toBeGreaterThan(0.48);
    expect(sum / 10_000).toBeLessThan(0.52);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });
});

describe('seeds', () => {
  it.each([
    [1.9, 1],
    [-1, 4_294_967_295],
    [2 ** 32 + 5, normalizeSeed(2 ** 32 + 5)],
  ])('normalizeSeed(%d) is a uint32', (input, expected) => {
    const seed = normalizeSeed(input);
    expect(seed).toBe(expected);
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
  });

  it('rejects seeds that are not numbers', () => {
    expect(() => normalizeSeed(Number.NaN)).toThrow(RangeError);
    expect(() => normalizeSeed(Infinity)).toThrow(RangeError);
  });

  it('derives distinct streams', () => {
    const streams = new Set([1, 2, 3, 4, 5].map((s) => deriveSeed(1, s)));
    expect(streams.size).toBe(5);
    expect(deriveSeed(1, 1)).toBe(deriveSeed(1, 1));
  });
});
