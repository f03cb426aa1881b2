import type { KubeObject } from '../../sim/store/kube-object.ts';
import type { ResourceCodec } from './codec.ts';

/**
 * autoscaling/v1 HorizontalPodAutoscaler, served from the autoscaling/v2 objects in the store:
 * v1 knows only a CPU utilization target. What v1 cannot say (other metrics, behavior,
 * conditions) is kept from the stored object on writes, so a v1 client does not erase it.
 */

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const rec = (value: unknown): Json => (isRecord(value) ? value : {});

const isCpuResource = (metric: unknown) =>
  isRecord(metric) && metric.type === 'Resource' && rec(metric.resource).name === 'cpu';

export const hpaV1Codec: ResourceCodec = {
  fromStorage(v2: KubeObject): KubeObject {
    const spec = rec(v2.spec);
    const status = rec(v2.status);
    const cpu = Array.isArray(spec.metrics) ? spec.metrics.find(isCpuResource) : undefined;
    const target = rec(rec(rec(cpu).resource).target);
    const current = Array.isArray(status.currentMetrics)
      ? status.currentMetrics.find(isCpuResource)
      : undefined;
    const utilization = rec(rec(rec(current).resource).current).averageUtilization;
    const v1Spec: Json = {
      scaleTargetRef: spec.scaleTargetRef,
      ...(spec.minReplicas === undefined ? {} : { minReplicas: spec.minReplicas }),
      maxReplicas: spec.maxReplicas,
      ...(typeof target.averageUtilization === 'number'
        ? { targetCPUUtilizationPercentage: target.averageUtilization }
        : {}),
    };
    const v1Status: Json = {};
    for (const key of ['observedGeneration', 'lastScaleTime', 'currentReplicas', 'desiredReplicas']) {
      if (status[key] !== undefined) v1Status[key] = status[key];
    }
    if (typeof utilization === 'number') v1Status.currentCPUUtilizationPercentage = utilization;
    const out: KubeObject = { ...v2, apiVersion: 'autoscaling/v1', spec: v1Spec };
    if (v2.status !== undefined) out.status = v1Status;
    return out;
  },

  toStorage(v1: KubeObject, stored?: KubeObject): KubeObject {
    const spec = rec(v1.spec);
    const before = rec(stored?.spec);
    const kept = Array.isArray(before.metrics) ? before.metrics.filter((m) => !isCpuResource(m)) : [];
    const percent = spec.targetCPUUtilizationPercentage;
    const metrics =
      typeof percent === 'number'
        ? [
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: percent } },
            },
            ...kept,
          ]
        : kept;
    const v2Spec: Json = {
      scaleTargetRef: spec.scaleTargetRef,
      ...(spec.minReplicas === undefined ? {} : { minReplicas: spec.minReplicas }),
      maxReplicas: spec.maxReplicas,
      ...(metrics.length > 0 ? { metrics } : {}),
      ...(before.behavior === undefined ? {} : { behavior: before.behavior }),
    };
    const out: KubeObject = { ...v1, apiVersion: 'autoscaling/v2', spec: v2Spec };
    if (v1.status !== undefined) {
      const status = rec(v1.status);
      const v2Status: Json = { ...rec(stored?.status) };
      for (const key of ['observedGeneration', 'lastScaleTime', 'currentReplicas', 'desiredReplicas']) {
        if (status[key] !== undefined) v2Status[key] = status[key];
      }
      if (typeof status.currentCPUUtilizationPercentage === 'number') {
        v2Status.currentMetrics = [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              current: { averageUtilization: status.currentCPUUtilizationPercentage },
            },
          },
        ];
      }
      out.status = v2Status;
    }
    return out;
  },
};
