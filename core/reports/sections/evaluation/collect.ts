import type { ModelEvaluation, ScorerEvaluationData } from '../../../contract/risk.ts';
import type { ReportSource } from '../../source.ts';
import { answered } from '../availability.ts';
import type { EvaluationSection, ScorerResult } from './model.ts';

/** Points per curve at most: enough to draw it, few enough for the JSON export. */
export const maxCurvePoints = 120;
/** Champion/challenger decisions kept, newest first. */
export const maxDecisions = 20;

/** Every `step`-th point, always keeping the first and the last: the curve's shape survives. */
export function thinCurve(points: ReadonlyArray<{ x: number; y: number }>): Array<{ x: number; y: number }> {
  const all = points.map(({ x, y }) => ({ x, y }));
  if (all.length <= maxCurvePoints) return all;
  const step = (all.length - 1) / (maxCurvePoints - 1);
  return Array.from(
    { length: maxCurvePoints },
    (_, i) => all[Math.round(i * step)] as { x: number; y: number },
  );
}

function scorerOf(scorer: ScorerEvaluationData): ScorerResult {
  const { confusion: c, alarms: a } = scorer;
  return {
    points: scorer.points,
    positives: scorer.positives,
    rocAuc: scorer.roc.auc,
    prAuc: scorer.pr.auc,
    incidentPrAuc: scorer.incidentPr?.auc ?? null,
    roc: thinCurve(scorer.roc.points),
    pr: thinCurve(scorer.pr.points),
    confusion: { threshold: c.threshold, tp: c.tp, fp: c.fp, tn: c.tn, fn: c.fn },
    perKind: scorer.perClass.map((k) => ({
      kind: k.label,
      precision: k.precision,
      recall: k.recall,
      f1: k.f1,
      support: k.support,
    })),
    alarms: {
      threshold: a.threshold,
      incidents: a.incidents,
      warned: a.warned,
      medianLeadMinutes: a.medianLeadMinutes,
      falseAlarms: a.falseAlarms,
      nodeDays: a.nodeDays,
      falseAlarmsPerNodeDay: a.falseAlarmsPerNodeDay,
    },
  };
}

const runOf = (evaluation: ModelEvaluation) => ({
  dataset: evaluation.dataset,
  model: scorerOf(evaluation.model),
  baseline: scorerOf(evaluation.baseline),
});

/** The model in use and its evaluation, as `risk.model` describes it. */
export function collectEvaluation(source: ReportSource): EvaluationSection {
  const info = answered(source.reads?.model, 'The model evaluation');
  if (info.origin === 'none')
    throw new Error('No risk model is in use: check availability before collecting.');
  return {
    origin: info.origin,
    trainedAt: info.trainedAt,
    trainedOn: info.trainedOn,
    threshold: info.threshold,
    featureCount: info.featureNames.length,
    runs: info.evaluations.map(runOf),
    importance: [...info.importance].sort((a, b) => b.prAucDrop - a.prAucDrop),
    feedback: { ...info.feedback },
    decisions: info.decisions
      .slice(0, maxDecisions)
      .map(({ at, replaced, reason }) => ({ at, replaced, reason })),
  };
}
