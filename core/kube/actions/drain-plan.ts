import {
  daemonSetToLookUp,
  podKey,
  podVerdict,
  skipReason,
  type DaemonSetLookup,
  type DrainFilterOptions,
  type PodJson,
  type PodVerdict,
} from './drain-filters.ts';
import { isNotFound, KubeStatusError, type KubeJson } from './kube-json.ts';

/** A pod the drain keeps, and why. */
export interface KeptPod {
  pod: string;
  reason: string;
}

/** What a drain would do to a node's pods before it evicts anything (kubectl's GetPodsForDeletion). */
export interface DrainPlan {
  node: string;
  /** The pods to evict (or delete), as returned by the list. */
  evict: PodJson[];
  /** Pods left alone without it being a problem: DaemonSet pods under --ignore-daemonsets, mirror pods. */
  skip: KeptPod[];
  /** Pods that stop the drain: kubectl refuses the whole node while any is listed. */
  blocking: KeptPod[];
  /** kubectl's "Warning: ..." groups: message → pods. */
  warnings: Map<string, string[]>;
}

export async function listPodsOnNode(api: KubeJson, node: string): Promise<PodJson[]> {
  const list = await api.get<{ items?: PodJson[] }>('/api/v1/pods', {
    fieldSelector: `spec.nodeName=${node}`,
  });
  return list.items ?? [];
}

async function lookUpDaemonSet(api: KubeJson, namespace: string, name: string): Promise<DaemonSetLookup> {
  try {
    await api.get(
      `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/daemonsets/${encodeURIComponent(name)}`,
    );
    return { found: true };
  } catch (error) {
    const message = error instanceof KubeStatusError ? error.message : (error as Error).message;
    return { found: false, notFound: isNotFound(error), error: message };
  }
}

/** Runs kubectl's filters over the node's pods (DaemonSet owners are looked up, as kubectl does). */
export async function planDrain(
  api: KubeJson,
  node: string,
  options: DrainFilterOptions,
  pods?: readonly PodJson[],
): Promise<DrainPlan> {
  const onNode = pods ?? (await listPodsOnNode(api, node));
  const lookups = new Map<string, DaemonSetLookup>();
  for (const pod of onNode) {
    const daemonSet = daemonSetToLookUp(pod);
    const key = `${pod.metadata.namespace ?? ''}/${daemonSet ?? ''}`;
    if (daemonSet !== undefined && !lookups.has(key))
      lookups.set(key, await lookUpDaemonSet(api, pod.metadata.namespace ?? '', daemonSet));
  }
  const verdicts = onNode.map((pod): [PodJson, PodVerdict] => {
    const daemonSet = daemonSetToLookUp(pod);
    const lookup =
      daemonSet === undefined ? undefined : lookups.get(`${pod.metadata.namespace ?? ''}/${daemonSet}`);
    return [pod, podVerdict(pod, options, lookup)];
  });
  return planFromVerdicts(node, verdicts);
}

export function planFromVerdicts(
  node: string,
  verdicts: readonly (readonly [PodJson, PodVerdict])[],
): DrainPlan {
  const plan: DrainPlan = { node, evict: [], skip: [], blocking: [], warnings: new Map() };
  for (const [pod, verdict] of verdicts) {
    if (verdict.kind === 'warning') {
      plan.warnings.set(verdict.message, [...(plan.warnings.get(verdict.message) ?? []), podKey(pod)]);
    }
    if (verdict.delete) plan.evict.push(pod);
    else if (verdict.kind === 'error') plan.blocking.push({ pod: podKey(pod), reason: verdict.message });
    else plan.skip.push({ pod: podKey(pod), reason: skipReason(pod, verdict) });
  }
  return plan;
}

/** kubectl's "Warning: a: ns/p1, ns/p2; b: ns/p3" line, or undefined when there is nothing to warn about. */
export function warningLine(plan: DrainPlan): string | undefined {
  if (plan.warnings.size === 0) return undefined;
  const groups = [...plan.warnings.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([message, pods]) => `${message}: ${pods.join(', ')}`);
  return `Warning: ${groups.join('; ')}`;
}

/** kubectl's "cannot delete <why>: ns/p1, ns/p2" errors, one per reason, in filter order. */
export function refusalLines(plan: DrainPlan): string[] {
  const byReason = new Map<string, string[]>();
  for (const { pod, reason } of plan.blocking) byReason.set(reason, [...(byReason.get(reason) ?? []), pod]);
  return [...byReason.entries()].map(([reason, pods]) => `cannot delete ${reason}: ${pods.join(', ')}`);
}
