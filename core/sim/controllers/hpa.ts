import { keys } from '../store/api-resources.ts';
import type { KubeObject, StoreEvent } from '../store/kube-object.ts';
import { rfc3339 } from '../kube/time.ts';
import { setCondition } from '../kube/conditions.ts';
import { controllerRef, podCondition, podShape } from '../kube/pods.ts';
import { formatCpuMillis } from '../kube/quantity.ts';
import type { Condition, HorizontalPodAutoscaler, Pod } from '../kube/types.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import { isDue } from '../runtime/context.ts';
import {
  DEFAULT_SCALE_DOWN,
  DEFAULT_SCALE_UP,
  LIMIT_MESSAGES,
  rateLimit,
  rulesWithDefaults,
  stabilize,
  utilizationReplicas,
  type PodSample,
  type Recommendation,
  type ScaleEvent,
} from './hpa-algorithm.ts';
import { ownedPods } from './owned.ts';
import { writeStatus } from './status.ts';

const SOURCE = { component: 'horizontal-pod-autoscaler' };
/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000;
const CPU_INITIALIZATION_MS = 300_000;
const INITIAL_READINESS_DELAY_MS = 30_000;
const METRIC_NAME = 'cpu resource utilization (percentage of request)';

const TARGET_RESOURCES: Record<string, string> = {
  Deployment: keys.deployments,
  StatefulSet: keys.statefulsets,
  ReplicaSet: keys.replicasets,
};

/** A pod's CPU usage as metrics-server reports it, or undefined when it has none. */
export type PodCpuSource = (pod: Pod, nowMs: number) => number | undefined;

/**
 * pkg/controller/podautoscaler for CPU utilization targets: every 15 s, desired =
 * ceil(current × utilization / target) over the pods with metrics (10% tolerance, with the
 * upstream handling of missing and unready pods), stabilized over 5 minutes when scaling down,
 * rate-limited by the v2 behavior, clamped to min/max, written to the target's spec.replicas.
 */
export class HorizontalPodAutoscalerController implements Component {
  readonly name = 'horizontal-pod-autoscaler';
  private readonly recommendations = new Map<string, Recommendation[]>();
  private readonly scaleUps = new Map<string, ScaleEvent[]>();
  private readonly scaleDowns = new Map<string, ScaleEvent[]>();

  constructor(
    private readonly ctx: SimContext,
    private readonly cpu: PodCpuSource,
  ) {}

  observe(event: StoreEvent): void {
    if (event.resource === keys.horizontalpodautoscalers && event.type === 'DELETED') {
      const uid = event.object.metadata.uid ?? '';
      this.recommendations.delete(uid);
      this.scaleUps.delete(uid);
      this.scaleDowns.delete(uid);
    }
  }

  tick(nowMs: number): void {
    if (!isDue(nowMs, this.ctx.tickMs, HPA_SYNC_PERIOD_MS)) return;
    for (const hpa of this.ctx.store.list(keys.horizontalpodautoscalers) as HorizontalPodAutoscaler[])
      this.reconcile(hpa, nowMs);
  }

