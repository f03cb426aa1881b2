import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  NodeAdviceInfo,
  PlacementAnswerInfo,
  PlacementCandidates,
  PlacementOutcomes,
  PlacementSource,
} from '../../../core/contract/index.ts';
import { describeFailure } from '../api/apiError.ts';
import type { ApiClient } from '../api/client.ts';

export type PlacementInput = 'spec' | 'pending' | 'workload';

export interface PlacementState {
  input: PlacementInput;
  specText: string;
  /** "namespace/name" of the chosen pending pod, or "Kind/namespace/name" of the workload. */
  chosen: string;
  candidates: PlacementCandidates | null;
  candidatesError: string | null;
  phase: 'idle' | 'ranking' | 'done' | 'failed';
  answer: PlacementAnswerInfo | null;
  error: string | null;
  /** How past advice fared; null until loaded or while history is unavailable. */
  outcomes: PlacementOutcomes | null;
  loadOutcomes(): Promise<void>;
  /** Foresight's node advice (cordon, uncordon) as of the last ranking or load; null until then. */
  nodeAdvice: NodeAdviceInfo[] | null;
  /** Why the node advice could not be read (the backend's words), or null. */
  nodeAdviceError: string | null;
  /** When the node advice was last read (ms, renderer clock); 0 before. */
  nodeAdviceReadAt: number;
  loadNodeAdvice(): Promise<void>;
  /** Reads the node advice again if it is older than `maxAgeMs`: for views that follow snapshots. */
  refreshNodeAdvice(maxAgeMs: number): Promise<void>;
  setInput(input: PlacementInput): void;
  setSpecText(text: string): void;
  choose(key: string): void;
  loadCandidates(): Promise<void>;
  rank(): Promise<void>;
}

/** What the current inputs ask to place, or why they ask nothing yet. */
export function placementSource(
  state: Pick<PlacementState, 'input' | 'specText' | 'chosen'>,
): PlacementSource | string {
  if (state.input === 'spec')
    return state.specText.trim() ? { kind: 'spec', text: state.specText } : 'Paste a pod spec first.';
  const parts = state.chosen.split('/');
  if (state.input === 'pending') {
    const [namespace, name] = parts;
    return namespace && name ? { kind: 'pending', namespace, name } : 'Choose a pending pod first.';
  }
  const [kind, namespace, name] = parts;
  if (!kind || !namespace || !name) return 'Choose a workload first.';
  return { kind: 'workload', workloadKind: kind as 'Deployment', namespace, name };
}

/** The Placement page: what to place (paste, pending pod, workload) and the ranked answer. */
export function createPlacementStore(api: Pick<ApiClient, 'call'>): StoreApi<PlacementState> {
  return createStore<PlacementState>()((set, get) => ({
    input: 'spec',
    specText: '',
    chosen: '',
    candidates: null,
    candidatesError: null,
    phase: 'idle',
    answer: null,
    error: null,
    outcomes: null,
    nodeAdvice: null,
    nodeAdviceError: null,
    nodeAdviceReadAt: 0,
    async loadNodeAdvice() {
      set({ nodeAdviceReadAt: Date.now() });
      try {
        set({ nodeAdvice: await api.call('placement.nodeAdvice', {}), nodeAdviceError: null });
      } catch (error) {
        // A side panel: the page shows no advice, the Overview card says why.
        set({ nodeAdvice: null, nodeAdviceError: describeFailure(error) });
      }
    },
    async refreshNodeAdvice(maxAgeMs) {
      if (Date.now() - get().nodeAdviceReadAt >= maxAgeMs) await get().loadNodeAdvice();
    },
    async loadOutcomes() {
      try {
        set({ outcomes: await api.call('placement.outcomes', {}) });
      } catch {
        set({ outcomes: null });
      }
    },
    setInput: (input) => set({ input, chosen: '' }),
    setSpecText: (specText) => set({ specText }),
    choose: (chosen) => set({ chosen }),
    async loadCandidates() {
      try {
        set({ candidates: await api.call('placement.candidates', {}), candidatesError: null });
      } catch (error) {
        set({ candidatesError: describeFailure(error) });
      }
    },
    async rank() {
      const source = placementSource(get());
      if (typeof source === 'string') {
        set({ phase: 'failed', error: source });
        return;
      }
      set({ phase: 'ranking', error: null });
      try {
        const answer = await api.call('placement.advise', { source });
        set({ phase: 'done', answer, ...(answer.nodeAdvice ? { nodeAdvice: answer.nodeAdvice } : {}) });
        void get().loadOutcomes();
      } catch (error) {
        set({ phase: 'failed', error: describeFailure(error), answer: null });
      }
    },
  }));
}
