import { createSimulation } from './simulation.ts';
import { keys } from './store/api-resources.ts';

export interface LargePresetFigures {
  nodes: number;
  pods: number;
  /** Objects in the store after the build (all resources). */
  objects: number;
  buildMs: number;
  /** Heap used by the built simulation (after a GC when --expose-gc allows one). */
  heapMiB: number;
  /** Real ms to step one simulated minute, the first one (profiles and caches warm up) and a later one. */
  firstMinuteMs: number;
  stepMinuteMs: number;
  heapAfterStepsMiB: number;
  /** Real ms to compute metrics-server's view of every node and pod once. */
  metricsMs: number;
  /** Simulated seconds per real second the large preset sustains: above 1 keeps up at speed 1. */
  realTimeFactor: number;
}

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/**
 * The large preset (5,000 nodes, 150,000 pods) measured: build, memory, stepping. For
 * `npm run bench`; never a timed assertion in tests. Run with --expose-gc for exact heap figures.
 */
export async function benchLargePreset(
  options: { minutes?: number; seed?: number } = {},
): Promise<LargePresetFigures> {
  const before = heapMiB();
  const started = performance.now();
  const sim = createSimulation({
    seed: options.seed ?? 1,
    preset: 'large',
    startMs: Date.UTC(2025, 5, 2, 14, 0, 0),
  });
  const buildMs = performance.now() - started;
  const heap = heapMiB() - before;
  let objects = 0;
  for (const key of Object.values(keys)) objects += sim.store.count(key);

  let t = performance.now();
  sim.advance(60_000);
  const firstMinuteMs = performance.now() - t;
  const minutes = Math.max(1, options.minutes ?? 3);
  t = performance.now();
  for (let m = 0; m < minutes; m++) {
    sim.advance(60_000);
    // Let timers and I/O run between minutes, as the demo server's run loop does.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const stepMinuteMs = (performance.now() - t) / minutes;
  t = performance.now();
  sim.podMetrics();
  const metricsMs = performance.now() - t;
  return {
    nodes: sim.store.count(keys.nodes),
    pods: sim.store.count(keys.pods),
    objects,
    buildMs: Math.round(buildMs),
    heapMiB: Math.round(heap),
    firstMinuteMs: Math.round(firstMinuteMs),
    stepMinuteMs: Math.round(stepMinuteMs),
    heapAfterStepsMiB: Math.round(heapMiB() - before),
    metricsMs: Math.round(metricsMs),
    realTimeFactor: Math.round((60_000 / stepMinuteMs) * 10) / 10,
  };
}
