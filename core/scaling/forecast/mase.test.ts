import { describe, expect, it } from 'vitest';
import { meanAbsoluteError, seasonalNaiveScale } from './mase.ts';

describe('MASE parts', () => {
  it.each([
    { values: [1, 2, 3, 4], period: 1, expected: 1 },
    { values: [1, 5, 1, 5], period: 2, expected: 0 },
    { values: [1, NaN, 3, 6], period: 1, expected: 3 },
    { values: [1], period: 1, expected: NaN },
  ])('scale of $values with period $period is $expected', ({ values, period, expected }) => {
    expect(seasonalNaiveScale(values, values.length, period)).toEqual(expected);
  });

  it('compares the forecast made horizon steps earlier', () => {
    const actual = [10, 10, 12, 14];
    const made = [12, 13, 99, 99]; // made[0] forecasts actual[2], made[1] actual[3]
    expect(meanAbsoluteError(actual, made, 2, 0, 4)).toBe(0.5);
  });
});
