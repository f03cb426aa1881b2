import { describe, expect, it } from 'vitest';
import { seasonalNaive } from './seasonal-naive.ts';
import { seasonsFor } from './seasons.ts';

// A 6-hour step: 4 steps a day, 28 a week.
const seasons = seasonsFor(6 * 3_600_000);

describe('seasonalNaive', () => {
  it.each([
    { horizon: 1, t: 3, expected: 0 }, // value at 4 comes from 0 (one day earlier)
    { horizon: 2, t: 3, expected: 1 },
    { horizon: 4, t: 3, expected: 3 },
    { horizon: 5, t: 3, expected: 0 }, // two days back when the horizon is over a day
    { horizon: 1, t: 2, expected: NaN }, // not a day of history yet
  ])('daily, horizon $horizon at t=$t → $expected', ({ horizon, t, expected }) => {
    const values = Float64Array.from({ length: 12 }, (_, i) => i);
    const out = seasonalNaive('daily').rolling(values, horizon, seasons) as Float64Array;
    expect(out[t]).toBe(expected);
  });

  it('repeats the last value when the series has no seasons', () => {
    const out = seasonalNaive('daily').rolling(
      Float64Array.of(5, 7, 9),
      1,
      seasonsFor(7_000),
    ) as Float64Array;
    expect([...out]).toEqual([5, 7, 9]);
  });

  it('extrapolates a path one season at a time', () => {
    const values = Float64Array.from({ length: 8 }, (_, i) => i);
    expect([...(seasonalNaive('daily').path?.(values, 5, seasons) ?? [])]).toEqual([4, 5, 6, 7, 4]);
  });
});
