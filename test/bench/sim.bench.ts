import { benchLargePreset } from '../../core/sim/bench.ts';
import { figure, heading } from './format.ts';

/** The simulator's large preset: the upstream scalability limits, built and stepped in process. */
export async function benchSimulator(): Promise<void> {
  heading('Simulator: large preset (5,000 nodes / 150,000 pods)');
  const f = await benchLargePreset();
  figure('build', f.buildMs, 'ms', `${f.nodes} nodes, ${f.pods} pods, ${f.objects} objects`);
  figure('heap after build', f.heapMiB, 'MiB');
  figure('first simulated minute', f.firstMinuteMs, 'ms', 'per-pod usage profiles created');
  figure('a later simulated minute', f.stepMinuteMs, 'ms', `${f.realTimeFactor.toFixed(1)}x real time`);
  figure('heap after stepping', f.heapAfterStepsMiB, 'MiB');
  figure('metrics of every node and pod, once', f.metricsMs, 'ms');
}
