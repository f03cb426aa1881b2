import { keys } from '../store/api-resources.ts';
import type { KubeObject, StoreEvent } from '../store/kube-object.ts';
import { controllerRef } from '../kube/pods.ts';
import type { Pod } from '../kube/types.ts';
import type { ClusterCache } from '../runtime/cluster-cache.ts';

/** The pods an object controls (its controllerRef points at it). */
export function ownedPods(cache: ClusterCache, owner: KubeObject): Pod[] {
  const uid = owner.metadata.uid ?? '';
  return cache.dependentsOf<Pod>(uid, keys.pods).filter((p) => controllerRef(p)?.uid === uid);
}

/** The `namespace/name` of the owner of `kind` a pod event concerns, if any. */
export function ownerKeyOf(event: StoreEvent, kind: string): string | undefined {
  if (event.resource !== keys.pods) return undefined;
  const owner = controllerRef(event.object);
  return owner?.kind === kind ? `${event.object.metadata.namespace}/${owner.name}` : undefined;
}
