import { describe, expect, it } from 'vitest';
import { forecastSpan, relativeTime } from './forecastSpan.ts';

const MIN = 60_000;

describe('forecastSpan', () => {
  it('spans history and the forecast where both have values', () => {
    const span = forecastSpan(
      [
        { at: 0, v: 100 },
        { at: 10 * MIN, v: 200 },
      ],
      [{ at: 20 * MIN, v: 150, lo: 120, hi: 300 }],
    );
    expect(span).toEqual({ t0: 0, t1: 20 * MIN, top: 330, hasForecast: true });
  });

  it('leaves out a forecast of nulls, so the history fills the chart', () => {
    const ahead = Array.from({ length: 100 }, (_, i) => ({
      at: (11 + i) * 60 * MIN,
      v: null,
      lo: null,
      hi: null,
    }));
    const span = forecastSpan(
      [
        { at: 0, v: 100 },
        { at: 10 * MIN, v: 200 },
      ],
      ahead,
    );
    expect(span).toMatchObject({ t0: 0, t1: 10 * MIN, hasForecast: false });
  });

  it('has nothing to draw with fewer than two points, and a flat zero line gets a unit axis', () => {
    expect(forecastSpan([{ at: 0, v: 5 }], [])).toBeUndefined();
    expect(
      forecastSpan(
        [
          { at: 0, v: null },
          { at: 1, v: null },
        ],
        [],
      ),
    ).toBeUndefined();
    expect(
      forecastSpan(
        [
          { at: 0, v: 0 },
          { at: 1, v: 0 },
        ],
        [],
      )?.top,
    ).toBe(1);
  });
});

describe('relativeTime', () => {
  it.each([
    [0, 'now'],
    [-30 * MIN, '−30 min'],
    [90 * MIN, '+90 min'],
    [-6 * 60 * MIN, '−6 h'],
    [-3 * 24 * 60 * MIN, '−3 d'],
  ])('%i ms from now reads %s', (offset, text) => {
    expect(relativeTime(1_000_000_000 + offset, 1_000_000_000)).toBe(text);
  });
});
