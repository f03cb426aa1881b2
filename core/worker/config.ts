/** What the backend tells the collector worker when it starts it (passed as workerData). */
export interface WorkerConfig {
  host: 'electron' | 'web' | 'cli' | 'test';
  version: string;
  /** One file, or a KUBECONFIG-style list merged the kubectl way. */
  kubeconfigPath: string | string[];
  context?: string;
  demo: boolean;
  /** Folder for history databases: one per cluster, named by history/history-path.ts. */
  dataDir: string;
  collectIntervalMs: number;
  /** How often per-pod and per-workload usage is sampled (default: 5 min; 30 s for the demo). */
  usageIntervalMs?: number;
  retentionDays: number;
  /**
   * Cluster seconds per real second: the demo's clock speed (1, or absent, for real clusters).
   * Risk windows and lead times are in the cluster's time, so a sped-up demo behaves as a real one.
   */
  clusterTimeScale?: number;
}

/** Messages the worker sends besides replies and events. */
export type WorkerLifecycleMessage = { kind: 'fatal'; message: string };
