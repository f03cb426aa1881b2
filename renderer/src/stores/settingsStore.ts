import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  ContextCheckResult,
  ContextRef,
  SettingsUpdate,
  SettingsView,
} from '../../../core/contract/index.ts';
import { describeFailure } from '../api/apiError.ts';
import type { ApiClient } from '../api/client.ts';
import { contextKey } from './contextsStore.ts';

export interface SettingsState {
  view: SettingsView | null;
  saving: boolean;
  error: string | null;
  /** Results of "Check" per context key (`source:name`); `checking` while one is under way. */
  checks: Record<string, ContextCheckResult | 'checking'>;
  load(): Promise<void>;
  update(change: SettingsUpdate): Promise<boolean>;
  addKubeconfigPath(path: string): Promise<boolean>;
  removeKubeconfigPath(path: string): Promise<boolean>;
  check(ref: ContextRef): Promise<void>;
}

export type SettingsStore = StoreApi<SettingsState>;

/** Settings the user edits (extra kubeconfig paths, retention) and on-demand context checks. */
export function createSettingsStore(api: Pick<ApiClient, 'call'>): SettingsStore {
  return createStore<SettingsState>()((set, get) => ({
    view: null,
    saving: false,
    error: null,
    checks: {},
    async load() {
      try {
        set({ view: await api.call('settings.get', {}), error: null });
      } catch (error) {
        set({ error: describeFailure(error) });
      }
    },
    async update(change) {
      set({ saving: true, error: null });
      try {
        set({ view: await api.call('settings.update', change), saving: false });
        return true;
      } catch (error) {
        set({ saving: false, error: describeFailure(error) });
        return false;
      }
    },
    addKubeconfigPath(path) {
      const paths = get().view?.extraKubeconfigPaths ?? [];
      const trimmed = path.trim();
      if (!trimmed || paths.includes(trimmed)) return Promise.resolve(false);
      return get().update({ extraKubeconfigPaths: [...paths, trimmed] });
    },
    removeKubeconfigPath(path) {
      const paths = get().view?.extraKubeconfigPaths ?? [];
      return get().update({ extraKubeconfigPaths: paths.filter((p) => p !== path) });
    },
    async check(ref) {
      const key = contextKey(ref);
      set({ checks: { ...get().checks, [key]: 'checking' } });
      try {
        const result = await api.call('contexts.check', { source: ref.source, name: ref.name });
        set({ checks: { ...get().checks, [key]: result } });
      } catch (error) {
        const failed = { context: ref.name, reachable: false, message: describeFailure(error), tookMs: 0 };
        set({ checks: { ...get().checks, [key]: failed } });
      }
    },
  }));
}
