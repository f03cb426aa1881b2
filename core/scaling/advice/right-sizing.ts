import type { Confidence, Severity, WorkloadObservation } from './types.ts';
import { confidenceFor, finite, maxOf, percentile } from './stats.ts';

/**
 * Requests and limits from observed usage, the way VPA's recommender thinks about them: CPU at
 * the 95th percentile of a pod's usage plus 15% headroom (CPU is compressible: a busier moment is
 * throttled, not killed), memory at the observed maximum plus 20% (memory is not: running out is
 * an OOMKill), raised by half again after OOMKills, since the maximum seen was cut short.
 */
export interface ResourceChange {
  readonly current: number;
  readonly recommended: number;
  /** Recommended vs current, percent (+ is more). */
  readonly changePercent: number;
}

export interface RightSizing {
  readonly cpuRequestMillis: ResourceChange;
  readonly memoryRequestBytes: ResourceChange;
  readonly memoryLimitBytes: ResourceChange;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly reasoning: string;
}

export const RIGHT_SIZING = {
  cpuPercentile: 0.95,
  cpuHeadroom: 1.15,
  memoryMargin: 1.2,
  oomBump: 1.5,
  minCpuMillis: 10,
  minMemoryBytes: 32 * 1024 ** 2,
} as const;

function change(current: number, recommended: number): ResourceChange {
  return {
    current,
    recommended,
    changePercent: current > 0 ? Math.round((100 * (recommended - current)) / current) : 100,
  };
}

function severityOf(percent: number, oomKills: number): Severity {
  if (oomKills > 0) return 'high';
  const size = Math.abs(percent);
  return size >= 50 ? 'high' : size >= 25 ? 'medium' : size >= 10 ? 'low' : 'none';
}

const MIB = 1024 ** 2;

export function rightSize(w: WorkloadObservation): RightSizing {
  const replicas = Math.max(1, w.replicas);
  const perPodCpu = finite(w.cpuMillis).map((total) => total / replicas);
  const cpuP = percentile(perPodCpu, RIGHT_SIZING.cpuPercentile);
  const cpu = Math.max(RIGHT_SIZING.minCpuMillis, Math.ceil((cpuP * RIGHT_SIZING.cpuHeadroom) / 5) * 5);
  const memoryMax = maxOf(w.podMemoryBytes);
  const bump = w.oomKills > 0 ? RIGHT_SIZING.oomBump : 1;
  const memory = Math.max(
    RIGHT_SIZING.minMemoryBytes,
    Math.ceil((memoryMax * RIGHT_SIZING.memoryMargin * bump) / MIB) * MIB,
  );
  const cpuChange = change(w.requestCpuMillis, cpu);
  const memoryChange = change(w.requestMemoryBytes, memory);
  const limitChange = change(w.limitMemoryBytes ?? 0, memory);
  const worst = [cpuChange.changePercent, memoryChange.changePercent].reduce((a, b) =>
    Math.abs(a) >= Math.abs(b) ? a : b,
  );
  const reasons = [
    `95% of the time a pod used at most ${Math.round(cpuP)}m CPU; with 15% headroom that is ${cpu}m (requested ${w.requestCpuMillis}m).`,
    `The largest pod peaked at ${Math.round(memoryMax / MIB)} MiB memory; with a 20% margin that is ${Math.round(memory / MIB)} MiB (requested ${Math.round(w.requestMemoryBytes / MIB)} MiB).`,
  ];
  if (w.oomKills > 0)
    reasons.push(
      `${w.oomKills} OOMKill${w.oomKills === 1 ? '' : 's'} cut pods short before their real peak, so memory is raised by half again and the limit set to match.`,
    );
  const observedMs = finite(w.cpuMillis).length * w.stepMs;
  return {
    cpuRequestMillis: cpuChange,
    memoryRequestBytes: memoryChange,
    memoryLimitBytes: limitChange,
    severity: severityOf(worst, w.oomKills),
    confidence: confidenceFor(observedMs),
    reasoning: reasons.join(' '),
  };
}
