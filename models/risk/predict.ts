import { classifierMembers, type ClassifierData, type ClassifierWeights } from './classifier.ts';

/**
 * The risk classifier's inference in plain JavaScript (float64) from the saved weights: what the
 * worker runs every collection. Training, the weights' shape and the tfjs path are in classifier.ts.
 */

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
