import { describe, expect, it } from 'vitest';
import { visibleRange } from './virtualRange.ts';

describe('visibleRange', () => {
  it.each([
    // [label, scrollTop, viewportHeight, rowHeight, count, overscan, start, end]
    ['top of a long list', 0, 300, 30, 5000, 0, 0, 10],
    ['top with overscan', 0, 300, 30, 5000, 5, 0, 15],
    ['scrolled by whole rows', 300, 300, 30, 5000, 0, 10, 20],
    ['scrolled mid-row shows the partial rows at both edges', 315, 300, 30, 5000, 0, 10, 21],
    ['middle with overscan', 30_000, 600, 30, 5000, 8, 992, 1028],
    ['bottom clamps to count', 149_700, 300, 30, 5000, 8, 4982, 5000],
    ['overscrolled past the end (elastic scroll)', 200_000, 300, 30, 5000, 2, 4997, 5000],
    ['negative scroll (elastic scroll)', -50, 300, 30, 5000, 0, 0, 10],
    ['list shorter than the viewport', 0, 900, 30, 12, 8, 0, 12],
    ['empty list', 0, 300, 30, 0, 8, 0, 0],
    ['viewport not measured yet still renders one row', 0, 0, 30, 100, 0, 0, 1],
    ['fractional overscan rounds down', 0, 60, 30, 100, 1.9, 0, 3],
  ])('%s', (_label, scrollTop, viewport, rowHeight, count, overscan, start, end) => {
    expect(visibleRange(scrollTop, viewport, rowHeight, count, overscan)).toEqual({ start, end });
  });

  it('never renders more than the viewport plus overscan, wherever it is scrolled', () => {
    for (let top = 0; top < 150_000; top += 977) {
      const { start, end } = visibleRange(top, 600, 30, 5000, 8);
      expect(end - start).toBeLessThanOrEqual(600 / 30 + 1 + 16);
      expect(start).toBeLessThanOrEqual(Math.floor(top / 30));
    }
  });
});
