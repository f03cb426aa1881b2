import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../core/risk/features.ts';
import defaultModel from './default/risk-model.json' with { type: 'json' };
import { mulberry32, predictWithTf, type ClassifierData } from './classifier.ts';
import { predictClassifier } from './predict.ts';
import { parseModelBundle } from './model-bundle.ts';

const shipped = parseModelBundle(defaultModel, FEATURE_NAMES).classifier;

/**
 * The oracle: one row at a time, exactly as the saved model reads (standardize, dense layers
 * with ReLU, softmax), in float64 and in the same order of summation as the fast path.
 */
function rowAtATime(model: ClassifierData, x: Float32Array): Float32Array {
  const features = model.featureNames.length;
  const n = x.length / features;
  const out = new Float32Array(n * model.classes.length);
  for (let r = 0; r < n; r++) {
    let a = Array.from({ length: features }, (_, f) => {
      const scale = 1 / (model.std[f] || 1);
      return (x[r * features + f] as number) * scale + -(model.mean[f] as number) * scale;
    });
    model.layers.forEach((layer, li) => {
      a = Array.from({ length: layer.units }, (_, u) => {
        let s = layer.bias[u] as number;
        for (let i = 0; i < layer.inputs; i++)
          s += (a[i] as number) * (layer.kernel[i * layer.units + u] as number);
        return li === model.layers.length - 1 || s > 0 ? s : 0;
      });
    });
    const max = Math.max(...a);
    const sum = a.reduce((s, v) => s + Math.exp(v - max), 0);
    a.forEach((v, c) => (out[r * a.length + c] = Math.exp(v - max) / sum));
  }
  return out;
}

/** Rows around the training distribution: mean ± 3 std per feature, some exact zeros. */
function rows(n: number, seed: number): Float32Array {
  const rng = mulberry32(seed);
  const features = shipped.featureNames.length;
  const x = new Float32Array(n * features);
  for (let i = 0; i < x.length; i++) {
    const f = i % features;
    x[i] = rng() < 0.2 ? 0 : (shipped.mean[f] ?? 0) + (rng() * 6 - 3) * (shipped.std[f] ?? 1);
  }
  return x;
}

describe('risk classifier inference', { timeout: 60_000 }, () => {
  it.each([1, 7, 8, 9, 1003])('gives the row-at-a-time numbers to the bit for %i rows', (n) => {
    const x = rows(n, n);
    expect(Array.from(predictClassifier(shipped, x))).toEqual(Array.from(rowAtATime(shipped, x)));
  });

  it('agrees with tfjs within 1e-5 on the shipped model', async () => {
    const x = rows(2001, 5);
    const fast = predictClassifier(shipped, x);
    const viaTf = await predictWithTf(shipped, x, 'cpu');
    let worst = 0;
    for (let i = 0; i < fast.length; i++) worst = Math.max(worst, Math.abs((fast[i] ?? 0) - (viaTf[i] ?? 0)));
    expect(worst).toBeLessThan(1e-5);
  });

  it('returns nothing for no rows', () => {
    expect(predictClassifier(shipped, new Float32Array(0))).toHaveLength(0);
  });
});
