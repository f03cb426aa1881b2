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

/**
 * Rows evaluated together. With two units at a time (below) that is eight accumulators: each
 * activation and weight read serves two sums. ~35% faster than eight rows of one unit, ~2x
 * faster than one row at a time; more accumulators spill registers.
 */
const BLOCK = 4;

/**
 * Class probabilities for row-major features, computed in plain JavaScript (float64) from the
 * saved weights: the same numbers on every tfjs backend and no tensor set-up per call, which
 * keeps inference for thousands of nodes within a few milliseconds.
 */
export function predictClassifier(model: ClassifierData, x: Float32Array): Float32Array {
  const features = model.featureNames.length;
  const classes = model.classes.length;
  const members = classifierMembers(model);
  if (members.length === 1) return predictNetwork(model, features, classes, x);
  // A seed ensemble: the mean of the members' probabilities, summed in member order (float64).
  const sum = new Float64Array(Math.floor(x.length / features) * classes);
  for (const member of members) {
    const p = predictNetwork(member, features, classes, x);
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (p[i] as number);
  }
  return Float32Array.from(sum, (s) => s / members.length);
}

/** One network's class probabilities. */
function predictNetwork(
  network: ClassifierWeights,
  features: number,
  classes: number,
  x: Float32Array,
): Float32Array {
  const n = Math.floor(x.length / features);
  const out = new Float32Array(n * classes);
  const { layers, scale, shift } = compiled(network);
  const width = Math.max(features, ...layers.map((l) => l.units));
  // BLOCK rows side by side in a (width × BLOCK) buffer: each weight is read once per block.
  let a = new Float64Array(width * BLOCK);
  let b = new Float64Array(width * BLOCK);
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const rows = Math.min(BLOCK, n - r0);
    a.fill(0);
    for (let r = 0; r < rows; r++) {
      const row = (r0 + r) * features;
      for (let f = 0; f < features; f++)
        a[f * BLOCK + r] = (x[row + f] as number) * (scale[f] as number) + (shift[f] as number);
    }
    for (let li = 0; li < layers.length; li++) {
      denseBlock(layers[li] as CompiledLayer, a, b, li === layers.length - 1);
      [a, b] = [b, a];
    }
    for (let r = 0; r < rows; r++) softmaxInto(a, r, classes, out, (r0 + r) * classes);
  }
  return out;
}

/**
 * One dense layer for a block of rows, `from` and `to` laid out unit-major (unit × BLOCK), two
 * units at a time. Each row's sum runs in the same order as a row-at-a-time loop (bias, then
 * inputs in order), so the result is the same to the bit.
 */
function denseBlock(layer: CompiledLayer, from: Float64Array, to: Float64Array, linear: boolean): void {
  const { inputs, units, weights, bias } = layer;
  let u = 0;
  for (; u + 1 < units; u += 2) {
    const b = bias[u] as number;
    const c = bias[u + 1] as number;
    let s0 = b;
    let s1 = b;
    let s2 = b;
    let s3 = b;
    let t0 = c;
    let t1 = c;
    let t2 = c;
    let t3 = c;
    const base = u * inputs;
    const next = base + inputs;
    for (let i = 0; i < inputs; i++) {
      const w = weights[base + i] as number;
      const v = weights[next + i] as number;
      const j = i * BLOCK;
      const a0 = from[j] as number;
      const a1 = from[j + 1] as number;
      const a2 = from[j + 2] as number;
      const a3 = from[j + 3] as number;
      s0 += a0 * w;
      s1 += a1 * w;
      s2 += a2 * w;
      s3 += a3 * w;
      t0 += a0 * v;
      t1 += a1 * v;
      t2 += a2 * v;
      t3 += a3 * v;
    }
    activate(to, u, s0, s1, s2, s3, linear);
    activate(to, u + 1, t0, t1, t2, t3, linear);
  }
  if (u < units) {
    const b = bias[u] as number;
    let s0 = b;
    let s1 = b;
    let s2 = b;
    let s3 = b;
    const base = u * inputs;
    for (let i = 0; i < inputs; i++) {
      const w = weights[base + i] as number;
      const j = i * BLOCK;
      s0 += (from[j] as number) * w;
      s1 += (from[j + 1] as number) * w;
      s2 += (from[j + 2] as number) * w;
      s3 += (from[j + 3] as number) * w;
    }
    activate(to, u, s0, s1, s2, s3, linear);
  }
}

/** Unit `u`'s sums for the block's rows, through ReLU unless the layer is the linear last one. */
function activate(
  to: Float64Array,
  u: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  linear: boolean,
): void {
  const o = u * BLOCK;
  to[o] = linear || s0 > 0 ? s0 : 0;
  to[o + 1] = linear || s1 > 0 ? s1 : 0;
  to[o + 2] = linear || s2 > 0 ? s2 : 0;
  to[o + 3] = linear || s3 > 0 ? s3 : 0;
}

/** The softmax of row `r` of a unit-major block, into `out` at `at`. */
function softmaxInto(z: Float64Array, r: number, classes: number, out: Float32Array, at: number): void {
  let max = -Infinity;
  for (let c = 0; c < classes; c++) max = Math.max(max, z[c * BLOCK + r] as number);
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += Math.exp((z[c * BLOCK + r] as number) - max);
  for (let c = 0; c < classes; c++) out[at + c] = Math.exp((z[c * BLOCK + r] as number) - max) / sum;
}

interface CompiledLayer {
  inputs: number;
  units: number;
  /** Transposed (units × inputs) so each unit reads its weights in order. */
  weights: Float64Array;
  bias: Float64Array;
}

const compiledModels = new WeakMap<
  ClassifierWeights,
  { layers: CompiledLayer[]; scale: Float64Array; shift: Float64Array }
>();

/** Typed, transposed weights and a folded standardization, built once per network. */
function compiled(model: ClassifierWeights) {
  let c = compiledModels.get(model);
  if (!c) {
    const scale = Float64Array.from(model.std, (s) => 1 / (s || 1));
    const shift = Float64Array.from(model.mean, (m, f) => -m * (scale[f] as number));
    const layers = model.layers.map((layer) => {
      const weights = new Float64Array(layer.inputs * layer.units);
      for (let i = 0; i < layer.inputs; i++)
        for (let u = 0; u < layer.units; u++)
          weights[u * layer.inputs + i] = layer.kernel[i * layer.units + u] ?? 0;
      return { inputs: layer.inputs, units: layer.units, weights, bias: Float64Array.from(layer.bias) };
    });
    c = { layers, scale, shift };
    compiledModels.set(model, c);
  }
  return c;
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
