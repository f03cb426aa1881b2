import { TOLERANCE, utilizationReplicas } from '../../sim/controllers/hpa-algorithm.ts';
import type { ReplayWorkload, ScalingPolicy } from './autoscaler-replay.ts';
import { SurpriseRise } from './surprise-rise.ts';
import { UsedPods } from './used-pods.ts';

/**
 * Predictive replicas: never fewer than the upstream HPA algorithm recommends now (before its
 * stabilization), and sized from the load forecast for the steps until a new pod would be ready:
 *
 * - scale up (pre-scale) when the forecast's `prescaleQuantile` says more pods are needed to keep
 *   every pod within the HPA's accepted band (target + 10%) — pods are ready before the load;
 * - release pods when the forecast's `prescaleQuantile` no longer needs them, except that the
 *   higher `holdQuantile` keeps pods the load has actually used within `usedWithinMs`. That keeps
 *   capacity through the noise around a level the load has reached, while a pod added for load
 *   that did not come goes as soon as the forecast stops asking for it.
 *   This replaces the HPA's 300 s scale-down stabilization (replay with scaleDownWindowSeconds
 *   0): pods go as soon as the forecast says load is leaving, not five minutes later;
 * - pre-scale for one more step of a rise the forecast did not see coming (SurpriseRise: the
 *   load is above the hold quantile forecast for it and still rising), since a forecaster that
 *   learns from the past lags a ramp by a step or more.
 *
 * `prescale[step]` and `hold[step]` are the largest of those quantiles of the load forecasts for
 * step + 1 … step + lead, made at `step` from data up to it (rollingSelect's `quantiles`);
 * `holdNext[step]` is the hold quantile for step + 1 alone.
 */
export const PREDICTIVE_SETTINGS = {
  /** Forecast lead: pod start-up (60 s) plus a sync period, rounded up to whole minutes. */
  leadMs: 120_000,
  /**
   * Tuned on seeds 1 and 2: the grid pre-scale quantile 0.7–0.9 × lead 1–2 minutes × hold
   * quantile 0.9/0.95/0.975 × used within 5–20 minutes, with and without the surprise-rise rule
   * (on the 0.9 or 0.95 quantile). Its 14 settings on the frontier (fewest pod-hours on the worse
   * tuning seed for the under-provisioned minutes saved, at least 30% fewer) were compared on
   * seeds 3–10 (validation), and the one meeting both halves of the target on the most of them
   * was kept (8 of 8). Seeds 11–20 are the test: nothing was chosen on them.
   * Round 2: with the 3-minute moving average among the replay's forecasters (compare.ts) the
   * bands are narrower, so the same quantile bought fewer pods and missed more minutes; of the
   * pre-scale quantiles 0.85/0.875/0.9 (hold 0.95 or 0.975), 0.875 with hold 0.95 gave fewer
   * under-provisioned minutes and fewer pod-hours than before on seeds 1–10 in total.
   */
  prescaleQuantile: 0.875,
  holdQuantile: 0.95,
  usedWithinMs: 600_000,
  scaleDownWindowSeconds: 0,
} as const;

export interface PredictiveForecast {
  readonly prescale: Float64Array;
  readonly hold: Float64Array;
  readonly holdNext: Float64Array;
}

export interface PredictiveOptions {
  /** How long pods the load used stay on the hold quantile (default PREDICTIVE_SETTINGS'). */
  usedWithinMs?: number;
}

export function predictivePolicy(
  workload: ReplayWorkload,
  forecast: PredictiveForecast,
  options: PredictiveOptions = {},
): ScalingPolicy {
  const perPodInBand = (workload.requestMillis * workload.targetUtilization * (1 + TOLERANCE)) / 100;
  const usedWithin = options.usedWithinMs ?? PREDICTIVE_SETTINGS.usedWithinMs;
  const used = new UsedPods(Math.round(usedWithin / workload.stepMs), perPodInBand);
  const rise = new SurpriseRise(forecast.holdNext);
  return ({ current, pods, step }) => {
    const load = usedMillis(pods);
    used.observe(step, load);
    rise.observe(step, load);
    const reactive = utilizationReplicas(current, pods, workload.targetUtilization)?.replicas ?? current;
    const up = forecast.prescale[step] ?? NaN;
    const keep = forecast.hold[step] ?? NaN;
    if (!Number.isFinite(up) || !Number.isFinite(keep)) return reactive;
    const rising = rise.next(step);
    const prescale = Math.ceil(Math.max(up, Number.isFinite(rising) ? rising : 0) / perPodInBand);
    if (prescale > current) return Math.max(reactive, prescale);
    const held = Math.min(Math.ceil(keep / perPodInBand), used.recent(step));
    return Math.max(reactive, Math.min(current, Math.max(prescale, held)));
  };
}

function usedMillis(pods: readonly { usage?: number; unready: boolean }[]): number {
  let sum = 0;
  for (const pod of pods) if (!pod.unready) sum += pod.usage ?? 0;
  return sum;
}

/** Replicas that keep a load at the target utilization, for the advice and the UI. */
export function replicasForLoad(
  loadMillis: number,
  requestMillis: number,
  targetUtilization: number,
): number {
  return Math.max(1, Math.ceil((loadMillis * 100) / (requestMillis * targetUtilization)));
}
