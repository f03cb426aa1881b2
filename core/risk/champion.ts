import { prCurve } from '../../models/risk/metrics.ts';
import type { ClassifierData } from '../../models/risk/classifier.ts';
import { alarmSummary } from './alarm-metrics.ts';
import type { RiskDataset } from './dataset.ts';
import { modelScores } from './evaluation.ts';

/** How much better (PR-AUC) a challenger must be: noise on a small held-out set is not progress. */
export const MIN_IMPROVEMENT = 0.01;

export interface Contender {
  classifier: ClassifierData;
  threshold: number;
}

export interface ChampionDecision {
  replace: boolean;
  championPrAuc: number | null;
  challengerPrAuc: number | null;
  reason: string;
}

function grade(model: Contender, recent: RiskDataset): { prAuc: number; falseAlarms: number } {
  const scores = modelScores(model.classifier, recent).probability;
  return {
    prAuc: prCurve(scores, recent.labels).auc,
    falseAlarms: alarmSummary(recent, scores, model.threshold).falseAlarmsPerNodeDay,
  };
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

/**
 * Champion/challenger on recent held-out history: the challenger replaces the champion only when
 * its PR-AUC is higher by MIN_IMPROVEMENT and it does not raise more false alarms per node-day
 * (beyond the budget of one). Without positives in the recent history nothing can be judged, and
 * the champion stays.
 */
export function decideChampion(
  champion: Contender | undefined,
  challenger: Contender,
  recent: RiskDataset,
): ChampionDecision {
  const c = grade(challenger, recent);
  if (!champion) {
    return {
      replace: true,
      championPrAuc: null,
      challengerPrAuc: Number.isFinite(c.prAuc) ? c.prAuc : null,
      reason: 'Replaced: there was no model yet.',
    };
  }
  const k = grade(champion, recent);
  const result = {
    championPrAuc: Number.isFinite(k.prAuc) ? k.prAuc : null,
    challengerPrAuc: Number.isFinite(c.prAuc) ? c.prAuc : null,
  };
  if (!Number.isFinite(c.prAuc) || !Number.isFinite(k.prAuc)) {
    return {
      replace: false,
      ...result,
      reason: 'Kept the champion: the recent history has no incident to judge by.',
    };
  }
  if (c.prAuc < k.prAuc + MIN_IMPROVEMENT) {
    return {
      replace: false,
      ...result,
      reason: `Kept the champion: the challenger's PR-AUC ${fmt(c.prAuc)} is not better than ${fmt(k.prAuc)} by ${MIN_IMPROVEMENT}.`,
    };
  }
  if (c.falseAlarms > Math.max(1, k.falseAlarms)) {
    return {
      replace: false,
      ...result,
      reason: `Kept the champion: the challenger would raise ${c.falseAlarms.toFixed(2)} false alarms per node-day.`,
    };
  }
  return {
    replace: true,
    ...result,
    reason: `Replaced: PR-AUC ${fmt(c.prAuc)} against the champion's ${fmt(k.prAuc)} on recent held-out history.`,
  };
}
