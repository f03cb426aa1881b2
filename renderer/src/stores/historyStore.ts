import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HistoryStatus } from '../../../core/contract/index.ts';

export interface HistoryState {
  /** The history database as the backend last reported it; null until the first report. */
  status: HistoryStatus | null;
  applyStatus(status: HistoryStatus): void;
}

export function createHistoryStore(): StoreApi<HistoryState> {
  return createStore<HistoryState>()((set) => ({
    status: null,
    applyStatus: (status) => set({ status }),
  }));
}

export type HistoryStore = StoreApi<HistoryState>;
