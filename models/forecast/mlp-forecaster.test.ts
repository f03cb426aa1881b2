import { describe, expect, it } from 'vitest';
import { meanAbsoluteError } from '../../core/scaling/forecast/mase.ts';
import { seasonalNaive } from '../../core/scaling/forecast/seasonal-naive.ts';
import { seasonsFor } from '../../core/scaling/forecast/seasons.ts';
import { firstTraining, mlpForecaster } from './mlp-forecaster.ts';

const hourly = seasonsFor(3_600_000);

/** Weekly pattern plus deterministic noise: last week's value repeats the noise, the MLP averages it. */
function load(days: number): Float64Array {
  return Float64Array.from({ length: days * 24 }, (_, t) => {
    const weekend = Math.floor(t / 24) % 7 >= 5 ? 0.7 : 1;
    const noise = Math.sin(t * 12.9898) * 43758.5453;
    return (
      100 *
      weekend *
      (1 + 0.4 * Math.sin((2 * Math.PI * t) / 24)) *
      (1 + 0.2 * (noise - Math.floor(noise) - 0.5))
    );
  });
}

describe('mlpForecaster', () => {
  it('first trains after two weeks of data', () => {
    expect(firstTraining(hourly)).toBe(336);
    expect(firstTraining(seasonsFor(7_000))).toBe(200);
  });

  it('forecasts nothing before it has trained, then beats last week’s value', async () => {
    const values = load(28);
    const out = await mlpForecaster.rolling(values, 2, hourly);
    expect(Number.isNaN(out[335] ?? 0)).toBe(true);
    const naive = seasonalNaive('weekly').rolling(values, 2, hourly) as Float64Array;
    const from = 21 * 24;
    expect(meanAbsoluteError(values, out, 2, from, values.length)).toBeLessThan(
      meanAbsoluteError(values, naive, 2, from, values.length),
    );
  }, 20_000);

  it('is causal and repeatable: appending data never changes an earlier forecast', async () => {
    const values = load(20);
    const short = await mlpForecaster.rolling(values.slice(0, 400), 1, hourly);
    const long = await mlpForecaster.rolling(values, 1, hourly);
    expect([...long.slice(0, 400)]).toEqual([...short]);
  }, 20_000);
});
