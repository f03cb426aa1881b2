import { describe, expect, it } from 'vitest';
import { mulberry32 } from './classifier.ts';
import { applyPlatt, fitPlatt } from './calibration.ts';

/** Raw scores that crowd near 1 (as a class-weighted classifier's do) for a 5% base rate. */
function overconfident(n: number, seed: number): { raw: Float64Array; labels: Uint8Array } {
  const rng = mulberry32(seed);
  const labels = Uint8Array.from({ length: n }, () => (rng() < 0.05 ? 1 : 0));
  // The true chance is sigmoid(x); the raw score is sigmoid(3x + 4): same order, inflated.
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = (labels[i] ? 1.5 : -1.5) + 1.5 * (rng() - 0.5) * 2;
    raw[i] = 1 / (1 + Math.exp(-(3 * x + 4)));
  }
  return { raw, labels };
}

describe('Platt scaling', () => {
  it('brings inflated scores down to the observed rate, keeping their order', () => {
    const { raw, labels } = overconfident(20_000, 3);
    const scaling = fitPlatt(raw, labels);
    const calibrated = Array.from(raw, (r) => applyPlatt(r, scaling));
    const meanRaw = raw.reduce((s, r) => s + r, 0) / raw.length;
    const meanCalibrated = calibrated.reduce((s, c) => s + c, 0) / calibrated.length;
    const rate = labels.reduce((s, l) => s + l, 0) / labels.length;
    expect(meanRaw).toBeGreaterThan(3 * rate);
    expect(meanCalibrated).toBeCloseTo(rate, 2);
    // Monotone: a higher raw score never gets a lower calibrated one.
    const order = Array.from(raw.keys()).sort((a, b) => (raw[a] ?? 0) - (raw[b] ?? 0));
    for (let k = 1; k < order.length; k++)
      expect(calibrated[order[k] ?? 0]).toBeGreaterThanOrEqual(calibrated[order[k - 1] ?? 0] ?? 0);
  });

  it.each([
    ['no positives', [0.2, 0.9], [0, 0]],
    ['no negatives', [0.2, 0.9], [1, 1]],
    ['no points', [], []],
  ])('is the identity with %s', (_, raw, labels) => {
    const scaling = fitPlatt(raw, labels);
    expect(applyPlatt(0.3, scaling)).toBeCloseTo(0.3, 9);
  });

  it('stays finite on perfectly separated, saturated scores', () => {
    const scaling = fitPlatt([1, 1, 1, 0, 0, 0, 0, 0], [1, 1, 1, 0, 0, 0, 0, 0]);
    expect(Number.isFinite(scaling.slope) && Number.isFinite(scaling.intercept)).toBe(true);
    expect(applyPlatt(1, scaling)).toBeGreaterThan(0.5);
    expect(applyPlatt(0, scaling)).toBeLessThan(0.5);
  });

  it('leaves a score alone without a fit (models trained before calibration)', () => {
    expect(applyPlatt(0.97, undefined)).toBe(0.97);
  });
});
