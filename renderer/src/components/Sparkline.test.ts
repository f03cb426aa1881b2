import { describe, expect, it } from 'vitest';
import { sparklineDomain, sparklinePath } from './Sparkline.tsx';

const point = (at: number, cpuMillis: number | null) => ({ at, cpuMillis, memoryBytes: null, pods: 0 });

describe('sparklinePath', () => {
  it.each([
    ['no points', [], ''],
    ['one point is not a line', [point(1, 500)], ''],
    ['idle then full uses the whole height', [point(1, 0), point(2, 1000)], '0.0,9.0 10.0,1.0'],
    ['skips unknown points', [point(1, 0), point(2, null), point(3, 1000)], '0.0,9.0 10.0,1.0'],
    ['a flat line sits mid-height', [point(1, 500), point(2, 500)], '0.0,5.0 10.0,5.0'],
    ['a 2% wobble stays small', [point(1, 490), point(2, 510)], '0.0,5.8 10.0,4.2'],
    ['all unknown', [point(1, null), point(2, null)], ''],
    ['only one known point', [point(1, null), point(2, 300)], ''],
  ])('%s', (_label, points, expected) => {
    expect(sparklinePath(points, 1000, 10, 10)).toBe(expected);
  });
});

describe('sparklineDomain', () => {
  it.each([
    ['fits a wide range exactly', [0.2, 0.8], 0.2, 0.6],
    ['widens a narrow range around its middle', [0.5, 0.52], 0.46, 0.1],
    ['does not go below zero', [0, 0.01], 0, 0.1],
    ['does not go above one', [0.99, 1], 0.9, 0.1],
    ['keeps overcommitted values in view', [1.1, 1.3], 1.1, 0.2],
  ])('%s', (_label, fractions, low, span) => {
    const domain = sparklineDomain(fractions);
    expect(domain.low).toBeCloseTo(low, 6);
    expect(domain.span).toBeCloseTo(span, 6);
  });
});
