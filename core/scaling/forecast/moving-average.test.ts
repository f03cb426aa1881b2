import { describe, expect, it } from 'vitest';
import { movingAverage } from './moving-average.ts';
import { seasonsFor } from './seasons.ts';

const seasons = seasonsFor(60_000);

describe('movingAverage', () => {
  it('forecasts the mean of the latest values, NaN until there are enough', () => {
    const out = movingAverage(3).rolling(Float64Array.of(3, 6, 9, 0, 3), 1, seasons) as Float64Array;
    expect([...out]).toEqual([NaN, NaN, 6, 5, 4]);
  });

  it('is causal: a later value never changes an earlier forecast', () => {
    const values = Float64Array.of(1, 2, 3, 4, 5, 6);
    const short = movingAverage(2).rolling(values.subarray(0, 4), 2, seasons) as Float64Array;
    const long = movingAverage(2).rolling(values, 2, seasons) as Float64Array;
    expect([...long.subarray(0, 4)]).toEqual([...short]);
  });

  it('extrapolates a flat path at the latest mean', () => {
    expect([...(movingAverage(2).path?.(Float64Array.of(1, 4, 8), 3, seasons) ?? [])]).toEqual([6, 6, 6]);
  });
});
