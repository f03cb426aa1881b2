import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScalingAdviceInfo, ScalingWorkloadRef } from '../../../core/contract/index.ts';
import { describeFailure } from '../api/apiError.ts';
import type { ApiClient } from '../api/client.ts';

export interface ScalingState {
  workloads: ScalingWorkloadRef[];
  listError: string | null;
  /** `namespace/kind/name` of the open workload, or '' for none. */
  chosen: string;
  phase: 'idle' | 'loading' | 'done' | 'failed';
  advice: ScalingAdviceInfo | null;
  error: string | null;
  loadWorkloads(): Promise<void>;
  open(key: string): Promise<void>;
}

export const workloadKey = (w: ScalingWorkloadRef) => `${w.namespace}/${w.kind}/${w.name}`;

/** The Scaling page: workloads with recorded usage, and the advice for the open one. */
export function createScalingStore(api: Pick<ApiClient, 'call'>): StoreApi<ScalingState> {
  return createStore<ScalingState>()((set, get) => ({
    workloads: [],
    listError: null,
    chosen: '',
    phase: 'idle',
    advice: null,
    error: null,
    async loadWorkloads() {
      try {
        const { workloads } = await api.call('scaling.workloads', {});
        set({ workloads, listError: null });
      } catch (error) {
        set({ listError: describeFailure(error) });
      }
    },
    async open(key) {
      const workload = get().workloads.find((w) => workloadKey(w) === key);
      if (!workload) {
        set({ chosen: '', phase: 'idle', advice: null, error: null });
        return;
      }
      set({ chosen: key, phase: 'loading', error: null });
      try {
        const advice = await api.call('scaling.advise', { workload });
        if (get().chosen === key) set({ phase: 'done', advice });
      } catch (error) {
        if (get().chosen === key) set({ phase: 'failed', error: describeFailure(error), advice: null });
      }
    },
  }));
}
