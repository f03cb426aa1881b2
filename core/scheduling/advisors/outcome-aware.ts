import type { AdvisoryPlugin } from '../evaluate.ts';
import { perNodeAdvisor, safetyScore } from './per-node.ts';
import { percent, type PlacementSignals } from './signals.ts';

export const OUTCOME_AWARE = 'LearnedOutcome';
/** Its weight at FORESIGHT_WEIGHT_SCALE 1 (advisors/index.ts scales it). */
export const OUTCOME_AWARE_WEIGHT = 2;

/**
 * The learned outcome model as a plugin: 100 × (1 − the chance a pod placed on the node now is
 * OOMKilled, evicted or restarted within a day), learned from the cluster's own placements.
 */
export function outcomeAware(signals: PlacementSignals, weight = OUTCOME_AWARE_WEIGHT): AdvisoryPlugin {
  return perNodeAdvisor({
    name: OUTCOME_AWARE,
    weight,
    values: signals.outcome,
    missing: () =>
      signals.outcomeProblem ??
      "no learned outcome model yet (it trains on the cluster's own placements a day after they happen)",
    score: safetyScore,
    explain: (p) => `learned chance of a disruption within a day: ${percent(p)}`,
    unknown: 'no learned estimate for this node',
  });
}
