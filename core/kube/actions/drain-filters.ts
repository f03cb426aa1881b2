/**
 * Which pods a drain deletes, as k8s.io/kubectl/pkg/drain/filters.go decides it: every pod on
 * the node runs through the filters in kubectl's order (already deleting → DaemonSet → mirror →
 * local storage → no controller) and the first filter that says "do not delete" wins. Like
 * kubectl, a later filter's verdict replaces an earlier warning (so "deleting Pods with local
 * storage" is only shown when nothing later speaks), which keeps our lines identical to its.
 */

export interface PodJson {
  metadata: {
    name?: string;
    namespace?: string;
    uid?: string;
    deletionTimestamp?: string;
    annotations?: Record<string, string>;
    ownerReferences?: { kind?: string; name?: string; controller?: boolean }[];
    resourceVersion?: string;
  };
  spec?: {
    nodeName?: string;
    volumes?: { name?: string; emptyDir?: unknown }[];
    terminationGracePeriodSeconds?: number;
  };
  status?: { phase?: string };
}

export interface DrainFilterOptions {
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  force: boolean;
  /** Pods deleting for longer than this are skipped (kubectl's --skip-wait-for-delete-timeout); 0 = never. */
  skipWaitForDeleteTimeoutSeconds: number;
}

/** kubectl's PodDeleteStatus: delete or not, and whether that is fine, a warning or an error. */
export interface PodVerdict {
  delete: boolean;
  kind: 'okay' | 'skip' | 'warning' | 'error';
  /** kubectl's words for warnings and errors, grouped by them in its output. */
  message: string;
}

/** What a DaemonSet lookup found: the owner exists, is gone, or could not be read (the error). */
export type DaemonSetLookup = { found: true } | { found: false; notFound: boolean; error: string };

// kubectl's own strings (pkg/drain/filters.go), because users grep for them.
export const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
export const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
export const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
export const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
export const UNMANAGED_FATAL = 'Pods that declare no controller (use --force to override)';
export const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

const okay: PodVerdict = { delete: true, kind: 'okay', message: '' };

export const podKey = (pod: PodJson): string => `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;

export function controllerOf(pod: PodJson): { kind?: string; name?: string } | undefined {
  return pod.metadata.ownerReferences?.find((owner) => owner.controller === true);
}

export function isFinished(pod: PodJson): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** The DaemonSet a pod's controller reference names, when its verdict depends on it existing. */
export function daemonSetToLookUp(pod: PodJson): string | undefined {
  const controller = controllerOf(pod);
  if (controller?.kind !== 'DaemonSet' || isFinished(pod)) return undefined;
  return controller.name ?? '';
}

type Filter = (pod: PodJson, options: DrainFilterOptions, daemonSet?: DaemonSetLookup) => PodVerdict;

const skipDeleted: Filter = (pod, options) => {
  const since = pod.metadata.deletionTimestamp;
  if (options.skipWaitForDeleteTimeoutSeconds > 0 && since) {
    const seconds = Math.floor((Date.now() - Date.parse(since)) / 1000);
    if (seconds > options.skipWaitForDeleteTimeoutSeconds)
      return { delete: false, kind: 'skip', message: '' };
  }
  return okay;
};

const daemonSetFilter: Filter = (pod, options, daemonSet) => {
  if (daemonSetToLookUp(pod) === undefined) return okay;
  if (daemonSet && !daemonSet.found) {
    // An orphan of a deleted DaemonSet goes only with --force (kubectl: a warning with the error).
    if (daemonSet.notFound && options.force)
      return { delete: true, kind: 'warning', message: daemonSet.error };
    return { delete: false, kind: 'error', message: daemonSet.error };
  }
  if (!options.ignoreDaemonSets) return { delete: false, kind: 'error', message: DAEMONSET_FATAL };
  return { delete: false, kind: 'warning', message: DAEMONSET_WARNING };
};

const mirrorFilter: Filter = (pod) =>
  pod.metadata.annotations && MIRROR_POD_ANNOTATION in pod.metadata.annotations
    ? { delete: false, kind: 'skip', message: '' }
    : okay;

const hasLocalStorage = (pod: PodJson): boolean =>
  (pod.spec?.volumes ?? []).some((volume) => volume.emptyDir !== undefined && volume.emptyDir !== null);

const localStorageFilter: Filter = (pod, options) => {
  if (!hasLocalStorage(pod) || isFinished(pod)) return okay;
  if (!options.deleteEmptyDirData) return { delete: false, kind: 'error', message: LOCAL_STORAGE_FATAL };
  return { delete: true, kind: 'warning', message: LOCAL_STORAGE_WARNING };
};

const unreplicatedFilter: Filter = (pod, options) => {
  if (isFinished(pod) || controllerOf(pod)) return okay;
  if (options.force) return { delete: true, kind: 'warning', message: UNMANAGED_WARNING };
  return { delete: false, kind: 'error', message: UNMANAGED_FATAL };
};

/** kubectl's makeFilters() order. */
const FILTERS: readonly Filter[] = [
  skipDeleted,
  daemonSetFilter,
  mirrorFilter,
  localStorageFilter,
  unreplicatedFilter,
];

/** The verdict for one pod: the filters in order, stopping at the first that keeps the pod. */
export function podVerdict(
  pod: PodJson,
  options: DrainFilterOptions,
  daemonSet?: DaemonSetLookup,
): PodVerdict {
  let verdict = okay;
  for (const filter of FILTERS) {
    verdict = filter(pod, options, daemonSet);
    if (!verdict.delete) break;
  }
  return verdict;
}

/** Why a pod that is kept stays, in words for the skip list (kubectl prints nothing for these). */
export function skipReason(pod: PodJson, verdict: PodVerdict): string {
  if (verdict.message) return verdict.message;
  if (pod.metadata.annotations && MIRROR_POD_ANNOTATION in pod.metadata.annotations)
    return 'mirror pod (managed by the kubelet)';
  return 'already being deleted';
}
