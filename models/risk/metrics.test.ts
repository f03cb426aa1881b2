import { describe, expect, it } from 'vitest';
import { calibration, confusionAt, median, perClassScores, prCurve, rocCurve } from './metrics.ts';

describe('risk metrics', () => {
  it.each([
    ['a perfect ranking', [0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0], 1, 1],
    ['a reversed ranking', [0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0], 0, 5 / 12],
    ['all tied', [0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0], 0.5, 0.5],
    // scikit-learn: roc_auc_score = 0.75, average_precision_score = 0.8333…
    ['a mixed ranking', [0.9, 0.8, 0.7, 0.1], [1, 0, 1, 0], 0.75, 0.8333333333333333],
  ])('%s: ROC-AUC and PR-AUC (average precision)', (_, scores, labels, roc, pr) => {
    expect(rocCurve(scores, labels).auc).toBeCloseTo(roc, 10);
    expect(prCurve(scores, labels).auc).toBeCloseTo(pr, 10);
  });

  it('gives NaN areas without positives (or, for ROC, negatives) rather than a made-up number', () => {
    expect(rocCurve([0.1, 0.2], [0, 0]).auc).toBeNaN();
    expect(prCurve([0.1, 0.2], [0, 0]).auc).toBeNaN();
    expect(rocCurve([0.1, 0.2], [1, 1]).auc).toBeNaN();
  });

  it('counts the confusion matrix at a threshold (>= is an alarm)', () => {
    expect(confusionAt([0.9, 0.5, 0.4, 0.1], [1, 0, 1, 0], 0.5)).toEqual({
      threshold: 0.5,
      tp: 1,
      fp: 1,
      tn: 1,
      fn: 1,
    });
  });

  it('scores each class with precision, recall, F1 and support', () => {
    const [a, b] = perClassScores(['a', 'a', 'b', 'none'], ['a', 'b', 'b', 'b'], ['a', 'b']);
    expect(a).toEqual({ label: 'a', precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
    expect(b?.precision).toBe(1);
    expect(b?.recall).toBeCloseTo(1 / 3);
  });

  it('bins calibration by score', () => {
    const bins = calibration([0.05, 0.15, 0.95, 0.97, 1], [0, 0, 1, 1, 0], 10);
    expect(bins[0]).toMatchObject({ count: 1, observedRate: 0 });
    expect(bins[9]?.count).toBe(3);
    expect(bins[9]?.observedRate).toBeCloseTo(2 / 3);
  });

  it.each([
    [[], Number.NaN],
    [[3], 3],
    [[4, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('median(%j) = %s', (values, expected) => {
    if (Number.isNaN(expected)) expect(median(values)).toBeNaN();
    else expect(median(values)).toBe(expected);
  });
});
