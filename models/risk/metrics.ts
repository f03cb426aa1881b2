/**
 * Evaluation metrics for a binary risk score: ROC and precision-recall curves with their areas,
 * the confusion matrix at a threshold, calibration and per-class precision/recall/F1. Plain
 * functions over arrays; the same code grades the model and the rules baseline.
 */

export interface CurvePoint {
  x: number;
  y: number;
  threshold: number;
}

export interface Curve {
  points: CurvePoint[];
  auc: number;
}

/** Sorted by score descending, ties grouped: each distinct score is one threshold. */
function thresholdSweep(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): { threshold: number; tp: number; fp: number }[] {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[b] ?? 0) - (scores[a] ?? 0),
  );
  const steps: { threshold: number; tp: number; fp: number }[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    if (labels[i]) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || (scores[next] ?? 0) !== (scores[i] ?? 0))
      steps.push({ threshold: scores[i] ?? 0, tp, fp });
  }
  return steps;
}

function positives(labels: ArrayLike<number>): number {
  let p = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) p++;
  return p;
}

/** ROC: false-positive rate against true-positive rate; AUC by trapezoids. */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): Curve {
  const p = positives(labels);
  const n = labels.length - p;
  // The origin: nothing alarms above the highest possible score (scores are probabilities).
  const points: CurvePoint[] = [{ x: 0, y: 0, threshold: 1 }];
  if (p === 0 || n === 0) return { points, auc: Number.NaN };
  for (const s of thresholdSweep(scores, labels))
    points.push({ x: s.fp / n, y: s.tp / p, threshold: s.threshold });
  let auc = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as CurvePoint;
    const b = points[i] as CurvePoint;
    auc += ((b.x - a.x) * (a.y + b.y)) / 2;
  }
  return { points, auc };
}

/**
 * Precision-recall: recall against precision; the area is average precision (the step-wise sum
 * of precision at each recall gain, as scikit-learn computes it, with no optimistic interpolation).
 */
export function prCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): Curve {
  const p = positives(labels);
  const points: CurvePoint[] = [];
  if (p === 0) return { points, auc: Number.NaN };
  let previousRecall = 0;
  let ap = 0;
  for (const s of thresholdSweep(scores, labels)) {
    const recall = s.tp / p;
    const precision = s.tp / (s.tp + s.fp);
    ap += (recall - previousRecall) * precision;
    previousRecall = recall;
    points.push({ x: recall, y: precision, threshold: s.threshold });
  }
  return { points, auc: ap };
}

export interface Confusion {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export function confusionAt(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): Confusion {
  const c = { threshold, tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < scores.length; i++) {
    const predicted = (scores[i] ?? 0) >= threshold;
    if (labels[i]) {
      if (predicted) c.tp++;
      else c.fn++;
    } else if (predicted) c.fp++;
    else c.tn++;
  }
  return c;
}

export interface ClassScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Per-class precision, recall and F1 of predicted against true class names. */
export function perClassScores(
  predicted: readonly string[],
  actual: readonly string[],
  classes: readonly string[],
): ClassScore[] {
  return classes.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < actual.length; i++) {
      const p = predicted[i] === label;
      const a = actual[i] === label;
      if (p && a) tp++;
      else if (p) fp++;
      else if (a) fn++;
    }
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support: tp + fn };
  });
}

export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** Reliability: in each score bin, the mean score against the share that were positive. */
export function calibration(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  const out = Array.from({ length: bins }, (_, b) => ({
    from: b / bins,
    to: (b + 1) / bins,
    count: 0,
    meanPredicted: 0,
    observedRate: 0,
  }));
  for (let i = 0; i < scores.length; i++) {
    const s = Math.min(1, Math.max(0, scores[i] ?? 0));
    const bin = out[Math.min(bins - 1, Math.floor(s * bins))] as CalibrationBin;
    bin.count++;
    bin.meanPredicted += s;
    bin.observedRate += labels[i] ? 1 : 0;
  }
  for (const bin of out) {
    if (bin.count > 0) {
      bin.meanPredicted /= bin.count;
      bin.observedRate /= bin.count;
    }
  }
  return out;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
