import type { SecretStore } from '../secrets/secret-store.ts';

/** How a host (Electron, the web host, a test) asks for a backend. */
export interface BackendOptions {
  /** Which host runs this backend; reported to the UI. */
  host: 'electron' | 'web' | 'cli' | 'test';
  /** Where Foresight keeps its history database and the demo kubeconfig. */
  dataDir: string;
  /**
   * Connect through these kubeconfig files, merged as kubectl merges a KUBECONFIG list. When
   * absent and `demo` is not false, the demo cluster is used.
   */
  kubeconfigPath?: string | string[];
  /** Context in the kubeconfig; its current-context when absent. */
  context?: string;
  /** Run the built-in demo cluster (default: only when no kubeconfig is given). */
  demo?: DemoOptions | boolean;
  /** How often the collector polls metrics.k8s.io, in ms (default 15 s; 5 s for the demo). */
  collectIntervalMs?: number;
  /** History retention in days (default 7). */
  retentionDays?: number;
  /**
   * Where the LLM API key is kept: the Electron host passes the OS's secure storage; without one,
   * the key lives in memory for the session.
   */
  secretStore?: SecretStore;
  /** The Anthropic API's base URL (default https://api.anthropic.com); tests use a local server. */
  anthropicBaseUrl?: string;
}

export interface DemoOptions {
  seed?: number;
  nodes?: number;
  podsPerNode?: number;
  /** Simulated seconds per real second (default 1). */
  speed?: number;
  /** Incidents to stage instead of the preset's (`foresight web --demo --scenario memoryLeak@40m`). */
  scenarios?: { family: string; onsetMs: number; durationMs?: number }[];
}
