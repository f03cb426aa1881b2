import type { AdvisoryPlugin } from '../evaluate.ts';
import { loadAware } from './load-aware.ts';
import { networkHealth } from './network-health.ts';
import { outcomeAware } from './outcome-aware.ts';
import { riskAware } from './risk-aware.ts';
import type { PlacementSignals } from './signals.ts';
import { stability } from './stability.ts';

export type { PlacementSignals } from './signals.ts';

/**
 * How much Foresight's plugins weigh against kube-scheduler's (3+2+1+1): each plugin's own weight
 * (LoadAware, Stability, NetworkHealth, RiskAware ×3, LearnedOutcome ×2: the scale 1) times this.
 * Set by the placement replay with node advice (`npm run bench -- placement-replay`, seeds 1–10,
 * the rule and the candidates 1, 2/3, 1/3, 0 in the README's placement section).
 */
export const FORESIGHT_WEIGHT_SCALE = 1;

/**
 * A plugin's weight at a scale, rounded to a whole number: weights stay integers as
 * kube-scheduler's are, so totals do too (×3 becomes 3, 2, 1, 0 and ×2 becomes 2, 1, 1, 0 at the
 * scales 1, 2/3, 1/3, 0).
 */
export function scaledWeight(weight: number, scale: number): number {
  return Math.round(weight * scale);
}

/** Foresight's own plugins with their weights at the scale, in the order they are shown. */
export function foresightAdvisors(
  signals: PlacementSignals,
  scale = FORESIGHT_WEIGHT_SCALE,
): AdvisoryPlugin[] {
  return [
    loadAware(signals),
    stability(signals),
    networkHealth(signals),
    riskAware(signals),
    outcomeAware(signals),
  ].map((plugin) => ({ ...plugin, weight: scaledWeight(plugin.weight, scale) }));
}
