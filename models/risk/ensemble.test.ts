import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../core/risk/features.ts';
import defaultModel from './default/risk-model.json' with { type: 'json' };
import { classifierMembers, mulberry32, type ClassifierData } from './classifier.ts';
import { predictClassifier } from './predict.ts';
import { combineEnsemble } from './ensemble.ts';
import { parseModelBundle, serializeModelBundle } from './model-bundle.ts';

const shipped = parseModelBundle(defaultModel, FEATURE_NAMES).classifier;
const single: ClassifierData = { ...shipped, ensemble: undefined };

/** The same network with its output layer's biases shifted: another member that disagrees. */
function shifted(by: readonly number[]): ClassifierData {
  const layers = single.layers.map((l, i) =>
    i === single.layers.length - 1 ? { ...l, bias: l.bias.map((b, c) => b + (by[c] ?? 0)) } : l,
  );
  return { ...single, layers, calibration: { slope: 2, intercept: -1 } };
}

function rows(n: number): Float32Array {
  const rng = mulberry32(11);
  return Float32Array.from({ length: n * FEATURE_NAMES.length }, (_, i) => {
    const f = i % FEATURE_NAMES.length;
    return (single.mean[f] as number) + (rng() * 6 - 3) * (single.std[f] as number);
  });
}

describe('a seed ensemble', () => {
  const a = shifted([2, 0, 0, 0, 0]);
  const b = shifted([-1, 1, 0, 0, 0]);
  const c = shifted([0, 0, 0, 3, 0]);
  const x = rows(9);

  it('predicts the mean of its members’ class probabilities', () => {
    const ensemble = combineEnsemble([a, b, c]);
    expect(classifierMembers(ensemble)).toHaveLength(3);
    const [pa, pb, pc] = [a, b, c].map((m) => predictClassifier(m, x));
    const p = predictClassifier(ensemble, x);
    p.forEach((v, i) => expect(v).toBeCloseTo(((pa?.[i] ?? 0) + (pb?.[i] ?? 0) + (pc?.[i] ?? 0)) / 3, 6));
    // The members disagree, so the mean is none of them.
    expect(Array.from(p)).not.toEqual(Array.from(pa ?? []));
  });

  it('drops the members’ calibrations (one is fitted on the mean) and keeps one member as it is', () => {
    expect(combineEnsemble([a, b]).calibration).toBeUndefined();
    const one = combineEnsemble([a]);
    expect(one.ensemble).toBeUndefined();
    expect(predictClassifier(one, x)).toEqual(predictClassifier(a, x));
  });

  it('is saved and loaded with every member, and a damaged member is refused', () => {
    const bundle = { ...parseModelBundle(defaultModel, FEATURE_NAMES), classifier: combineEnsemble([a, b]) };
    const loaded = parseModelBundle(JSON.parse(serializeModelBundle(bundle)), FEATURE_NAMES);
    expect(loaded.classifier.ensemble).toHaveLength(1);
    const member = loaded.classifier.ensemble?.[0];
    const damaged = {
      ...bundle,
      classifier: { ...bundle.classifier, ensemble: [{ ...member, mean: [1, 2] }] },
    };
    expect(() => parseModelBundle(damaged, FEATURE_NAMES)).toThrow(
      /ensemble member 2: classes or scaling do not match/,
    );
  });
});
