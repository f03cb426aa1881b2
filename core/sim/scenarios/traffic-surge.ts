import { keys } from '../store/api-resources.ts';
import type { CoreEvent, Deployment, HorizontalPodAutoscaler } from '../kube/types.ts';
import { IncidentBase, lerp } from './incident-base.ts';
import {
  precursorRamp,
  timescaleOf,
  type IncidentFactory,
  type ScenarioEnv,
  type ScenarioSpec,
} from './scenario.ts';
import { pickDeployment } from './targets.ts';

const MINUTE = 60_000;

/**
 * A flash sale: traffic to one Deployment (one an HPA scales, when there is one) multiplies by
 * 2 at severity 0 up to 6 at 1. CPU follows, the HPA scales out, new pods may not fit. A strong
 * precursor ramps up over ten minutes (or the spec's timescale), a weak one mostly at the end of
 * that, none is a step. Lasts 30 min (or 15 min past a longer ramp), then traffic falls back over
 * five.
 */
export const trafficSurge: IncidentFactory = (spec, env, id, nowMs) => {
  const deployment = pickDeployment(env, spec);
  return deployment ? new TrafficSurge(env, spec, id, nowMs, deployment) : undefined;
};

class TrafficSurge extends IncidentBase {
  private readonly hpa: string | undefined;
  private readonly holdMs: number;

  constructor(env: ScenarioEnv, spec: ScenarioSpec, id: string, nowMs: number, deployment: Deployment) {
    const namespace = deployment.metadata.namespace ?? '';
    const name = deployment.metadata.name ?? '';
    const severity = Math.min(1, Math.max(0, spec.severity ?? 0.5));
    const factor = lerp(2, 6, severity);
    super(
      env,
      spec,
      id,
      nowMs,
      { kind: 'Deployment', namespace, name, uid: deployment.metadata.uid ?? '' },
      undefined,
      `traffic to ${namespace}/${name} surges to ${factor.toFixed(1)}×`,
    );
    this.hpa = (
      env.ctx.store.list(keys.horizontalpodautoscalers, namespace) as HorizontalPodAutoscaler[]
    ).find((h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === name)
      ?.metadata.name;
    const precursor = this.record.precursor;
    const rampMs = timescaleOf(spec, 10 * MINUTE);
    const holdMs = spec.durationMs ?? Math.max(30 * MINUTE, rampMs + 15 * MINUTE);
    this.holdMs = holdMs;
    const fallMs = 5 * MINUTE;
    this.keep(
      env.effects.loadFactors.add(`${namespace}/${name}`, (t) => {
        const since = t - nowMs;
        const up = precursorRamp(precursor, since / rampMs);
        const down = since <= holdMs ? 1 : Math.max(0, 1 - (since - holdMs) / fallMs);
        return 1 + (factor - 1) * up * down;
      }),
    );
  }

  tick(nowMs: number): void {
    if (nowMs >= this.record.onsetMs + this.holdMs + 5 * MINUTE) this.end(nowMs);
  }

  onEvent(event: CoreEvent, nowMs: number): void {
    if (this.hpa && event.reason === 'SuccessfulRescale' && event.involvedObject.name === this.hpa)
      this.visible(nowMs);
    if (
      !this.hpa &&
      event.reason === 'Unhealthy' &&
      event.involvedObject.namespace === this.record.target.namespace
    )
      this.visible(nowMs);
  }
}
