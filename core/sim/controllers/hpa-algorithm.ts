import type { HpaScalingRules } from '../kube/types.ts';

/**
 * The HorizontalPodAutoscaler's arithmetic (pkg/controller/podautoscaler): replica_calculator's
 * resource-utilization recommendation, and the v2 behavior (stabilization windows and rate
 * policies). Pure functions, tested by table.
 */

export const TOLERANCE = 0.1;

export interface PodSample {
  /** CPU millicores used; undefined when metrics-server has none for the pod. */
  usage?: number;
  /** Sum of the containers' CPU requests, millicores. */
  request: number;
  /** Pending, or not ready within its start-up window: ignored when scaling up (counted as 0). */
  unready: boolean;
}

export interface UtilizationRecommendation {
  replicas: number;
  /** Average utilization of the pods with metrics, percent of request (what status reports). */
  utilization: number;
  /** Average usage of the pods with metrics, millicores. */
  averageMillis: number;
}

function ratioOf(samples: readonly { usage: number; request: number }[], target: number) {
  let usage = 0;
  let requests = 0;
  for (const s of samples) {
    usage += s.usage;
    requests += s.request;
  }
  const utilization = requests > 0 ? Math.trunc((usage * 100) / requests) : 0;
  return {
    ratio: utilization / target,
    utilization,
    average: samples.length > 0 ? usage / samples.length : 0,
  };
}

/**
 * GetResourceReplicas: desired = ceil(ratio × ready pods) when every pod has metrics; otherwise
 * missing pods count as 100% of request when scaling down and 0% when scaling up, unready pods
 * as 0% when scaling up, and the result is dropped if that flips the direction. Within 10% of
 * the target, nothing changes.
 */
export function utilizationReplicas(
  current: number,
  pods: readonly PodSample[],
  targetUtilization: number,
): UtilizationRecommendation | undefined {
  const ready: { usage: number; request: number }[] = [];
  const unready: PodSample[] = [];
  const missing: PodSample[] = [];
  for (const pod of pods) {
    if (pod.unready) unready.push(pod);
    else if (pod.usage === undefined) missing.push(pod);
    else ready.push({ usage: pod.usage, request: pod.request });
  }
  if (ready.length === 0) return undefined;
  const { ratio, utilization, average } = ratioOf(ready, targetUtilization);
  const scaleUpWithUnready = unready.length > 0 && ratio > 1;
  if (!scaleUpWithUnready && missing.length === 0) {
    if (Math.abs(1 - ratio) <= TOLERANCE) return { replicas: current, utilization, averageMillis: average };
    return { replicas: Math.ceil(ratio * ready.length), utilization, averageMillis: average };
  }
  const all = [...ready];
  if (missing.length > 0) {
    const fallback = Math.max(100, targetUtilization);
    for (const pod of missing) {
      if (ratio < 1) all.push({ usage: (pod.request * fallback) / 100, request: pod.request });
      else if (ratio > 1) all.push({ usage: 0, request: pod.request });
    }
  }
  if (scaleUpWithUnready) for (const pod of unready) all.push({ usage: 0, request: pod.request });
  const next = ratioOf(all, targetUtilization).ratio;
  if (Math.abs(1 - next) <= TOLERANCE || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) {
    return { replicas: current, utilization, averageMillis: average };
  }
  const replicas = Math.ceil(next * all.length);
  if ((next < 1 && replicas > current) || (next > 1 && replicas < current))
    return { replicas: current, utilization, averageMillis: average };
  return { replicas, utilization, averageMillis: average };
}

export interface Recommendation {
  atMs: number;
  replicas: number;
}

export interface ScaleEvent {
  atMs: number;
  change: number;
}

/** autoscaling/v2 defaults (pkg/apis/autoscaling/v2/defaults.go). */
export const DEFAULT_SCALE_UP: Required<HpaScalingRules> = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
export const DEFAULT_SCALE_DOWN: Required<HpaScalingRules> = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

export function rulesWithDefaults(
  rules: HpaScalingRules | undefined,
  defaults: Required<HpaScalingRules>,
): Required<HpaScalingRules> {
  return {
    stabilizationWindowSeconds: rules?.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds,
    selectPolicy: rules?.selectPolicy ?? defaults.selectPolicy,
    policies: rules?.policies ?? defaults.policies,
  };
}

/**
 * stabilizeRecommendationWithBehaviors: the lowest recommendation within the scale-up window
 * and the highest within the scale-down window bound the result; the raw recommendation is
 * recorded (replacing one older than both windows). Mutates `history`.
 */
