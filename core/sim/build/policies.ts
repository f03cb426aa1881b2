import { stableUid } from '../ids.ts';
import { noise3 } from '../random.ts';
import type { KubeObject } from '../store/kube-object.ts';
import type { IntOrString } from '../kube/types.ts';
import { horizontalPodAutoscalerJson, podDisruptionBudgetJson } from '../objects/workload-json.ts';
import type { SimWorkload } from '../types.ts';

/**
 * Which Deployments of a planned cluster carry PodDisruptionBudgets and HorizontalPodAutoscalers.
 * Chosen by a stateless hash of the workload, so adding pods elsewhere never moves them.
 */

const PDB_STREAM = 40;
const HPA_STREAM = 41;

const BUDGETS: readonly { minAvailable?: IntOrString; maxUnavailable?: IntOrString }[] = [
  { minAvailable: 1 },
  { maxUnavailable: 1 },
  { minAvailable: '50%' },
  { maxUnavailable: '25%' },
];

export function chooseDisruptionBudgets(seed: number, workloads: readonly SimWorkload[]): KubeObject[] {
  const result: KubeObject[] = [];
  for (const w of workloads) {
    if (w.replicas < 2) continue;
    const roll = noise3(seed, PDB_STREAM, w.index, 0);
    // coredns ships with one, as on kubeadm and EKS; about 40% of the applications have one.
    const wanted = w.name === 'coredns' || (w.namespace !== 'kube-system' && roll < 0.4);
    if (!wanted) continue;
    const budget =
      w.name === 'coredns'
        ? { maxUnavailable: 1 }
        : (BUDGETS[Math.floor(noise3(seed, PDB_STREAM, w.index, 1) * BUDGETS.length)] ?? {});
    result.push(
      podDisruptionBudgetJson({
        namespace: w.namespace,
        name: `${w.name}-pdb`,
        uid: stableUid(seed, 'podDisruptionBudget', w.index),
        createdMs: w.createdMs,
        selector: { app: w.name },
        ...budget,
      }),
    );
  }
  return result;
}

/** Web Deployments whose every container requests CPU may autoscale; about half of them do. */
export function chooseAutoscalers(seed: number, workloads: readonly SimWorkload[]): KubeObject[] {
  const result: KubeObject[] = [];
  for (const w of workloads) {
    if (w.namespace === 'kube-system' || w.pattern !== 'web' || w.replicas < 2) continue;
    if (!w.containers.every((c) => (c.requests.cpuMillis ?? 0) > 0)) continue;
    if (noise3(seed, HPA_STREAM, w.index, 0) >= 0.5) continue;
    result.push(
      horizontalPodAutoscalerJson({
        namespace: w.namespace,
        name: w.name,
        uid: stableUid(seed, 'horizontalPodAutoscaler', w.index),
        createdMs: w.createdMs,
        target: { kind: 'Deployment', name: w.name },
        minReplicas: w.replicas,
        maxReplicas: Math.min(Math.max(w.replicas * 3, w.replicas + 4), w.replicas + 40),
        cpuUtilization: 80,
      }),
    );
  }
  return result;
}
