import { createStore, type StoreApi } from 'zustand/vanilla';
import type { NodeSamplePoint, NodesSnapshot } from '../../../core/contract/index.ts';
import { defaultNodeSort, nextSort, type NodeSort, type NodeSortKey } from './nodeTable.ts';

/** Points kept per node for sparklines: at the default 5 s collection, the last five minutes. */
export const trendLength = 60;

export type NodeTrends = ReadonlyMap<string, readonly NodeSamplePoint[]>;

export interface NodesState {
  snapshot: NodesSnapshot | null;
  /** Recent points per node, oldest first, at most `trendLength`. */
  trends: NodeTrends;
  sort: NodeSort;
  filter: string;
  /** Why nodes.list failed at start-up, until a snapshot arrives. */
  loadError: string | null;
  applySnapshot(snapshot: NodesSnapshot): void;
  setLoadError(message: string | null): void;
  /** Forgets the snapshot and trends (another cluster is being connected). */
  reset(): void;
  sortBy(key: NodeSortKey): void;
  setFilter(filter: string): void;
}

/** The trends after one more snapshot; nodes that left the cluster drop out. */
export function appendTrends(trends: NodeTrends, snapshot: NodesSnapshot, limit = trendLength): NodeTrends {
  const next = new Map<string, readonly NodeSamplePoint[]>();
  for (const node of snapshot.nodes) {
    const previous = trends.get(node.name) ?? [];
    const kept = previous.length >= limit ? previous.slice(previous.length - limit + 1) : previous.slice();
    kept.push({ at: snapshot.at, cpuMillis: node.cpuMillis, memoryBytes: node.memoryBytes, pods: node.pods });
    next.set(node.name, kept);
  }
  return next;
}

export function createNodesStore(): StoreApi<NodesState> {
  return createStore<NodesState>()((set) => ({
    snapshot: null,
    trends: new Map(),
    sort: defaultNodeSort,
    filter: '',
    loadError: null,
    applySnapshot: (snapshot) =>
      set((state) => {
        // nodes.list at start-up and the first `nodes` event often carry the same snapshot, and
        // replies can overtake events: only a newer snapshot may replace the one we hold.
        if (state.snapshot && snapshot.at <= state.snapshot.at) return state;
        return { snapshot, trends: appendTrends(state.trends, snapshot), loadError: null };
      }),
    setLoadError: (loadError) => set({ loadError }),
    reset: () => set({ snapshot: null, trends: new Map(), loadError: null }),
    sortBy: (key) => set((state) => ({ sort: nextSort(state.sort, key) })),
    setFilter: (filter) => set({ filter }),
  }));
}

export type NodesStore = StoreApi<NodesState>;
