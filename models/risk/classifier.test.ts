import { describe, expect, it } from 'vitest';
import { mulberry32, predictWithTf, trainClassifier, type ClassifierData } from './classifier.ts';
import { predictClassifier } from './predict.ts';

const FEATURES = ['a', 'b', 'c'];

/** Points where class 1 is "a high and b rising", class 4 is "c high", the rest none. */
function data(n: number, seed: number): { x: Float32Array; y: Uint8Array } {
  const rng = mulberry32(seed);
  const x = new Float32Array(n * 3);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const [a, b, c] = [rng(), rng(), rng()];
    x.set([a, b, c], i * 3);
    y[i] = a > 0.8 && b > 0.5 ? 1 : c > 0.9 ? 4 : 0;
  }
  return { x, y };
}

function accuracy(model: ClassifierData, x: Float32Array, y: Uint8Array): number {
  const p = predictClassifier(model, x);
  let right = 0;
  for (let i = 0; i < y.length; i++) {
    const row = Array.from(p.subarray(i * 5, i * 5 + 5));
    if (row.indexOf(Math.max(...row)) === y[i]) right++;
  }
  return right / y.length;
}

describe('risk classifier', { timeout: 60_000 }, () => {
  it('learns a separable rule and generalizes to new points', async () => {
    const train = data(1500, 1);
    const test = data(1000, 2);
    const model = await trainClassifier(train.x, train.y, FEATURES, {
      epochs: 40,
      backend: 'cpu',
      positiveWeight: 1,
    });
    expect(accuracy(model, test.x, test.y)).toBeGreaterThan(0.9);
  });

  it('trains to the same weights for the same seed, and other weights for another', async () => {
    const { x, y } = data(500, 3);
    const a = await trainClassifier(x, y, FEATURES, { epochs: 3, seed: 7, backend: 'cpu' });
    const b = await trainClassifier(x, y, FEATURES, { epochs: 3, seed: 7, backend: 'cpu' });
    const c = await trainClassifier(x, y, FEATURES, { epochs: 3, seed: 8, backend: 'cpu' });
    expect(b.layers).toEqual(a.layers);
    expect(c.layers).not.toEqual(a.layers);
  });

  it('gives the same answers on the cpu and wasm backends, training and predicting', async () => {
    const { x, y } = data(800, 4);
    const onCpu = await trainClassifier(x, y, FEATURES, { epochs: 5, seed: 3, backend: 'cpu' });
    const onWasm = await trainClassifier(x, y, FEATURES, { epochs: 5, seed: 3, backend: 'wasm' });
    const pc = predictClassifier(onCpu, x);
    const pw = predictClassifier(onWasm, x);
    let worst = 0;
    for (let i = 0; i < pc.length; i++) worst = Math.max(worst, Math.abs((pc[i] ?? 0) - (pw[i] ?? 0)));
    expect(worst).toBeLessThan(1e-3);
    for (const backend of ['cpu', 'wasm'] as const) {
      const viaTf = await predictWithTf(onCpu, x, backend);
      let diff = 0;
      for (let i = 0; i < pc.length; i++) diff = Math.max(diff, Math.abs((pc[i] ?? 0) - (viaTf[i] ?? 0)));
      expect(diff).toBeLessThan(1e-5);
    }
  });

  it('refuses training data whose shape does not match the features', async () => {
    await expect(
      trainClassifier(new Float32Array(5), new Uint8Array(2), FEATURES, { backend: 'cpu' }),
    ).rejects.toThrow(/2 labels and 5 values for 3 features/);
  });
});
