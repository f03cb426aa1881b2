import { describe, expect, it } from 'vitest';
import type { ForecastCandidate } from './candidate.ts';
import { rollingSelect } from './rolling-selection.ts';
import { seasonsFor } from './seasons.ts';

const none = seasonsFor(7_000);

function constant(name: string, value: number): ForecastCandidate {
  return { name, description: name, rolling: (v) => new Float64Array(v.length).fill(value) };
}

describe('rollingSelect', () => {
  it('picks the method whose recent forecasts came closest, and switches when that changes', async () => {
    const values = [...Array<number>(100).fill(10), ...Array<number>(100).fill(20)];
    const result = await rollingSelect(values, 1, none, [constant('ten', 10), constant('twenty', 20)], {
      window: 20,
    });
    expect(result.chosen[50]).toBe(0);
    expect(result.chosen[199]).toBe(1);
    expect(result.forecast[199]).toBe(20);
  });

  it('gives an interval from the chosen method’s own errors', async () => {
    const values = Array.from({ length: 200 }, (_, t) => 10 + (t % 2 === 0 ? -1 : 1));
    const result = await rollingSelect(values, 1, none, [constant('ten', 10)], { window: 50, coverage: 0.9 });
    expect(result.lower[150]).toBeCloseTo(9, 5);
    expect(result.upper[150]).toBeCloseTo(11, 5);
  });

  it('relative intervals scale with the level: narrow when quiet, wide when busy', async () => {
    // ±10% around a level that is 10 for 100 steps, then 100; a perfect level forecast.
    const values = Array.from({ length: 300 }, (_, t) => (t < 150 ? 10 : 100) * (t % 2 === 0 ? 0.9 : 1.1));
    const level: ForecastCandidate = {
      name: 'level',
      description: 'level',
      rolling: (v) => Float64Array.from(v, (_, t) => (t < 150 ? 10 : 100)),
    };
    const result = await rollingSelect(values, 1, none, [level], { window: 40, relative: true });
    expect(result.lower[120]).toBeCloseTo(9, 5);
    expect(result.upper[120]).toBeCloseTo(11, 5);
    expect(result.lower[290]).toBeCloseTo(90, 5);
    expect(result.upper[290]).toBeCloseTo(110, 5);
  });

  it('skips missing values when scoring and never returns an interval before it has errors', async () => {
    const values = [NaN, NaN, 5, NaN, 5, 5];
    const result = await rollingSelect(values, 1, none, [constant('five', 5)]);
    expect(Number.isNaN(result.lower[0] ?? 0)).toBe(true);
    expect(result.forecast[5]).toBe(5);
  });

  it('from a later step gives exactly what a run from 0 gives there, and nothing before', async () => {
    const values = Array.from({ length: 400 }, (_, t) => 50 + 20 * Math.sin(t / 9) + ((t * 7919) % 13));
    const candidates = [constant('fifty', 50), constant('sixty', 60)];
    // A window of 200 refreshes the bands every 4 steps, so 137 starts between two refreshes.
    const options = { window: 200, coverage: 0.8, relative: true };
    const all = await rollingSelect(values, 2, none, candidates, options);
    for (const from of [0, 137, 240]) {
      const tail = await rollingSelect(values, 2, none, candidates, { ...options, from });
      expect([...tail.upper.slice(from)]).toEqual([...all.upper.slice(from)]);
      expect([...tail.forecast.slice(from)]).toEqual([...all.forecast.slice(from)]);
      expect([...tail.chosen.slice(from)]).toEqual([...all.chosen.slice(from)]);
      expect(tail.forecast.slice(0, from).every(Number.isNaN)).toBe(true);
    }
  });

  it('returns one-sided quantiles from the same errors: the 0.95 quantile is the upper end of a 90% interval', async () => {
    const values = Array.from({ length: 300 }, (_, t) => 100 * (1 + ((t * 37) % 21) / 100));
    const level: ForecastCandidate = {
      name: 'level',
      description: 'level',
      rolling: (v) => new Float64Array(v.length).fill(100),
    };
    const result = await rollingSelect(values, 1, none, [level], {
      window: 100,
      coverage: 0.9,
      relative: true,
      quantiles: [0.95, 0.5],
    });
    expect(result.quantiles).toHaveLength(2);
    for (const t of [150, 299]) {
      expect(result.quantiles[0]?.[t]).toBeCloseTo(result.upper[t] ?? NaN, 9);
      expect(result.quantiles[1]?.[t]).toBeGreaterThan(result.lower[t] ?? NaN);
      expect(result.quantiles[1]?.[t]).toBeLessThan(result.upper[t] ?? NaN);
    }
  });
});
