import type { ForecastCandidate } from '../../core/scaling/forecast/candidate.ts';
import type { Seasons } from '../../core/scaling/forecast/seasons.ts';
import type { Tensor } from '@tensorflow/tfjs';
import { loadTf, type Tf } from '../tf-backend.ts';

/**
 * A small neural forecaster (tfjs): a 16-unit MLP that maps the recent level, last day's and last
 * week's value at the target time, and the target's place in the day and week to the value
 * `horizon` steps ahead. Trained at checkpoints (two weeks of data, or two days without weekly
 * data, then each time the history doubles) on data that had come due by then, so it is causal;
 * seeded weights and unshuffled batches make it repeatable.
 */
const FEATURES = 8;
const MAX_SAMPLES = 4000;
const EPOCHS = 40;

function featureRow(
  values: Float64Array,
  t: number,
  horizon: number,
  seasons: Seasons,
  scale: number,
): number[] {
  const m1 = seasons.daily || 1;
  const m2 = seasons.weekly || m1;
  const at = (i: number) => (i >= 0 ? (values[i] ?? 0) : (values[0] ?? 0)) / scale;
  let recent = 0;
  for (let i = 0; i < 4; i++) recent += at(t - i);
  const target = t + horizon;
  const day = (2 * Math.PI * (target % m1)) / m1;
  const week = (2 * Math.PI * (target % m2)) / m2;
  return [
    at(t),
    recent / 4,
    at(target - m1 * Math.ceil(horizon / m1)),
    at(target - m2 * Math.ceil(horizon / m2)),
    Math.sin(day),
    Math.cos(day),
    Math.sin(week),
    Math.cos(week),
  ];
}

export function firstTraining(seasons: Seasons): number {
  if (seasons.weekly > 0) return 2 * seasons.weekly;
  return Math.max(200, 2 * seasons.daily);
}

async function train(
  tf: Tf,
  values: Float64Array,
  end: number,
  horizon: number,
  seasons: Seasons,
  scale: number,
) {
  // Samples whose target had been observed by `end`, spread evenly, newest always included.
  const last = end - 1 - horizon;
  const first = Math.max(0, seasons.weekly || seasons.daily);
  const span = last - first + 1;
  const stride = Math.max(1, Math.ceil(span / MAX_SAMPLES));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = last; t >= first; t -= stride) {
    xs.push(...featureRow(values, t, horizon, seasons, scale));
    ys.push((values[t + horizon] ?? 0) / scale);
  }
  const model = tf.sequential();
  model.add(
    tf.layers.dense({
      units: 16,
      activation: 'relu',
      inputShape: [FEATURES],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 11 }),
    }),
  );
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 12 }) }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanAbsoluteError' });
  const x = tf.tensor2d(xs, [ys.length, FEATURES]);
  const y = tf.tensor2d(ys, [ys.length, 1]);
  await model.fit(x, y, { epochs: EPOCHS, batchSize: 128, shuffle: false, verbose: 0 });
  x.dispose();
  y.dispose();
  return model;
}

export const mlpForecaster: ForecastCandidate = {
  name: 'tfjs-mlp',
  description: 'a small neural network on recent, daily and weekly values',
  async rolling(values, horizon, seasons) {
    const { tf } = await loadTf();
    const n = values.length;
    const out = new Float64Array(n).fill(NaN);
    const start = firstTraining(seasons);
    const bounds: number[] = [];
    for (let c = start; c < n; c *= 2) bounds.push(c);
    bounds.push(n);
    for (let k = 0; k + 1 < bounds.length; k++) {
      const from = bounds[k] ?? n;
      const to = bounds[k + 1] ?? n;
      let scale = 0;
      for (let i = 0; i < from; i++) scale += Math.abs(values[i] ?? 0);
      scale = scale / from || 1;
      const model = await train(tf, values, from, horizon, seasons, scale);
      const rows: number[] = [];
      for (let t = from; t < to; t++) rows.push(...featureRow(values, t, horizon, seasons, scale));
      const input = tf.tensor2d(rows, [to - from, FEATURES]);
      const prediction = model.predict(input) as Tensor;
      const data = await prediction.data();
      for (let t = from; t < to; t++) out[t] = (data[t - from] ?? NaN) * scale;
      input.dispose();
      prediction.dispose();
      model.dispose();
    }
    return out;
  },
};
