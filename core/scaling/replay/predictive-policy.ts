import { TOLERANCE, utilizationReplicas } from '../../sim/controllers/hpa-algorithm.ts';
import type { ReplayWorkload, ScalingPolicy } from './autoscaler-replay.ts';

/**
 * Predictive replicas: at least what the upstream HPA algorithm recommends now (before its
 * stabilization), and enough pods to keep the upper bound of the load forecast made `lead`
 * ahead within the HPA's accepted band (target + 10%), so pods are ready before the load
 * arrives rather than after. The forecast looks ahead, so it replaces the 300 s scale-down
 * stabilization window (replay with scaleDownWindowSeconds 0).
 *
 * `upperAhead[step]` is the largest upper bound of the load forecasts for step + 1 … step + lead,
 * made at `step` from data up to it (rollingSelect's `upper`, relative intervals).
 */
export const PREDICTIVE_SETTINGS = {
  /** Forecast lead: pod start-up (60 s) plus a sync period, rounded up to whole minutes. */
  leadMs: 120_000,
  /**
   * Central coverage of the interval whose upper bound is provisioned for: the highest of 0.7,
   * 0.75, 0.8, 0.83 at which the seed-1 replay used no more pod-hours than the HPA (seeds 2 and 3
   * in the bench are out of sample).
   */
  coverage: 0.8,
  scaleDownWindowSeconds: 0,
} as const;

export function predictivePolicy(workload: ReplayWorkload, upperAhead: Float64Array): ScalingPolicy {
  const perPodInBand = (workload.requestMillis * workload.targetUtilization * (1 + TOLERANCE)) / 100;
  return ({ current, pods, step }) => {
    const reactive = utilizationReplicas(current, pods, workload.targetUtilization)?.replicas ?? current;
    const upper = upperAhead[step] ?? NaN;
    if (!Number.isFinite(upper)) return reactive;
    return Math.max(reactive, Math.ceil(upper / perPodInBand));
  };
}

/** Replicas that keep a load at the target utilization, for the advice and the UI. */
export function replicasForLoad(
  loadMillis: number,
  requestMillis: number,
  targetUtilization: number,
): number {
  return Math.max(1, Math.ceil((loadMillis * 100) / (requestMillis * targetUtilization)));
}
