import type { AdvisoryPlugin } from '../evaluate.ts';
import { perNodeAdvisor, safetyScore } from './per-node.ts';
import type { PlacementSignals } from './signals.ts';

export const RISK_AWARE = 'RiskAware';
/** Its weight at FORESIGHT_WEIGHT_SCALE 1 (advisors/index.ts scales it). */
export const RISK_AWARE_WEIGHT = 3;

/**
 * Risk-aware: avoids nodes the risk predictions expect trouble on (score = 100 × (1 − probability)).
 * Scoring by the Risk page's level instead (healthy / caution / at-risk) was tried in the replay
 * benchmark and did worse: the level includes the rules' memory thresholds, which LoadAware
 * already weighs, and it spread pods over more nodes. The level is shown in the explanation.
 */
export function riskAware(signals: PlacementSignals, weight = RISK_AWARE_WEIGHT): AdvisoryPlugin {
  return perNodeAdvisor({
    name: RISK_AWARE,
    weight,
    values: signals.risks,
    missing: () => 'no node risk predictions yet',
    score: (r) => safetyScore(r.probability),
    explain: (r) => {
      const level = r.level ? ` (${r.level})` : '';
      const kind = r.kind ? `, ${r.kind.replace(/-/g, ' ')}` : '';
      const lead = r.leadTimeMinutes !== undefined ? ` in ~${Math.round(r.leadTimeMinutes)} min` : '';
      const why = r.reasons[0] ? `: ${r.reasons[0]}` : '';
      return `risk ${r.probability.toFixed(2)}${level}${kind}${lead}${why}`;
    },
    unknown: 'no risk prediction for this node',
  });
}
