import {
  trainClassifier,
  type ClassifierData,
  type ClassifierWeights,
  type TrainOptions,
} from './classifier.ts';

/**
 * A seed ensemble: K classifiers trained on the same data with seeds seed, seed+1, …, whose class
 * probabilities are averaged (predictClassifier). One network's validation PR-AUC moves by more
 * than 0.1 with its seed; the mean of several moves less and ranks better. The average is taken
 * before calibration: one Platt fit on the averaged score keeps it monotone in that score (the
 * ranking the PR curve judges), where calibrating each member and averaging would be a sum of
 * sigmoids that is itself no longer calibrated.
 */
export function combineEnsemble(members: readonly ClassifierData[]): ClassifierData {
  const [first, ...rest] = members;
  if (!first) throw new Error('an ensemble needs at least one member');
  const weights = (m: ClassifierData): ClassifierWeights => ({
    hidden: m.hidden,
    mean: m.mean,
    std: m.std,
    layers: m.layers,
  });
  const { ensemble: _ignored, calibration: _uncalibrated, ...head } = first;
  return rest.length === 0 ? head : { ...head, ensemble: rest.map(weights) };
}

/** Trains `size` members, seeds options.seed (default 1) upwards, one after another. */
export async function trainEnsemble(
  x: Float32Array,
  y: Uint8Array,
  featureNames: readonly string[],
  size: number,
  options: TrainOptions = {},
): Promise<ClassifierData> {
  const seed = options.seed ?? 1;
  const members: ClassifierData[] = [];
  for (let k = 0; k < size; k++)
    members.push(await trainClassifier(x, y, featureNames, { ...options, seed: seed + k }));
  return combineEnsemble(members);
}
