import type { ModelEvaluation, ScorerEvaluationData } from '../contract/risk.ts';
import type { ScorerEvaluation } from './evaluation.ts';
import type { SideBySide } from './experiment.ts';

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** An evaluation as the contract carries it: undefined areas and medians become null. */
export function scorerData(e: ScorerEvaluation): ScorerEvaluationData {
  return {
    ...e,
    roc: { points: e.roc.points, auc: orNull(e.roc.auc) },
    pr: { points: e.pr.points, auc: orNull(e.pr.auc) },
    alarms: { ...e.alarms, medianLeadMinutes: orNull(e.alarms.medianLeadMinutes) },
  };
}

export function evaluationData(dataset: string, side: SideBySide): ModelEvaluation {
  return { dataset, model: scorerData(side.model), baseline: scorerData(side.baseline) };
}