export function stabilize(
  history: Recommendation[],
  current: number,
  desired: number,
  nowMs: number,
  up: Required<HpaScalingRules>,
  down: Required<HpaScalingRules>,
): { replicas: number; reason: 'ScaleUpStabilized' | 'ScaleDownStabilized' | undefined } {
  const upCutoff = nowMs - up.stabilizationWindowSeconds * 1000;
  const downCutoff = nowMs - down.stabilizationWindowSeconds * 1000;
  let upRecommendation = desired;
  let downRecommendation = desired;
  let oldIndex = -1;
  history.forEach((r, i) => {
    if (r.atMs > upCutoff) upRecommendation = Math.min(upRecommendation, r.replicas);
    if (r.atMs > downCutoff) downRecommendation = Math.max(downRecommendation, r.replicas);
    if (r.atMs < upCutoff && r.atMs < downCutoff) oldIndex = i;
  });
  let replicas = current;
  if (replicas < upRecommendation) replicas = upRecommendation;
  if (replicas > downRecommendation) replicas = downRecommendation;
  if (oldIndex >= 0) history[oldIndex] = { atMs: nowMs, replicas: desired };
  else history.push({ atMs: nowMs, replicas: desired });
  const reason =
    replicas === desired ? undefined : replicas > desired ? 'ScaleDownStabilized' : 'ScaleUpStabilized';
  return { replicas, reason };
}

function changeInPeriod(events: readonly ScaleEvent[], periodSeconds: number, nowMs: number): number {
  const cutoff = nowMs - periodSeconds * 1000;
  let total = 0;
  for (const e of events) if (e.atMs > cutoff) total += e.change;
  return total;
}

export type LimitReason =
  'ScaleUpLimit' | 'ScaleDownLimit' | 'TooManyReplicas' | 'TooFewReplicas' | 'DesiredWithinRange';

/** convertDesiredReplicasWithBehaviorRate: clamps by the policies' rates and by min/max. */
export function rateLimit(
  current: number,
  desired: number,
  min: number,
  max: number,
  upEvents: readonly ScaleEvent[],
  downEvents: readonly ScaleEvent[],
  up: Required<HpaScalingRules>,
  down: Required<HpaScalingRules>,
  nowMs: number,
): { replicas: number; reason: LimitReason } {
  if (desired > current) {
    let limit = up.selectPolicy === 'Min' ? Infinity : -Infinity;
    if (up.selectPolicy === 'Disabled') limit = current;
    else {
      for (const p of up.policies) {
        const start =
          current -
          changeInPeriod(upEvents, p.periodSeconds, nowMs) +
          changeInPeriod(downEvents, p.periodSeconds, nowMs);
        const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
        limit = up.selectPolicy === 'Min' ? Math.min(limit, proposed) : Math.max(limit, proposed);
      }
    }
    limit = Math.max(limit, current);
    const [allowed, reason] =
      max > limit ? [limit, 'ScaleUpLimit' as const] : [max, 'TooManyReplicas' as const];
    return desired > allowed
      ? { replicas: allowed, reason }
      : { replicas: desired, reason: 'DesiredWithinRange' };
  }
  if (desired < current) {
    let limit = down.selectPolicy === 'Min' ? -Infinity : Infinity;
    if (down.selectPolicy === 'Disabled') limit = current;
    else {
      for (const p of down.policies) {
        const start =
          current +
          changeInPeriod(downEvents, p.periodSeconds, nowMs) -
          changeInPeriod(upEvents, p.periodSeconds, nowMs);
        const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
        limit = down.selectPolicy === 'Min' ? Math.max(limit, proposed) : Math.min(limit, proposed);
      }
    }
    limit = Math.min(limit, current);
    const [allowed, reason] =
      min < limit ? [limit, 'ScaleDownLimit' as const] : [min, 'TooFewReplicas' as const];
    return desired < allowed
      ? { replicas: allowed, reason }
      : { replicas: desired, reason: 'DesiredWithinRange' };
  }
  return { replicas: desired, reason: 'DesiredWithinRange' };
}

export const LIMIT_MESSAGES: Record<LimitReason, string> = {
  ScaleUpLimit: 'the desired replica count is increasing faster than the maximum scale rate',
  ScaleDownLimit: 'the desired replica count is decreasing faster than the maximum scale rate',
  TooManyReplicas: 'the desired replica count is more than the maximum replica count',
  TooFewReplicas: 'the desired replica count is less than the minimum replica count',
  DesiredWithinRange: 'the desired count is within the acceptable range',
};
