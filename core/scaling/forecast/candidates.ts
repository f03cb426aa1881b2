import { mlpForecaster } from '../../../models/forecast/mlp-forecaster.ts';
import type { ForecastCandidate } from './candidate.ts';
import { holtWinters } from './holt-winters.ts';
import { seasonalNaive } from './seasonal-naive.ts';

/** The baseline first: it is what selection falls back to while nothing else has a record. */
export const STATISTICAL_CANDIDATES: readonly ForecastCandidate[] = [
  seasonalNaive('daily'),
  seasonalNaive('weekly'),
  holtWinters,
];

export const ALL_CANDIDATES: readonly ForecastCandidate[] = [...STATISTICAL_CANDIDATES, mlpForecaster];
