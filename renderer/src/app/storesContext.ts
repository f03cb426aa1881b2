import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../api/client.ts';
import type { ConnectionState } from '../stores/connectionStore.ts';
import type { ContextsState, ContextsStore } from '../stores/contextsStore.ts';
import type { Stores } from '../stores/connectStores.ts';
import type { HistoryState } from '../stores/historyStore.ts';
import type { NavigationState, NavigationStore } from '../stores/navigationStore.ts';
import type { NodesState } from '../stores/nodesStore.ts';
import type { ReportsState, ReportsStore } from '../stores/reportsStore.ts';

export interface AppStores extends Stores {
  navigation: NavigationStore;
  reports: ReportsStore;
  contexts: ContextsStore;
  /** The contract client, for sections whose stores are made on first use (useSectionStore). */
  api: ApiClient;
}

/** Stores made on first use, one per key for the app's lifetime. */
const sectionStores = new WeakMap<AppStores, Map<string, unknown>>();

/** Stores arrive by context rather than as module singletons, so a test or story can pass its own. */
export const StoresContext = createContext<AppStores | null>(null);

function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresContext is missing: render the app inside <StoresContext value={…}>.');
  return stores;
}

// Selectors must return stable values (a field, not a fresh object): zustand 5 re-renders on
// every change of identity, and a fresh object each time would loop.
export function useConnection<T>(selector: (state: ConnectionState) => T): T {
  return useStore(useStores().connection, selector);
}

export function useHistory<T>(selector: (state: HistoryState) => T): T {
  return useStore(useStores().history, selector);
}

export function useNodes<T>(selector: (state: NodesState) => T): T {
  return useStore(useStores().nodes, selector);
}

export function useReports<T>(selector: (state: ReportsState) => T): T {
  return useStore(useStores().reports, selector);
}

export function useNavigation<T>(selector: (state: NavigationState) => T): T {
  return useStore(useStores().navigation, selector);
}

export function useContexts<T>(selector: (state: ContextsState) => T): T {
  return useStore(useStores().contexts, selector);
}

export function useApi(): ApiClient {
  return useStores().api;
}

/**
 * A section's own store, made from the api the first time the section renders and kept for the
 * app's lifetime (so leaving and coming back keeps its state). Sections add stores this way
 * instead of each growing AppStores and main.tsx.
 */
export function useSectionStore<S>(key: string, create: (api: ApiClient) => StoreApi<S>): StoreApi<S> {
  const stores = useStores();
  let byKey = sectionStores.get(stores);
  if (!byKey) sectionStores.set(stores, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, create(stores.api));
  return byKey.get(key) as StoreApi<S>;
}
