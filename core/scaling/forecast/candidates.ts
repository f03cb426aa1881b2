import { mlpForecaster } from '../../../models/forecast/mlp-forecaster.ts';
import type { ForecastCandidate } from './candidate.ts';
import { holtWinters } from './holt-winters.ts';
import { lastValue, seasonalNaive } from './seasonal-naive.ts';

/**
 * The baseline first: selection falls back to the first method with a forecast while none has a
 * record yet; last-value covers series shorter than a day.
 */
export const STATISTICAL_CANDIDATES: readonly ForecastCandidate[] = [
  seasonalNaive('daily'),
  seasonalNaive('weekly'),
  holtWinters,
  lastValue,
];

export const ALL_CANDIDATES: readonly ForecastCandidate[] = [...STATISTICAL_CANDIDATES, mlpForecaster];
