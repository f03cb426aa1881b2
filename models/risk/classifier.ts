import { loadTf, type Tf, type TfBackendName } from '../tf-backend.ts';
import type { PlattScaling } from './calibration.ts';

/**
 * The supervised node-risk classifier: a small MLP over standardized features with a softmax over
 * "no incident" and each kind of trouble. Deterministic for a seed (seeded initializers, our own
 * shuffling), trained epoch by epoch with a yield between, so a worker can keep collecting.
 */

export const RISK_CLASSES = ['none', 'resource-exhaustion', 'pod-failures', 'network', 'node-down'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

export interface TrainOptions {
  seed?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  hidden?: readonly number[];
  /** How much more a positive point weighs than a negative one (default: balance the classes). */
  positiveWeight?: number;
  /** Per-point weights multiplying the class weight (feedback: a confirmed alarm weighs more). */
  sampleWeights?: Float32Array;
  /** Called after each epoch; return false to stop early. */
  onEpoch?: (epoch: number, loss: number) => boolean | void;
  backend?: TfBackendName;
}

/** One network's weights: its standardization and dense layers. */
export interface ClassifierWeights {
  hidden: number[];
  mean: number[];
  std: number[];
  /** Dense layers in order: kernel (row-major, inputs × units) and bias. */
  layers: { inputs: number; units: number; kernel: number[]; bias: number[] }[];
}

/** A trained model as plain data: what is saved, loaded and shipped. */
export interface ClassifierData extends ClassifierWeights {
  format: 'foresight-risk-mlp';
  version: 1;
  featureNames: string[];
  classes: string[];
  /**
   * The other members of a seed ensemble (models/risk/ensemble.ts): class probabilities are the
   * mean over this network and these. Absent: a single network (every bundle before ensembles).
   */
  ensemble?: ClassifierWeights[];
  /** Maps 1 − P(none) to a calibrated incident probability (absent: used as it is). */
  calibration?: PlattScaling;
}

/** Every network of a model, the top-level one first. */
export function classifierMembers(model: ClassifierData): ClassifierWeights[] {
  return [model, ...(model.ensemble ?? [])];
}

/** A small deterministic PRNG (mulberry32) for shuffling and seeds. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function standardization(x: Float32Array, features: number): { mean: number[]; std: number[] } {
  const n = x.length / features;
  const mean = new Array<number>(features).fill(0);
  const sq = new Array<number>(features).fill(0);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < features; f++) {
      const v = x[i * features + f] ?? 0;
      mean[f] = (mean[f] ?? 0) + v;
      sq[f] = (sq[f] ?? 0) + v * v;
    }
  }
  const std = mean.map((s, f) => {
    const m = s / Math.max(1, n);
    return Math.sqrt(Math.max(0, (sq[f] ?? 0) / Math.max(1, n) - m * m)) || 1;
  });
  return { mean: mean.map((s) => s / Math.max(1, n)), std };
}

function standardize(x: Float32Array, mean: readonly number[], std: readonly number[]): Float32Array {
  const features = mean.length;
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const f = i % features;
    out[i] = ((x[i] ?? 0) - (mean[f] ?? 0)) / (std[f] ?? 1);
  }
  return out;
}

function buildModel(tf: Tf, inputs: number, hidden: readonly number[], classes: number, seed: number) {
  const model = tf.sequential();
  let previous = inputs;
  hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        inputShape: i === 0 ? [previous] : undefined,
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }),
        biasInitializer: 'zeros',
      }),
    );
    previous = units;
  });
  model.add(
    tf.layers.dense({
      units: classes,
      activation: 'softmax',
      ...(hidden.length === 0 ? { inputShape: [inputs] } : {}),
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + hidden.length }),
    }),
  );
  return model;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Trains on row-major features `x` (n × featureNames.length) and class indexes `y` (into
 * RISK_CLASSES). Returns the model as plain data.
 */
export async function trainClassifier(
  x: Float32Array,
  y: Uint8Array,
  featureNames: readonly string[],
  options: TrainOptions = {},
): Promise<ClassifierData> {
  const { tf } = await loadTf(options.backend);
  const features = featureNames.length;
  const n = y.length;
  if (n === 0 || x.length !== n * features)
    throw new Error(`training data has ${n} labels and ${x.length} values for ${features} features`);
  const seed = options.seed ?? 1;
  const hidden = [...(options.hidden ?? [32, 16])];
  const { mean, std } = standardization(x, features);
  const xs = standardize(x, mean, std);
  let positives = 0;
  for (const label of y) if (label > 0) positives++;
  const positiveWeight =
    options.positiveWeight ?? Math.min(20, Math.max(1, (n - positives) / Math.max(1, positives)));
  const model = buildModel(tf, features, hidden, RISK_CLASSES.length, seed);
  model.compile({ optimizer: tf.train.adam(options.learningRate ?? 0.005), loss: 'categoricalCrossentropy' });
  const rng = mulberry32(seed * 7919 + 17);
  const order = Array.from({ length: n }, (_, i) => i);
  const batchSize = options.batchSize ?? 256;
  const epochs = options.epochs ?? 30;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let lossSum = 0;
    let batches = 0;
    for (let start = 0; start < n; start += batchSize) {
      const idx = order.slice(start, start + batchSize);
      const bx = new Float32Array(idx.length * features);
      const by = new Float32Array(idx.length * RISK_CLASSES.length);
      const bw = new Float32Array(idx.length);
      idx.forEach((row, k) => {
        bx.set(xs.subarray(row * features, (row + 1) * features), k * features);
        const label = y[row] ?? 0;
        by[k * RISK_CLASSES.length + label] = 1;
        bw[k] = (label > 0 ? positiveWeight : 1) * (options.sampleWeights?.[row] ?? 1);
      });
      const loss = tf.tidy(() => {
        const tx = tf.tensor2d(bx, [idx.length, features]);
        const ty = tf.tensor2d(by, [idx.length, RISK_CLASSES.length]);
        const tw = tf.tensor1d(bw);
        const optimizer = model.optimizer;
        const cost = optimizer.minimize(() => {
          const p = model.apply(tx, { training: true }) as ReturnType<typeof tf.tensor2d>;
          const perRow = tf.losses.softmaxCrossEntropy(ty, tf.log(tf.clipByValue(p, 1e-7, 1)), tw);
          return perRow as ReturnType<typeof tf.scalar>;
        }, true);
        return cost ? (cost.dataSync()[0] ?? 0) : 0;
      });
      lossSum += loss;
      batches++;
      // A big epoch is seconds of work: let collection run between slices of it.
      if (batches % 20 === 0) await yieldToLoop();
    }
    if (options.onEpoch?.(epoch, lossSum / Math.max(1, batches)) === false) break;
    await yieldToLoop();
  }
  const layers = model.layers.map((layer) => {
    const [kernel, bias] = layer.getWeights();
    const shape = kernel?.shape ?? [0, 0];
    return {
      inputs: shape[0] ?? 0,
      units: shape[1] ?? 0,
      kernel: Array.from(kernel?.dataSync() ?? []),
      bias: Array.from(bias?.dataSync() ?? []),
    };
  });
  model.dispose();
  return {
    format: 'foresight-risk-mlp',
    version: 1,
    featureNames: [...featureNames],
    classes: [...RISK_CLASSES],
    hidden,
    mean,
    std,
    layers,
  };
}

/** Class probabilities through tfjs on the current backend (tests compare it with the above). */
export async function predictWithTf(
  model: ClassifierData,
  x: Float32Array,
  backend?: TfBackendName,
): Promise<Float32Array> {
  const { tf } = await loadTf(backend);
  const features = model.featureNames.length;
  const n = x.length / features;
  const members = classifierMembers(model);
  return tf.tidy(() => {
    const outputs = members.map((member) => {
      let h = tf.tensor2d(standardize(x, member.mean, member.std), [n, features]);
      member.layers.forEach((layer, li) => {
        const k = tf.tensor2d(layer.kernel, [layer.inputs, layer.units]);
        const z = tf.add(tf.matMul(h, k), tf.tensor1d(layer.bias)) as typeof h;
        h = li === member.layers.length - 1 ? tf.softmax(z) : tf.relu(z);
      });
      return h;
    });
    return tf.div(tf.addN(outputs), members.length).dataSync() as Float32Array;
  });
}
