import * as tf from '@tensorflow/tfjs';

/** Which tfjs backend runs: native TensorFlow where installable, else WebAssembly, else plain JS. */
export type TfBackendName = 'tensorflow' | 'wasm' | 'cpu';

export type Tf = typeof tf;

let ready: Promise<TfBackendName> | undefined;

async function tryBackend(name: TfBackendName, load: () => Promise<unknown>): Promise<boolean> {
  try {
    await load();
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

async function chooseBackend(preferred?: TfBackendName): Promise<TfBackendName> {
  // tfjs-node is an optional dependency: it cannot install everywhere (it downloads libtensorflow).
  const candidates: Array<[TfBackendName, () => Promise<unknown>]> = [
    ['tensorflow', () => import('@tensorflow/tfjs-node' as string)],
    ['wasm', () => import('@tensorflow/tfjs-backend-wasm')],
    ['cpu', async () => undefined],
  ];
  const ordered = preferred ? candidates.filter(([name]) => name === preferred) : candidates;
  for (const [name, load] of ordered) {
    if (await tryBackend(name, load)) {
      await tf.ready();
      return name;
    }
  }
  throw new Error(`The tfjs backend "${preferred ?? 'any'}" could not be started.`);
}

/**
 * tfjs with the best backend this machine has, started once per thread. Models must give the
 * same answers on every backend (DESIGN.md), so callers never branch on the name; it is
 * reported only so evaluations and benchmarks can say what ran. `preferred` forces one (tests).
 */
export async function loadTf(preferred?: TfBackendName): Promise<{ tf: Tf; backend: TfBackendName }> {
  if (preferred) return { tf, backend: await chooseBackend(preferred) };
  ready ??= chooseBackend();
  return { tf, backend: await ready };
}
