import { loadTf } from '../../../models/tf-backend.ts';
import { OUTCOME_FEATURES, type OutcomeRow } from './outcome-dataset.ts';

/** Fewer known outcomes than this and the model would only learn noise: it takes no part. */
export const MIN_OUTCOMES = 30;

/**
 * The learned outcome model: logistic regression on the node's features at placement time, fitted
 * with tfjs on the cluster's own placements, then kept as plain weights so predicting is a dot
 * product (the same on every backend, and cheap for 5,000 nodes).
 */
export interface OutcomeModel {
  readonly rows: number;
  readonly positives: number;
  predict(features: readonly number[]): number;
}

function standardize(rows: readonly OutcomeRow[]): { mean: number[]; scale: number[] } {
  const k = OUTCOME_FEATURES.length;
  const mean = new Array<number>(k).fill(0);
  const scale = new Array<number>(k).fill(0);
  for (const r of rows) for (let j = 0; j < k; j++) mean[j]! += (r.features[j] ?? 0) / rows.length;
  for (const r of rows)
    for (let j = 0; j < k; j++) scale[j]! += ((r.features[j] ?? 0) - mean[j]!) ** 2 / rows.length;
  return { mean, scale: scale.map((v) => Math.sqrt(v) || 1) };
}

/** Trains on the rows, or says why it cannot (too few outcomes, or only one kind). */
export async function trainOutcomeModel(
  rows: readonly OutcomeRow[],
  epochs = 300,
): Promise<OutcomeModel | string> {
  const positives = rows.filter((r) => r.disrupted).length;
  if (rows.length < MIN_OUTCOMES)
    return `only ${rows.length} placements with a known outcome in history (it learns from ${MIN_OUTCOMES})`;
  if (positives === 0)
    return `none of the ${rows.length} placements in history was disrupted: nothing to learn yet`;
  if (positives === rows.length)
    return `all ${rows.length} placements in history were disrupted: nothing to tell apart`;
  const { tf } = await loadTf();
  const { mean, scale } = standardize(rows);
  const k = OUTCOME_FEATURES.length;
  const x = tf.tensor2d(
    rows.map((r) => r.features.map((v, j) => (v - mean[j]!) / scale[j]!)),
    [rows.length, k],
  );
  const y = tf.tensor2d(
    rows.map((r) => [r.disrupted ? 1 : 0]),
    [rows.length, 1],
  );
  // Zeros to start from: the same data always gives the same weights.
  const w = tf.variable(tf.zeros([k, 1]));
  const b = tf.variable(tf.zeros([1]));
  const optimizer = tf.train.adam(0.05);
  for (let i = 0; i < epochs; i++) {
    optimizer.minimize(
      () => tf.losses.sigmoidCrossEntropy(y, tf.add(tf.matMul(x, w), b)) as ReturnType<typeof tf.scalar>,
    );
  }
  const weights = Array.from(await w.data());
  const bias = (await b.data())[0] ?? 0;
  tf.dispose([x, y, w, b]);
  optimizer.dispose();
  return {
    rows: rows.length,
    positives,
    predict(features) {
      let z = bias;
      for (let j = 0; j < k; j++) z += (weights[j] ?? 0) * (((features[j] ?? 0) - mean[j]!) / scale[j]!);
      return 1 / (1 + Math.exp(-z));
    },
  };
}
