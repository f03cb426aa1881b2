import type { AdvisoryPlugin } from '../evaluate.ts';
import { MAX_NODE_SCORE } from '../framework.ts';
import type { PlacementSignals } from './signals.ts';

export const RISK_AWARE = 'RiskAware';

const UNKNOWN_SCORE = 50;

/**
 * Risk-aware: avoids nodes the risk predictions expect trouble on (score = 100 × (1 − probability)).
 * Scoring by the Risk page's level instead (healthy / caution / at-risk) was tried in the replay
 * benchmark and did worse: the level includes the rules' memory thresholds, which LoadAware
 * already weighs, and it spread pods over more nodes. The level is shown in the explanation.
 */
export function riskAware(signals: PlacementSignals, weight = 3): AdvisoryPlugin {
  const risks = signals.risks;
  return {
    name: RISK_AWARE,
    weight,
    missingData: () => (risks && risks.size > 0 ? undefined : 'no node risk predictions yet'),
    score(_pod, node) {
      const r = risks?.get(node.name);
      return r ? Math.round(MAX_NODE_SCORE * (1 - Math.min(1, Math.max(0, r.probability)))) : UNKNOWN_SCORE;
    },
    explain(_pod, node) {
      const r = risks?.get(node.name);
      if (!r) return 'no risk prediction for this node';
      const level = r.level ? ` (${r.level})` : '';
      const kind = r.kind ? `, ${r.kind.replace(/-/g, ' ')}` : '';
      const lead = r.leadTimeMinutes !== undefined ? ` in ~${Math.round(r.leadTimeMinutes)} min` : '';
      const why = r.reasons[0] ? `: ${r.reasons[0]}` : '';
      return `risk ${r.probability.toFixed(2)}${level}${kind}${lead}${why}`;
    },
  };
}
