import { describe, expect, it } from 'vitest';
import { fillGaps, firstObserved } from './fill-gaps.ts';
import { seasonsFor } from './seasons.ts';

const fourADay = seasonsFor(6 * 3_600_000);

describe('fillGaps', () => {
  it.each([
    { name: 'complete', input: [1, 2, 3], expected: [1, 2, 3] },
    { name: 'carries the last value', input: [1, NaN, 3], expected: [1, 1, 3] },
    { name: 'leading gap is 0', input: [NaN, 2], expected: [0, 2] },
    { name: 'prefers the day before', input: [1, 2, 3, 4, 5, NaN], expected: [1, 2, 3, 4, 5, 2] },
    { name: 'Infinity is a gap', input: [1, Infinity], expected: [1, 1] },
  ])('$name', ({ input, expected }) => {
    expect([...fillGaps(input, fourADay)]).toEqual(expected);
  });

  it('is causal: a later value never changes an earlier fill', () => {
    const a = fillGaps([1, NaN, NaN], fourADay);
    const b = fillGaps([1, NaN, NaN, 9, 9, 9, 9], fourADay);
    expect([...b.slice(0, 3)]).toEqual([...a]);
  });

  it('finds the first observation', () => {
    expect(firstObserved([NaN, NaN, 3])).toBe(2);
    expect(firstObserved([NaN])).toBe(1);
  });
});
