import { keys, type ApiResource } from '../../sim/store/api-resources.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import { qosClass } from './defaults.ts';

/**
 * What the API server's registry strategies do to an object before storing it
 * (PrepareForCreate / PrepareForUpdate in pkg/registry/<group>/<kind>/strategy.go): the server
 * owns metadata it stamps itself, and a write to the main resource never changes status (that
 * is what the status subresource is for), just as a status write never changes the spec.
 */

/** Status an object starts with, whatever the client sent. */
export function initialStatus(resourceKey: string, object: KubeObject): unknown {
  switch (resourceKey) {
    case keys.pods:
      return { phase: 'Pending', qosClass: qosClass(object.spec) };
    case keys.namespaces:
      return { phase: 'Active' };
    case keys.nodes:
      // Nodes may be created with their status: kubelets register that way.
      return object.status;
    case keys.horizontalpodautoscalers:
      return { currentReplicas: 0, desiredReplicas: 0 };
    case keys.poddisruptionbudgets:
      return { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
    case keys.events:
    case keys.configmaps:
      return undefined;
    default:
      return {};
  }
}

export function prepareForCreate(resourceKey: string, object: KubeObject): KubeObject {
  const meta = { ...object.metadata };
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.creationTimestamp;
  delete meta.generation;
  const prepared: KubeObject = { ...object, metadata: meta };
  const status = initialStatus(resourceKey, object);
  if (status === undefined) delete prepared.status;
  else prepared.status = status;
  return prepared;
}

/** A write to the main resource: server-owned metadata and (where it has one) status are kept. */
export function prepareForUpdate(resource: ApiResource, next: KubeObject, current: KubeObject): KubeObject {
  const prepared: KubeObject = {
    ...next,
    metadata: {
      ...next.metadata,
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
      ...(current.metadata.deletionTimestamp === undefined
        ? {}
        : { deletionTimestamp: current.metadata.deletionTimestamp }),
      ...(current.metadata.deletionGracePeriodSeconds === undefined
        ? {}
        : { deletionGracePeriodSeconds: current.metadata.deletionGracePeriodSeconds }),
    },
  };
  if (next.metadata.deletionTimestamp !== undefined && current.metadata.deletionTimestamp === undefined) {
    delete prepared.metadata.deletionTimestamp;
    delete prepared.metadata.deletionGracePeriodSeconds;
  }
  delete prepared.metadata.generation;
  if (resource.subresources.includes('status')) {
    if (current.status === undefined) delete prepared.status;
    else prepared.status = current.status;
  }
  return prepared;
}

/** A write to the status subresource: only status (and nothing of metadata but labels) changes. */
export function prepareForStatusUpdate(next: KubeObject, current: KubeObject): KubeObject {
  const prepared: KubeObject = { ...current, metadata: { ...current.metadata } };
  if (next.status === undefined) delete prepared.status;
  else prepared.status = next.status;
  // Conflict detection still uses the resourceVersion the client sent.
  if (next.metadata.resourceVersion !== undefined)
    prepared.metadata.resourceVersion = next.metadata.resourceVersion;
  return prepared;
}
