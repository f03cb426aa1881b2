import { keys } from '../store/api-resources.ts';
import type { KubeObject } from '../store/kube-object.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { rfc3339 } from '../kube/time.ts';
import { isTerminal } from '../kube/pods.ts';
import type { Pod } from '../kube/types.ts';

/**
 * DELETE of a pod as the API server handles it (pkg/registry/core/pod/strategy.go
 * CheckGracefulDelete): a pod that never ran or has finished goes at once; a running one gets
 * deletionTimestamp = now + grace period and stays until its kubelet has stopped it. Returns the
 * pod as stored afterwards, or undefined when it is gone.
 */
export function deletePod(
  store: ObjectStore,
  pod: Pod,
  nowMs: number,
  gracePeriodSeconds?: number,
): Pod | undefined {
  const { namespace, name } = pod.metadata;
  const current = store.get(keys.pods, namespace, name ?? '') as Pod | undefined;
  if (!current) return undefined;
  const grace = gracePeriodSeconds ?? current.spec.terminationGracePeriodSeconds ?? 30;
  if (!current.spec.nodeName || isTerminal(current) || grace <= 0) {
    store.delete(keys.pods, namespace, name ?? '');
    return undefined;
  }
  const existing = current.metadata.deletionGracePeriodSeconds;
  // A second delete may shorten the grace period, never lengthen it.
  if (current.metadata.deletionTimestamp && existing !== undefined && existing <= grace) return current;
  return store.mutate(keys.pods, namespace, name ?? '', (draft) => {
    draft.metadata.deletionTimestamp = rfc3339(nowMs + grace * 1000);
    draft.metadata.deletionGracePeriodSeconds = grace;
  }) as Pod | undefined;
}

/** Deletes any object: pods gracefully, everything else at once. */
export function deleteObject(store: ObjectStore, resource: string, object: KubeObject, nowMs: number): void {
  if (resource === keys.pods) {
    deletePod(store, object as Pod, nowMs);
    return;
  }
  const { namespace, name } = object.metadata;
  if (store.get(resource, namespace, name ?? '')) store.delete(resource, namespace, name ?? '');
}