  private reconcile(hpa: HorizontalPodAutoscaler, nowMs: number): void {
    const at = rfc3339(nowMs);
    const uid = hpa.metadata.uid ?? '';
    const ref = hpa.spec.scaleTargetRef;
    const resource = TARGET_RESOURCES[ref.kind];
    const target = resource
      ? (this.ctx.store.get(resource, hpa.metadata.namespace, ref.name) as KubeObject | undefined)
      : undefined;
    let conditions = hpa.status?.conditions ?? [];
    const set = (type: string, ok: boolean, reason: string, message: string) => {
      conditions = setCondition<Condition>(
        conditions,
        { type, status: ok ? 'True' : 'False', reason, message },
        at,
      );
    };
    const write = (extra: object) =>
      writeStatus(this.ctx.store, keys.horizontalpodautoscalers, hpa, {
        observedGeneration: hpa.metadata.generation,
        ...(hpa.status?.lastScaleTime ? { lastScaleTime: hpa.status.lastScaleTime } : {}),
        ...extra,
        conditions,
      });
    if (!target || !resource) {
      const message = `the HPA controller was unable to get the target's current scale: ${resource?.split('/')[1] ?? ref.kind.toLowerCase()}.apps "${ref.name}" not found`;
      set('AbleToScale', false, 'FailedGetScale', message);
      this.ctx.recorder.record(SOURCE, hpa, { type: 'Warning', reason: 'FailedGetScale', message });
      write({
        currentReplicas: hpa.status?.currentReplicas ?? 0,
        desiredReplicas: hpa.status?.desiredReplicas ?? 0,
      });
      return;
    }
    const current = (target['spec'] as { replicas?: number }).replicas ?? 1;
    const min = hpa.spec.minReplicas ?? 1;
    const max = hpa.spec.maxReplicas;
    if (!this.recommendations.has(uid)) this.recommendations.set(uid, [{ atMs: nowMs, replicas: current }]);
    if (current === 0 && min !== 0) {
      set(
        'ScalingActive',
        false,
        'ScalingDisabled',
        'scaling is disabled since the replica count of the target is zero',
      );
      write({ currentReplicas: 0, desiredReplicas: 0 });
      return;
    }
    const metric = hpa.spec.metrics?.find(
      (m) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.target.type === 'Utilization',
    );
    const targetUtilization = metric?.resource?.target.averageUtilization ?? 80;
    let desired = current;
    let currentMetrics: unknown[] = [];
    let rescaleReason = '';
    if (current > max || current < min) {
      desired = current > max ? max : min;
      rescaleReason =
        current > max
          ? 'Current number of replicas above Spec.MaxReplicas'
          : 'Current number of replicas below Spec.MinReplicas';
      set(
        'ScalingLimited',
        true,
        current > max ? 'TooManyReplicas' : 'TooFewReplicas',
        LIMIT_MESSAGES[current > max ? 'TooManyReplicas' : 'TooFewReplicas'],
      );
    } else {
      const samples = this.samples(target, nowMs);
      if ('error' in samples) {
        set('ScalingActive', false, 'FailedGetResourceMetric', samples.error);
        this.ctx.recorder.record(SOURCE, hpa, {
          type: 'Warning',
          reason: 'FailedGetResourceMetric',
          message: samples.error,
        });
        write({
          currentReplicas: current,
          desiredReplicas: hpa.status?.desiredReplicas ?? current,
          currentMetrics: [],
        });
        return;
      }
      const rec = utilizationReplicas(current, samples.pods, targetUtilization);
      if (!rec) {
        const message =
          'failed to get cpu utilization: did not receive metrics for targeted pods (pods might be unready)';
        set('ScalingActive', false, 'FailedGetResourceMetric', message);
        write({
          currentReplicas: current,
          desiredReplicas: hpa.status?.desiredReplicas ?? current,
          currentMetrics: [],
        });
        return;
      }
      set(
        'ScalingActive',
        true,
        'ValidMetricFound',
        `the HPA was able to successfully calculate a replica count from ${METRIC_NAME}`,
      );
      currentMetrics = [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            current: {
              averageValue: formatCpuMillis(Math.round(rec.averageMillis)),
              averageUtilization: rec.utilization,
            },
          },
        },
      ];
      const up = rulesWithDefaults(hpa.spec.behavior?.scaleUp, DEFAULT_SCALE_UP);
      const down = rulesWithDefaults(hpa.spec.behavior?.scaleDown, DEFAULT_SCALE_DOWN);
      const stable = stabilize(this.recommendations.get(uid) ?? [], current, rec.replicas, nowMs, up, down);
      if (stable.reason === 'ScaleDownStabilized') {
        set(
          'AbleToScale',
          true,
          'ScaleDownStabilized',
          'recent recommendations were higher than current one, applying the highest recent recommendation',
        );
      } else if (stable.reason === 'ScaleUpStabilized') {
        set(
          'AbleToScale',
          true,
          'ScaleUpStabilized',
          'recent recommendations were lower than current one, applying the lowest recent recommendation',
        );
      } else set('AbleToScale', true, 'ReadyForNewScale', 'recommended size matches current size');
      const limited = rateLimit(
        current,
        stable.replicas,
        min,
        max,
        this.events(this.scaleUps, uid, nowMs),
        this.events(this.scaleDowns, uid, nowMs),
        up,
        down,
        nowMs,
      );
      set(
        'ScalingLimited',
        limited.replicas !== stable.replicas,
        limited.reason,
        LIMIT_MESSAGES[limited.reason],
      );
      desired = limited.replicas;
      rescaleReason = desired > current ? `${METRIC_NAME} above target` : 'All metrics below target';
    }
    let lastScaleTime = hpa.status?.lastScaleTime;
    if (desired !== current) {
      this.ctx.store.mutate(resource, hpa.metadata.namespace, ref.name, (draft) => {
        (draft['spec'] as { replicas?: number }).replicas = desired;
      });
      this.events(desired > current ? this.scaleUps : this.scaleDowns, uid, nowMs).push({
        atMs: nowMs,
        change: Math.abs(desired - current),
      });
      set(
        'AbleToScale',
        true,
        'SucceededRescale',
        `the HPA controller was able to update the target scale to ${desired}`,
      );
      this.ctx.recorder.record(SOURCE, hpa, {
        type: 'Normal',
        reason: 'SuccessfulRescale',
        message: `New size: ${desired}; reason: ${rescaleReason}`,
      });
      lastScaleTime = at;
    }
    conditions.sort((a, b) => order(a.type) - order(b.type));
    write({
      ...(lastScaleTime ? { lastScaleTime } : {}),
      currentReplicas: current,
      desiredReplicas: desired,
      currentMetrics,
    });
  }

  private events(table: Map<string, ScaleEvent[]>, uid: string, nowMs: number): ScaleEvent[] {
    // Policies look back at most a few minutes; older events only cost memory.
    const list = (table.get(uid) ?? []).filter((e) => nowMs - e.atMs < 1_800_000);
    table.set(uid, list);
    return list;
  }

  /** The target's pods as the replica calculator groups them (groupPods for cpu). */
  private samples(target: KubeObject, nowMs: number): { pods: PodSample[] } | { error: string } {
    const pods: Pod[] = [];
    if (target.kind === 'Deployment') {
      for (const rs of this.ctx.cache.dependentsOf(target.metadata.uid ?? '', keys.replicasets)) {
        if (controllerRef(rs)?.uid === target.metadata.uid) pods.push(...ownedPods(this.ctx.cache, rs));
      }
    } else pods.push(...ownedPods(this.ctx.cache, target));
    const result: PodSample[] = [];
    for (const pod of pods) {
      if (
        pod.metadata.deletionTimestamp ||
        pod.status?.phase === 'Failed' ||
        pod.status?.phase === 'Succeeded'
      )
        continue;
      const shape = podShape(pod.spec);
      const missing = shape.containers.find((c) => c.requestCpuMillis === 0);
      if (missing)
        return {
          error: `failed to get cpu utilization: missing request for cpu in container ${missing.name} of Pod ${pod.metadata.name}`,
        };
      const request = shape.requests.cpuMillis;
      if (pod.status?.phase !== 'Running') {
        result.push({ request, unready: true });
        continue;
      }
      const ready = podCondition(pod, 'Ready');
      const start = pod.status.startTime ? Date.parse(pod.status.startTime) : undefined;
      let unready: boolean;
      if (!ready || start === undefined) unready = true;
      else if (start + CPU_INITIALIZATION_MS > nowMs) {
        const since = ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : 0;
        unready = ready.status === 'False' || nowMs < since + INITIAL_READINESS_DELAY_MS;
      } else {
        const since = ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : 0;
        unready = ready.status === 'False' && start + INITIAL_READINESS_DELAY_MS > since;
      }
      const usage = this.cpu(pod, nowMs);
      result.push({ request, unready, ...(usage === undefined ? {} : { usage }) });
    }
    return { pods: result };
  }
}

function order(type: string): number {
  return ['AbleToScale', 'ScalingActive', 'ScalingLimited'].indexOf(type);
}
