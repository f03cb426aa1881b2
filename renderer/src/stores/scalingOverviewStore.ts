import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScalingAdviceInfo, ScalingWorkloadRef } from '../../../core/contract/index.ts';
import { describeFailure } from '../api/apiError.ts';
import type { ApiClient } from '../api/client.ts';
import { workloadKey } from './scalingStore.ts';

/** One workload's advice in a line: what the overview table shows, or why there is none. */
export type WorkloadSummary =
  | {
      key: string;
      workload: ScalingWorkloadRef;
      confidence: ScalingAdviceInfo['confidence'];
      replicas: { current: number; advised: number };
      cpuRequestMillis: { current: number; recommended: number };
      memoryRequestBytes: { current: number; recommended: number };
      severity: ScalingAdviceInfo['rightSizing']['severity'];
      currency: string;
      monthlySavings: number;
    }
  | { key: string; workload: ScalingWorkloadRef; problem: string };

export type AdvisedSummary = Extract<WorkloadSummary, { monthlySavings: number }>;

export const isAdvised = (row: WorkloadSummary): row is AdvisedSummary => !('problem' in row);

export function summarize(workload: ScalingWorkloadRef, advice: ScalingAdviceInfo): WorkloadSummary {
  const { rightSizing, cost, replicas } = advice;
  return {
    key: workloadKey(workload),
    workload,
    confidence: advice.confidence,
    replicas: { current: replicas.current, advised: replicas.predictive },
    cpuRequestMillis: {
      current: rightSizing.cpuRequestMillis.current,
      recommended: rightSizing.cpuRequestMillis.recommended,
    },
    memoryRequestBytes: {
      current: rightSizing.memoryRequestBytes.current,
      recommended: rightSizing.memoryRequestBytes.recommended,
    },
    severity: rightSizing.severity,
    currency: cost.currency,
    monthlySavings: cost.monthlySavings,
  };
}

/**
 * A round's key: the cluster (context and server) and its workloads. A new key (another context,
 * a workload added or gone) means the rows no longer answer what the page lists.
 */
export function roundKey(cluster: string, workloads: readonly ScalingWorkloadRef[]): string {
  return `${cluster}|${workloads.map(workloadKey).join(',')}`;
}

/** Largest saving first; workloads without advice last, by name. */
export function bySavings(a: WorkloadSummary, b: WorkloadSummary): number {
  const saving = (s: WorkloadSummary) => (isAdvised(s) ? s.monthlySavings : -Infinity);
  return saving(b) - saving(a) || a.key.localeCompare(b.key);
}

export interface ScalingOverviewState {
  rows: WorkloadSummary[];
  /** How many workloads are being advised in this round, and how many are done. */
  total: number;
  done: number;
  running: boolean;
  /** What the rows answer: the round's key (the cluster and its workloads), null before the first. */
  round: string | null;
  /** Advises every workload, two at a time, filling `rows` as answers arrive; `round` names it. */
  advise(workloads: readonly ScalingWorkloadRef[], round: string): Promise<void>;
}

/** At most this many advice requests at once: the worker also collects while it forecasts. */
const IN_FLIGHT = 2;

/**
 * The Scaling page's table of every workload's advice. Each workload is advised as the page
 * advises one (scaling.advise), so the table and the workload page always agree.
 */
export function createScalingOverviewStore(api: Pick<ApiClient, 'call'>): StoreApi<ScalingOverviewState> {
  return createStore<ScalingOverviewState>()((set, get) => ({
    rows: [],
    total: 0,
    done: 0,
    running: false,
    round: null,
    async advise(workloads, round) {
      if (get().running) return;
      set({ rows: [], total: workloads.length, done: 0, running: true, round });
      const queue = [...workloads];
      const next = async (): Promise<void> => {
        const workload = queue.shift();
        if (!workload) return;
        let row: WorkloadSummary;
        try {
          row = summarize(workload, await api.call('scaling.advise', { workload }));
        } catch (error) {
          row = { key: workloadKey(workload), workload, problem: describeFailure(error) };
        }
        set({ rows: [...get().rows, row].sort(bySavings), done: get().done + 1 });
        return next();
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, next));
      set({ running: false });
    },
  }));
}
