import type { StoreEvent } from '../store/kube-object.ts';
import type { CoreEvent } from '../kube/types.ts';
import type { IncidentEffects } from '../load/effects.ts';
import type { SimContext } from '../runtime/context.ts';

/** The incident families the simulator can stage, one file each in this folder. */
export const SCENARIO_FAMILIES = [
  'memoryLeak',
  'diskFill',
  'noisyNeighbour',
  'networkDegradation',
  'kubeletCrashLoop',
  'hardwareFailure',
  'trafficSurge',
] as const;
export type ScenarioFamily = (typeof SCENARIO_FAMILIES)[number];

/**
 * How much warning the data gives before the visible effect: `strong` grows steadily from the
 * onset, `weak` stays small until shortly before, `none` arrives at once.
 */
export type PrecursorStrength = 'strong' | 'weak' | 'none';

/** An incident to stage: plain data, so scenarios can be stored, randomized and replayed. */
export interface ScenarioSpec {
  family: ScenarioFamily;
  /** When it begins, in ms after the simulation's start. */
  onsetMs: number;
  /** 0..1: how hard it hits (for most families also how fast). Default 0.5. */
  severity?: number;
  precursor?: PrecursorStrength;
  /** What it hits; chosen at the onset from what exists then, deterministically, when absent. */
  target?: { node?: string; namespace?: string; name?: string };
  /** How long the cause lasts once started, for families that do not end by themselves. */
  durationMs?: number;
  /**
   * A family's variant: memoryLeak `oom` (a pod with a memory limit: OOM kills) or `pressure`
   * (no limit: the node runs out, MemoryPressure and eviction).
   */
  variant?: string;
  /**
   * How long the cause takes to show (time to the memory limit, to a full disk, to saturation,
   * the crash loop's run of short restarts), replacing the family's severity-tied default. Only
   * families that develop over time read it (REALISTIC_TIMESCALES lists them). Absent: as before.
   */
  timescaleMs?: number;
}

export interface IncidentTarget {
  kind: 'Pod' | 'Node' | 'Deployment';
  namespace?: string;
  name: string;
  uid?: string;
}

/** Ground truth for training and evaluation: what happened to what, and when it showed. */
export interface IncidentRecord {
  id: string;
  family: ScenarioFamily;
  target: IncidentTarget;
  /** The node the incident is on (for pod incidents, the pod's node at onset). */
  node?: string;
  /** Epoch ms when the cause began. */
  onsetMs: number;
  /** Epoch ms of the first visible effect (OOM kill, condition, NotReady, rescale…), once seen. */
  visibleMs?: number;
  /** Epoch ms when the cause stopped, once it has. */
  endMs?: number;
  severity: number;
  precursor: PrecursorStrength;
  description: string;
}

/** What a running incident can reach. */
export interface ScenarioEnv {
  readonly ctx: SimContext;
  readonly effects: IncidentEffects;
  /** Deterministic draws for this incident (0..1), by draw number. */
  random(draw: number): number;
  /** Nodes other running incidents are on: new ones go elsewhere when they can. */
  readonly busyNodes: ReadonlySet<string>;
}

/** A started incident. */
export interface Incident {
  readonly record: IncidentRecord;
  tick(nowMs: number): void;
  /** Every event recorded while it runs: how it notices its visible effect. */
  onEvent?(event: CoreEvent, nowMs: number): void;
  onStoreEvent?(event: StoreEvent, nowMs: number): void;
  /** True once it has ended and can be dropped. */
  readonly finished: boolean;
}

/** Starts an incident at its onset; undefined when there is nothing suitable to hit. */
export type IncidentFactory = (
  spec: ScenarioSpec,
  env: ScenarioEnv,
  id: string,
  nowMs: number,
) => Incident | undefined;

export function severityOf(spec: ScenarioSpec): number {
  return Math.min(1, Math.max(0, spec.severity ?? 0.5));
}

/** The spec's timescale when it has one, else the family's own default. */
export function timescaleOf(spec: ScenarioSpec, defaultMs: number): number {
  return spec.timescaleMs ?? defaultMs;
}

export function precursorOf(spec: ScenarioSpec): PrecursorStrength {
  return spec.precursor ?? 'strong';
}

/**
 * A 0..1 ramp from onset to `toMs` shaped by the precursor: linear (strong), mostly late
 * (weak: cubic), or a step at the end (none).
 */
export function precursorRamp(precursor: PrecursorStrength, fraction: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  if (precursor === 'strong') return f;
  if (precursor === 'weak') return f ** 4;
  return f >= 1 ? 1 : 0;
}
