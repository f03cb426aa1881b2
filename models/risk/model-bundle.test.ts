import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../core/risk/features.ts';
import { FEATURE_SETS } from '../../core/risk/network-inputs.ts';
import { parseModelBundle, serializeModelBundle } from './model-bundle.ts';

const shipped = JSON.parse(
  readFileSync(new URL('./default/risk-model.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('risk model files', () => {
  it('loads the shipped default model, and writes it back unchanged', () => {
    const bundle = parseModelBundle(shipped, FEATURE_NAMES);
    expect(bundle.classifier.featureNames).toEqual(FEATURE_SETS.today);
    expect(bundle.trainedAt).toBeNull();
    expect(JSON.parse(serializeModelBundle(bundle))).toEqual(shipped);
  });

  it('loads a model that reads some of the features this version computes (one trained before a feature was added)', () => {
    const names = (shipped['classifier'] as { featureNames: string[] }).featureNames;
    expect(parseModelBundle(shipped, ['newerFeature', ...names]).classifier.featureNames).toEqual(names);
    expect(() => parseModelBundle(shipped, names.slice(1))).toThrow(/does not compute \(memoryLevel\)/);
  });

  it.each([
    ['not an object', 'hello', /not a Foresight risk model/],
    [
      'another format',
      { ...shipped, classifier: { format: 'other' } },
      /not a Foresight risk model: classifier.format/,
    ],
    [
      'features this version does not compute',
      shipped,
      /does not compute \(memoryLevel, memorySlope5m, memoryVolatility5m, …\); retrain it/,
      ['a', 'b'],
    ],
    [
      'a damaged layer',
      {
        ...shipped,
        classifier: {
          ...(shipped['classifier'] as object),
          layers: [{ inputs: 2, units: 1, kernel: [1, 2], bias: [0] }],
        },
      },
      /layer 1 does not fit/,
    ],
  ])('refuses %s with a reason', (_, json, message, features: readonly string[] = FEATURE_NAMES) => {
    expect(() => parseModelBundle(json, features)).toThrow(message);
  });
});
