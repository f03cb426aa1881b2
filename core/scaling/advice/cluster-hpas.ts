import { AutoscalingV2Api, type KubeConfig } from '@kubernetes/client-node';
import type { WorkloadObservation } from './types.ts';

/** An HPA's bounds, with its own name (which need not be its target's). */
export type HpaBounds = NonNullable<WorkloadObservation['hpa']> & { name: string };

/** The cluster's HPAs by `namespace/kind/name` of their target (CPU utilization targets; 80% when none). */
export async function readHpas(kubeConfig: KubeConfig): Promise<Map<string, HpaBounds>> {
  const api = kubeConfig.makeApiClient(AutoscalingV2Api);
  const list = await api.listHorizontalPodAutoscalerForAllNamespaces({ timeoutSeconds: 10 });
  const out = new Map<string, HpaBounds>();
  for (const hpa of list.items) {
    const ref = hpa.spec?.scaleTargetRef;
    if (!ref) continue;
    const cpu = hpa.spec?.metrics?.find((m) => m.resource?.name === 'cpu')?.resource?.target
      .averageUtilization;
    out.set(`${hpa.metadata?.namespace ?? ''}/${ref.kind}/${ref.name}`, {
      name: hpa.metadata?.name ?? ref.name,
      minReplicas: hpa.spec?.minReplicas ?? 1,
      maxReplicas: hpa.spec?.maxReplicas ?? 1,
      targetUtilization: cpu ?? 80,
    });
  }
  return out;
}
