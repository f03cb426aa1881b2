import { describe, expect, it } from 'vitest';
import { checkpoints, holtWinters } from './holt-winters.ts';
import { meanAbsoluteError } from './mase.ts';
import { seasonalNaive } from './seasonal-naive.ts';
import { seasonsFor } from './seasons.ts';

const hourly = seasonsFor(3_600_000);

/** A daily wave with quieter weekends and slow growth: what the method is built for. */
function load(days: number): Float64Array {
  return Float64Array.from({ length: days * 24 }, (_, t) => {
    const weekend = Math.floor(t / 24) % 7 >= 5 ? 0.7 : 1;
    return (100 + 0.05 * t) * weekend * (1 + 0.4 * Math.sin((2 * Math.PI * t) / 24));
  });
}

describe('holtWinters', () => {
  it('beats yesterday’s value on a daily and weekly pattern after three weeks', () => {
    const values = load(28);
    const hw = holtWinters.rolling(values, 3, hourly) as Float64Array;
    const naive = seasonalNaive('daily').rolling(values, 3, hourly) as Float64Array;
    const from = 21 * 24;
    const hwError = meanAbsoluteError(values, hw, 3, from, values.length);
    expect(hwError).toBeLessThan(0.7 * meanAbsoluteError(values, naive, 3, from, values.length));
    expect(hwError).toBeLessThan(8); // the wave swings by ±40
  });

  it('is causal: appending data never changes an earlier forecast', () => {
    const values = load(20);
    const short = holtWinters.rolling(values.slice(0, 300), 2, hourly) as Float64Array;
    const long = holtWinters.rolling(values, 2, hourly) as Float64Array;
    expect([...long.slice(0, 300)]).toEqual([...short]);
  });

  it('refits at two days, then at each doubling', () => {
    expect(checkpoints(400, hourly)).toEqual([48, 96, 192, 384]);
  });

  it('extrapolates a path that keeps the daily shape', () => {
    const path = holtWinters.path?.(load(14), 24, hourly) ?? new Float64Array();
    const peak = path.indexOf(Math.max(...path));
    expect(peak).toBeGreaterThanOrEqual(4);
    expect(peak).toBeLessThanOrEqual(8); // sin peaks at hour 6
  });
});
