import {
  calibration,
  confusionAt,
  perClassScores,
  prCurve,
  rocCurve,
  type CalibrationBin,
  type ClassScore,
  type Confusion,
  type Curve,
} from '../../models/risk/metrics.ts';
import { mulberry32, RISK_CLASSES, type ClassifierData } from '../../models/risk/classifier.ts';
import { predictClassifier } from '../../models/risk/predict.ts';
import { applyPlatt } from '../../models/risk/calibration.ts';
import { riskKinds } from '../contract/risk.ts';
import { alarmSummary, incidentPrCurve, type AlarmSummary } from './alarm-metrics.ts';
import type { RiskDataset } from './dataset.ts';
import { FEATURE_COUNT } from './features.ts';
import { networkInputs } from './network-inputs.ts';
import { RULES_ALARM, rulesBaseline } from './rules-baseline.ts';

/** Scores of every point of a dataset: the probability of an incident and the likely kind. */
export interface PointScores {
  probability: Float32Array;
  kind: string[];
}

/** The model's scores, calibrated when the model carries a calibration. */
export function modelScores(model: ClassifierData, dataset: RiskDataset): PointScores {
  const x = networkInputs(model.featureNames, dataset.features);
  const scores = scoresFromProbabilities(predictClassifier(model, x), dataset.length);
  if (model.calibration) {
    const calibration = model.calibration;
    scores.probability = scores.probability.map((p) => applyPlatt(p, calibration));
  }
  return scores;
}

export function scoresFromProbabilities(p: Float32Array, n: number): PointScores {
  const classes = RISK_CLASSES.length;
  const probability = new Float32Array(n);
  const kind: string[] = [];
  for (let i = 0; i < n; i++) {
    probability[i] = 1 - (p[i * classes] ?? 0);
    let best = 1;
    for (let c = 2; c < classes; c++) if ((p[i * classes + c] ?? 0) > (p[i * classes + best] ?? 0)) best = c;
    kind.push(RISK_CLASSES[best] ?? 'none');
  }
  return { probability, kind };
}

export function baselineScores(dataset: RiskDataset): PointScores {
  const probability = new Float32Array(dataset.length);
  const kind: string[] = [];
  for (let i = 0; i < dataset.length; i++) {
    probability[i] = rulesBaseline(
      dataset.features.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT),
    ).score;
    // The rules say "something is wrong", not what: they guess the commonest kind.
    kind.push('resource-exhaustion');
  }
  return { probability, kind };
}

/** Everything the Model page and `foresight evaluate` show about one scorer on one dataset. */
export interface ScorerEvaluation {
  points: number;
  positives: number;
  roc: Curve;
  pr: Curve;
  incidentPr: Curve;
  confusion: Confusion;
  perClass: ClassScore[];
  calibration: CalibrationBin[];
  alarms: AlarmSummary;
}

export function evaluateScores(
  dataset: RiskDataset,
  scores: PointScores,
  threshold: number,
): ScorerEvaluation {
  const positives = dataset.labels.reduce((s, l) => s + l, 0);
  const predicted = scores.kind.map((k, i) => ((scores.probability[i] ?? 0) >= threshold ? k : 'none'));
  return {
    points: dataset.length,
    positives,
    roc: thin(rocCurve(scores.probability, dataset.labels)),
    pr: thin(prCurve(scores.probability, dataset.labels)),
    incidentPr: incidentPrCurve(dataset, scores.probability),
    confusion: confusionAt(scores.probability, dataset.labels, threshold),
    perClass: perClassScores(predicted, dataset.kinds, riskKinds),
    calibration: calibration(scores.probability, dataset.labels),
    alarms: alarmSummary(dataset, scores.probability, threshold),
  };
}

/** At most ~200 points per curve: enough to draw, small enough to store and send. */
function thin(curve: Curve): Curve {
  if (curve.points.length <= 200) return curve;
  const step = curve.points.length / 200;
  const points = Array.from({ length: 200 }, (_, i) => curve.points[Math.floor(i * step)]).filter(
    (p) => p !== undefined,
  );
  const last = curve.points.at(-1);
  if (last) points.push(last);
  return { points, auc: curve.auc };
}

/**
 * The alarm threshold: the lowest that keeps false alarms within `budgetPerNodeDay` on the given
 * (training) data, so the model is judged at an operating point chosen before it sees the test.
 */
export function chooseThreshold(
  dataset: RiskDataset,
  scores: Float32Array,
  budgetPerNodeDay: number,
): number {
  const candidates = [
    0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995,
  ];
  for (const threshold of candidates) {
    if (alarmSummary(dataset, scores, threshold).falseAlarmsPerNodeDay <= budgetPerNodeDay) return threshold;
  }
  return 0.998;
}

export interface FeatureImportance {
  feature: string;
  /** How much PR-AUC drops when this feature is shuffled across points. */
  prAucDrop: number;
}

/** Permutation importance on (at most `maxPoints` of) a dataset, deterministic for the seed. */
export function permutationImportance(
  model: ClassifierData,
  dataset: RiskDataset,
  options: { seed?: number; maxPoints?: number; top?: number } = {},
): FeatureImportance[] {
  const n = Math.min(dataset.length, options.maxPoints ?? 20_000);
  // The network's own inputs are shuffled, so an aggregate is judged as the network reads it.
  const names = model.featureNames;
  const width = names.length;
  const x = networkInputs(names, dataset.features.subarray(0, n * FEATURE_COUNT)).slice(0, n * width);
  const labels = dataset.labels.subarray(0, n);
  const base = prCurve(scoresFromProbabilities(predictClassifier(model, x), n).probability, labels).auc;
  const rng = mulberry32(options.seed ?? 5);
  const out: FeatureImportance[] = [];
  for (let f = 0; f < width; f++) {
    const shuffled = x.slice();
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const a = shuffled[i * width + f] ?? 0;
      shuffled[i * width + f] = shuffled[j * width + f] ?? 0;
      shuffled[j * width + f] = a;
    }
    const auc = prCurve(
      scoresFromProbabilities(predictClassifier(model, shuffled), n).probability,
      labels,
    ).auc;
    out.push({ feature: names[f] ?? String(f), prAucDrop: base - auc });
  }
  return out.sort((a, b) => b.prAucDrop - a.prAucDrop).slice(0, options.top ?? 15);
}

export { RULES_ALARM };
