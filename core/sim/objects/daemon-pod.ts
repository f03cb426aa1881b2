import type { DaemonSet, PodSpec, Toleration } from '../kube/types.ts';
import { podTemplateHash } from './template-hash.ts';

/**
 * Tolerations the DaemonSet controller adds to its pods (pkg/controller/daemon/util), so node
 * agents keep running on nodes that are unhealthy, full or cordoned.
 */
const DAEMON_TOLERATIONS: readonly Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];
const HOST_NETWORK_TOLERATION: Toleration = {
  key: 'node.kubernetes.io/network-unavailable',
  operator: 'Exists',
  effect: 'NoSchedule',
};

const tolerationCache = new WeakMap<PodSpec, Toleration[]>();

export function daemonTolerations(template: PodSpec): Toleration[] {
  let result = tolerationCache.get(template);
  if (result) return result;
  result = [...(template.tolerations ?? [])];
  const extra =
    template['hostNetwork'] === true ? [...DAEMON_TOLERATIONS, HOST_NETWORK_TOLERATION] : DAEMON_TOLERATIONS;
  for (const t of extra) {
    if (!result.some((e) => e.key === t.key && e.effect === t.effect)) result.push(t);
  }
  tolerationCache.set(template, result);
  return result;
}

/**
 * A daemon pod's spec for one node: the template, the daemon tolerations, and required node
 * affinity on the node's name, which the scheduler then honours (since Kubernetes 1.12 the
 * scheduler, not the DaemonSet controller, binds daemon pods).
 */
export function daemonSetPodSpec(template: PodSpec, nodeName: string): PodSpec {
  return {
    ...template,
    tolerations: daemonTolerations(template),
    affinity: {
      ...template.affinity,
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] },
          ],
        },
      },
    },
  };
}

/** The node a daemon pod is meant for, from the affinity the controller gave it. */
export function daemonPodTargetNode(spec: PodSpec): string | undefined {
  if (spec.nodeName) return spec.nodeName;
  const terms =
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  for (const term of terms ?? []) {
    for (const field of term.matchFields ?? []) {
      if (field.key === 'metadata.name' && field.operator === 'In' && field.values?.length === 1)
        return field.values[0];
    }
  }
  return undefined;
}

/** The controller-revision-hash of a DaemonSet's current template. */
export function daemonSetRevision(ds: DaemonSet): string {
  return podTemplateHash(ds.spec.template);
}
