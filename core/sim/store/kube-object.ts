/**
 * Kubernetes objects as the simulated API server stores them: plain JSON, exactly what goes
 * over the wire. Controllers in core/sim read and write these, like real controllers do.
 */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change, as a watch delivers it. */
export interface StoreEvent {
  type: WatchEventType;
  /** The resource's key (see api-resources.ts: `group/plural`). */
  resource: string;
  object: KubeObject;
  resourceVersion: number;
}

/** Storage key: `name` for cluster-scoped objects, `namespace/name` for namespaced ones. */
export function storageKey(namespace: string | undefined, name: string): string {
  // Joined into one flat string: a template literal keeps a two-piece rope per key, and the
  // store holds one key per object (150,000 pods in the large simulation).
  return namespace ? [namespace, name].join('/') : name;
}
