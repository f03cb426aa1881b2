import type { AdvisoryPlugin } from '../evaluate.ts';
import { MAX_NODE_SCORE } from '../framework.ts';
import { percent, type PlacementSignals } from './signals.ts';

export const OUTCOME_AWARE = 'LearnedOutcome';
const UNKNOWN_SCORE = 50;

/**
 * The learned outcome model as a plugin: 100 × (1 − the chance a pod placed on the node now is
 * OOMKilled, evicted or restarted within a day), learned from the cluster's own placements.
 */
export function outcomeAware(signals: PlacementSignals, weight = 2): AdvisoryPlugin {
  const outcome = signals.outcome;
  return {
    name: OUTCOME_AWARE,
    weight,
    missingData: () =>
      outcome && outcome.size > 0
        ? undefined
        : (signals.outcomeProblem ??
          "no learned outcome model yet (it trains on the cluster's own placements a day after they happen)"),
    score(_pod, node) {
      const p = outcome?.get(node.name);
      return p === undefined ? UNKNOWN_SCORE : Math.round(MAX_NODE_SCORE * (1 - Math.min(1, Math.max(0, p))));
    },
    explain(_pod, node) {
      const p = outcome?.get(node.name);
      return p === undefined
        ? 'no learned estimate for this node'
        : `learned chance of a disruption within a day: ${percent(p)}`;
    },
  };
}
