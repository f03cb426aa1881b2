/**
 * What Foresight knows beyond the API objects, per node: what is actually used (from history),
 * what went wrong there lately (lifecycle events), and the risk predictions. Each part is
 * undefined when there is no data, and the plugin that reads it then takes no part.
 */
export interface NodeUsage {
  cpuMillis: number;
  memoryBytes: number;
  /** Memory growth per hour as a share of allocatable (0.2 = 20% an hour), when known. */
  memoryGrowthPerHour?: number;
  /**
   * When the usage was measured (ms), when known: pods bound to the node since then are not in
   * it yet, and LoadAware counts their requests instead.
   */
  sampledAt?: number;
}

export interface NodeDisruptions {
  restarts: number;
  oomKills: number;
  evictions: number;
  /** Times the node itself failed (its Ready condition left True), when known. */
  nodeFailures?: number;
}

/** A node's own failures (each time its Ready condition left True), from lifecycle history. */
export interface NodeFailureHistory {
  /** When each failure began (ms), oldest first. */
  at: readonly number[];
  /** Whether the node has not been Ready since its last failure. */
  down: boolean;
}

export interface NodeRiskSignal {
  probability: number;
  /** The level the Risk page shows (the probability against its model's own alarm), when known. */
  level?: 'healthy' | 'caution' | 'at-risk';
  kind?: string;
  leadTimeMinutes?: number;
  reasons: readonly string[];
}

export interface PlacementSignals {
  usage?: ReadonlyMap<string, NodeUsage>;
  /** Lifecycle events over the window, per node; a node with none is absent. */
  disruptions?: ReadonlyMap<string, NodeDisruptions>;
  /** How far back `disruptions` reaches: 7 days, or less while history is younger. */
  disruptionWindowMs?: number;
  /** Each node's failures over the same window; a node that never failed is absent. */
  nodeFailures?: ReadonlyMap<string, NodeFailureHistory>;
  /** When these signals were read (ms): the "now" node advice counts its windows back from. */
  observedAt?: number;
  risks?: ReadonlyMap<string, NodeRiskSignal>;
  /**
   * NIC errors per minute, per node: the highest rate over the last `nicErrorWindowMs` (the
   * kubelet Summary API's rx/tx error counters). A node with no rate in the window is absent.
   */
  nicErrors?: ReadonlyMap<string, number>;
  nicErrorWindowMs?: number;
  /** The learned chance, per node, that a pod placed there now is disrupted within a day. */
  outcome?: ReadonlyMap<string, number>;
  /** Why there is no learned outcome model (too little history, nothing to tell apart). */
  outcomeProblem?: string;
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** "7 days", "5 h", "12 min": how long a window of history is, for explanations. */
export function spanText(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 90) return `${Math.max(1, Math.round(minutes))} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}
