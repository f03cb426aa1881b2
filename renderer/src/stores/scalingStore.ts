import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LlmExplanation, ScalingAdviceInfo, ScalingWorkloadRef } from '../../../core/contract/index.ts';
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
  /** Whether LLM explanations are turned on in Settings (the button shows only then). */
  llmEnabled: boolean;
  /** The LLM's explanation of the open workload's advice, once asked for. */
  explanation: LlmExplanation | null;
  explaining: boolean;
  explainError: string | null;
  loadWorkloads(): Promise<void>;
  open(key: string): Promise<void>;
  loadLlmSetting(): Promise<void>;
  explain(): Promise<void>;
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
    llmEnabled: false,
    explanation: null,
    explaining: false,
    explainError: null,
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
      set({ chosen: key, phase: 'loading', error: null, explanation: null, explainError: null });
      try {
        const advice = await api.call('scaling.advise', { workload });
        if (get().chosen === key) set({ phase: 'done', advice });
      } catch (error) {
        if (get().chosen === key) set({ phase: 'failed', error: describeFailure(error), advice: null });
      }
    },
    async loadLlmSetting() {
      try {
        const settings = await api.call('settings.get', {});
        set({ llmEnabled: settings.llm.enabled });
      } catch {
        // Without settings the button stays hidden; the advice itself does not need them.
        set({ llmEnabled: false });
      }
    },
    async explain() {
      const key = get().chosen;
      const workload = get().workloads.find((w) => workloadKey(w) === key);
      if (!workload || get().explaining) return;
      set({ explaining: true, explainError: null });
      try {
        const explanation = await api.call('scaling.explainWithLlm', { workload });
        set(get().chosen === key ? { explanation, explaining: false } : { explaining: false });
      } catch (error) {
        const explainError = describeFailure(error);
        set(get().chosen === key ? { explaining: false, explainError } : { explaining: false });
      }
    },
  }));
}
