/**
 * What the advisor needs to know about one workload, and what it says. Plain data: the CLI, the
 * worker and the fixtures all build WorkloadObservation the same way.
 */
export interface WorkloadObservation {
  /** `namespace/name`. */
  readonly workload: string;
  readonly kind: string;
  readonly replicas: number;
  /** Per pod. */
  readonly requestCpuMillis: number;
  readonly requestMemoryBytes: number;
  readonly limitCpuMillis?: number | undefined;
  readonly limitMemoryBytes?: number | undefined;
  readonly hpa?: { minReplicas: number; maxReplicas: number; targetUtilization: number } | undefined;
  readonly startMs: number;
  readonly stepMs: number;
  /** Total CPU the workload used per step, millicores (NaN for a gap). */
  readonly cpuMillis: ArrayLike<number>;
  /** The largest pod's memory per step, bytes (NaN for a gap). */
  readonly podMemoryBytes: ArrayLike<number>;
  /** OOMKills seen in the observed period. */
  readonly oomKills: number;
  /** A known event ahead (a sale, a launch): load × factor between start and end. */
  readonly plannedEvents?: readonly PlannedEvent[] | undefined;
}

export interface PlannedEvent {
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly loadFactor: number;
}

export type Confidence = 'low' | 'medium' | 'high';
export type Severity = 'none' | 'low' | 'medium' | 'high';

/** The kinds of advice, what the scenario fixtures check. */
export type AdviceKind =
  | 'keep'
  | 'scale-up'
  | 'raise-max-replicas'
  | 'scale-down'
  | 'reduce-requests'
  | 'set-requests'
  | 'raise-memory'
  | 'daily-schedule'
  | 'weekend-schedule'
  | 'pre-scale-event';

export interface Recommendation {
  readonly kind: AdviceKind;
  readonly confidence: Confidence;
  /** Plain words: what to do and why, from the numbers. */
  readonly explanation: string;
}
