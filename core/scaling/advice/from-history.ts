import type { WorkloadSample } from '../../history/usage-samples.ts';
import type { WorkloadObservation } from './types.ts';

/**
 * A workload's recorded usage (history's workload_samples, one row per metrics poll) as the
 * advisor's regular series: averaged into `stepMs` buckets (gaps stay NaN), memory as each
 * bucket's largest pod, replicas and per-pod requests from the newest sample.
 */
export interface HistoryWorkload {
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly samples: readonly WorkloadSample[];
  readonly hpa?: WorkloadObservation['hpa'];
  readonly oomKills?: number;
}

export const HISTORY_STEP_MS = 300_000;

export function observationFromHistory(
  w: HistoryWorkload,
  stepMs = HISTORY_STEP_MS,
): WorkloadObservation | undefined {
  const samples = w.samples.filter((s) => Number.isFinite(s.at) && s.pods > 0);
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return undefined;
  const startMs = Math.floor(first.at / stepMs) * stepMs;
  const steps = Math.floor((last.at - startMs) / stepMs) + 1;
  const cpuSum = new Float64Array(steps);
  const count = new Int32Array(steps);
  const memory = new Float64Array(steps).fill(NaN);
  for (const s of samples) {
    const i = Math.floor((s.at - startMs) / stepMs);
    cpuSum[i] = (cpuSum[i] ?? 0) + s.cpuMillis;
    count[i] = (count[i] ?? 0) + 1;
    memory[i] = Math.max(Number.isNaN(memory[i] ?? NaN) ? 0 : (memory[i] ?? 0), s.memoryMaxBytes);
  }
  const cpuMillis = Float64Array.from(cpuSum, (sum, i) =>
    (count[i] ?? 0) > 0 ? sum / (count[i] ?? 1) : NaN,
  );
  return {
    workload: `${w.namespace}/${w.name}`,
    kind: w.kind,
    replicas: last.pods,
    requestCpuMillis: last.cpuRequestMillis / last.pods,
    requestMemoryBytes: last.memoryRequestBytes / last.pods,
    hpa: w.hpa,
    startMs,
    stepMs,
    cpuMillis,
    podMemoryBytes: memory,
    oomKills: w.oomKills ?? 0,
  };
}
