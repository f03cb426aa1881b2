import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContextRef, ContextsList } from '../../../core/contract/index.ts';
import { describeFailure } from '../api/apiError.ts';
import type { ApiClient } from '../api/client.ts';

export interface ContextsState {
  list: ContextsList | null;
  /** The context being connected to while a switch is under way. */
  switchingTo: ContextRef | null;
  error: string | null;
  applyList(list: ContextsList): void;
  load(): Promise<void>;
  select(ref: ContextRef): Promise<void>;
}

/** `source:name`, the value of one option of the picker. */
export function contextKey(ref: ContextRef): string {
  return `${ref.source}:${ref.name}`;
}

export function parseContextKey(key: string): ContextRef | null {
  const at = key.indexOf(':');
  const source = key.slice(0, at);
  if (at < 0 || (source !== 'kubeconfig' && source !== 'demo')) return null;
  return { source, name: key.slice(at + 1) };
}

/**
 * The context picker's state. Selecting another context calls `onSwitch` first, so views that
 * show the old cluster's data can clear it instead of mixing two clusters for a moment.
 */
export function createContextsStore(deps: {
  api: Pick<ApiClient, 'call'>;
  onSwitch?: (ref: ContextRef) => void;
}): StoreApi<ContextsState> {
  return createStore<ContextsState>()((set, get) => ({
    list: null,
    switchingTo: null,
    error: null,
    applyList: (list) => set({ list }),
    async load() {
      try {
        set({ list: await deps.api.call('contexts.list', {}), error: null });
      } catch (error) {
        set({ error: describeFailure(error) });
      }
    },
    async select(ref) {
      const selected = get().list?.selected;
      if (get().switchingTo || (selected && contextKey(selected) === contextKey(ref))) return;
      set({ switchingTo: ref, error: null });
      deps.onSwitch?.(ref);
      try {
        set({ list: await deps.api.call('contexts.select', ref), switchingTo: null });
      } catch (error) {
        set({ switchingTo: null, error: `Could not switch to ${ref.name}: ${describeFailure(error)}` });
      }
    },
  }));
}

export type ContextsStore = StoreApi<ContextsState>;
