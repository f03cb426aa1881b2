import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
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
}

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
