import type {
  ConnectionStatus,
  HistoryStatus,
  NodeRow,
  NodesSnapshot,
} from '../../../core/contract/index.ts';

/** Test data builders: a sensible default, overridden per case. */
export function nodeRow(overrides: Partial<NodeRow> = {}): NodeRow {
  return {
    name: 'node-1',
    ready: true,
    unschedulable: false,
    roles: ['worker'],
    cpuMillis: 1000,
    cpuAllocatableMillis: 4000,
    memoryBytes: 4 * 1024 ** 3,
    memoryAllocatableBytes: 16 * 1024 ** 3,
    pods: 10,
    podCapacity: 110,
    ...overrides,
  };
}

export function snapshot(at: number, nodes: NodeRow[], metricsAvailable = true): NodesSnapshot {
  return { at, nodes, metricsAvailable };
}

export function connectionStatus(overrides: Partial<ConnectionStatus> = {}): ConnectionStatus {
  return {
    context: 'foresight-demo',
    server: 'http://127.0.0.1:6443',
    demo: true,
    state: 'connected',
    since: 1000,
    ...overrides,
  };
}

export function historyStatus(overrides: Partial<HistoryStatus> = {}): HistoryStatus {
  return { state: 'ok', path: '/data/history.db', retentionDays: 7, sampleCount: 0, ...overrides };
}
