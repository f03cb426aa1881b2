import { describe, expect, it } from 'vitest';
import { axisFor, linePoints, xOf } from './timeChart.ts';

describe('time chart geometry', () => {
  const axis = { from: 0, to: 100, width: 200 };
  it.each([
    [0, 0],
    [50, 100],
    [100, 200],
  ])('maps time %d to x %d', (at, x) => {
    expect(xOf(axis, at)).toBe(x);
  });

  it('skips unknown values and clamps to the range', () => {
    expect(
      linePoints(
        [
          { at: 0, value: 0 },
          { at: 50, value: null },
          { at: 100, value: 2 },
        ],
        axis,
        10,
        0,
        1,
      ),
    ).toBe('0.0,10.0 200.0,0.0');
  });

  it('spans the times given, or the last hour when there are none', () => {
    expect(axisFor([5, 1, 9], 100)).toEqual({ from: 1, to: 9, width: 100 });
    expect(axisFor([], 100, 3_600_000)).toEqual({ from: 0, to: 3_600_000, width: 100 });
  });
});
