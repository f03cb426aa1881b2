import {
  DEFAULT_SCALE_DOWN,
  DEFAULT_SCALE_UP,
  rateLimit,
  TOLERANCE,
  stabilize,
  utilizationReplicas,
  type PodSample,
  type Recommendation,
  type ScaleEvent,
} from '../../sim/controllers/hpa-algorithm.ts';

/**
 * Replays an autoscaler on a workload's load: every 15 s (the HPA sync period) the policy sees
 * the ready pods' CPU (the load shared evenly among them) and sets the replica count; new pods
 * serve only after a start-up delay. The upstream HPA algorithm (core/sim/controllers/
 * hpa-algorithm.ts: ratio with 10% tolerance, 300 s scale-down stabilization, default rate
 * policies) is one policy; the predictive one adds what the forecast says is coming.
 *
 * Scored every sync: a pod is missing when keeping every pod within the HPA's own acceptable band
 * (target utilization + its 10% tolerance) needs more pods than are ready — the ready pods run
 * hotter than even the upstream HPA accepts (under-provisioned pod-minutes, and minutes with any
 * pod missing); pod-hours count every pod that exists, starting or ready — what is paid for.
 */
export interface ReplayWorkload {
  /** Total CPU demand, millicores, one value per step. */
  readonly load: Float64Array;
  readonly stepMs: number;
  readonly requestMillis: number;
  readonly targetUtilization: number;
  readonly minReplicas: number;
  readonly maxReplicas: number;
}

export interface PolicyInput {
  readonly nowMs: number;
  /** Load step the decision is made in. */
  readonly step: number;
  readonly current: number;
  readonly pods: readonly PodSample[];
}

/** Replicas wanted before stabilization and rate limits, or undefined to keep the count. */
export type ScalingPolicy = (input: PolicyInput) => number | undefined;

export interface ReplayOptions {
  /** Steps [from, to) to replay. */
  from: number;
  to: number;
  syncMs?: number;
  podStartMs?: number;
  /** Scale-down stabilization window, seconds (upstream default 300). */
  scaleDownWindowSeconds?: number;
}

export interface ReplayResult {
  underProvisionedPodMinutes: number;
  /** Minutes in which at least one pod was missing. */
  underProvisionedMinutes: number;
  podHours: number;
  scaleEvents: number;
  /** Replicas (existing pods) at each step. */
  replicas: Int32Array;
}

export const HPA_SYNC_MS = 15_000;
export const POD_START_MS = 60_000;

/** The upstream HPA's own recommendation: pods at their average utilization vs the target. */
export function upstreamPolicy(workload: ReplayWorkload): ScalingPolicy {
  return ({ current, pods }) => utilizationReplicas(current, pods, workload.targetUtilization)?.replicas;
}

export function replay(
  workload: ReplayWorkload,
  policy: ScalingPolicy,
  options: ReplayOptions,
): ReplayResult {
  const syncMs = options.syncMs ?? HPA_SYNC_MS;
  const startDelay = options.podStartMs ?? POD_START_MS;
  const down = { ...DEFAULT_SCALE_DOWN, stabilizationWindowSeconds: options.scaleDownWindowSeconds ?? 300 };
  const history: Recommendation[] = [];
  const ups: ScaleEvent[] = [];
  const downs: ScaleEvent[] = [];
  const { stepMs, requestMillis: request } = workload;
  const first = workload.load[options.from] ?? 0;
  // Start where the upstream HPA would have settled on the first step's load.
  const initial = clamp(Math.ceil((first * 100) / (request * workload.targetUtilization)), workload);
  let readyAt: number[] = Array.from({ length: initial }, () => -Infinity);
  const replicas = new Int32Array(options.to - options.from);
  let missingPodMs = 0;
  let missingMs = 0;
  let podMs = 0;
  let scaleEvents = 0;
  const startMs = options.from * stepMs;
  for (let nowMs = startMs; nowMs < options.to * stepMs; nowMs += syncMs) {
    const step = Math.floor(nowMs / stepMs);
    const load = workload.load[step] ?? 0;
    const ready = readyAt.filter((t) => t <= nowMs).length;
    const perPod = ready > 0 ? load / ready : 0;
    const pods: PodSample[] = readyAt.map((t) =>
      t <= nowMs ? { usage: perPod, request, unready: false } : { request, unready: true },
    );
    const current = readyAt.length;
    const wanted = policy({ nowMs, step, current, pods }) ?? current;
    const stabilized = stabilize(history, current, wanted, nowMs, DEFAULT_SCALE_UP, down).replicas;
    const { replicas: next } = rateLimit(
      current,
      stabilized,
      workload.minReplicas,
      workload.maxReplicas,
      ups,
      downs,
      DEFAULT_SCALE_UP,
      down,
      nowMs,
    );
    if (next > current) {
      ups.push({ atMs: nowMs, change: next - current });
      readyAt = [...readyAt, ...Array.from({ length: next - current }, () => nowMs + startDelay)];
      scaleEvents++;
    } else if (next < current) {
      downs.push({ atMs: nowMs, change: current - next });
      // The newest pods go first (the ReplicaSet controller prefers deleting unready, younger pods).
      readyAt = [...readyAt].sort((a, b) => a - b).slice(0, next);
      scaleEvents++;
    }
    const readyAfter = readyAt.filter((t) => t <= nowMs).length;
    const needed = Math.ceil((load * 100) / (request * workload.targetUtilization * (1 + TOLERANCE)) - 1e-9);
    const missing = Math.max(0, needed - readyAfter);
    missingPodMs += missing * syncMs;
    if (missing > 0) missingMs += syncMs;
    podMs += readyAt.length * syncMs;
    if (nowMs % stepMs === 0) replicas[step - options.from] = readyAt.length;
  }
  return {
    underProvisionedPodMinutes: missingPodMs / 60_000,
    underProvisionedMinutes: missingMs / 60_000,
    podHours: podMs / 3_600_000,
    scaleEvents,
    replicas,
  };
}

function clamp(n: number, w: ReplayWorkload): number {
  return Math.min(w.maxReplicas, Math.max(w.minReplicas, n));
}
