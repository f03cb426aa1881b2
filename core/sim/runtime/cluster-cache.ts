import { apiResources, keys, resourceKey } from '../store/api-resources.ts';
import type { KubeObject, StoreEvent } from '../store/kube-object.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { isTerminal, objectKey, podShape, splitKey } from '../kube/pods.ts';
import type { Node, Pod } from '../kube/types.ts';

/** What a node has promised to its pods: the scheduler's NodeInfo, kept up to date from the store. */
export interface NodeAllocation {
  cpuMillis: number;
  memoryBytes: number;
  ephemeralBytes: number;
  nonZeroCpuMillis: number;
  nonZeroMemoryBytes: number;
  pods: number;
}

interface PodEntry {
  node: string | undefined;
  counted: boolean;
  cpuMillis: number;
  memoryBytes: number;
  ephemeralBytes: number;
  nonZeroCpuMillis: number;
  nonZeroMemoryBytes: number;
}

/** A reference to a stored object: its resource key and storage key, joined by '|'. */
export type ObjectRef = string;

export function refOf(resource: string, key: string): ObjectRef {
  return [resource, key].join('|');
}

export function parseRef(ref: ObjectRef): { resource: string; namespace: string | undefined; name: string } {
  const bar = ref.indexOf('|');
  const [namespace, name] = splitKey(ref.slice(bar + 1));
  return { resource: ref.slice(0, bar), namespace, name };
}

// Events are many and own nothing; metrics are not stored.
const SKIPPED = new Set([keys.events]);

/**
 * The shared informer cache of the simulated control plane: the indexes controllers need that
 * the store does not keep (pods by node, dependents by owner uid, objects by uid, requested
 * resources per node). Updated synchronously from every store write, whoever made it.
 */
export class ClusterCache {
  private readonly pods = new Map<string, PodEntry>();
  /** The current object of every pod, straight from the store's events (stored objects never change). */
  private readonly podObjects = new Map<string, Pod>();
  private readonly podsByNode = new Map<string, Set<string>>();
  private readonly allocations = new Map<string, NodeAllocation>();
  private readonly dependents = new Map<string, Set<ObjectRef>>();
  private readonly owners = new Map<ObjectRef, string[]>();
  private readonly byUid = new Map<string, ObjectRef>();
  private nodeList: Node[] | undefined;

  constructor(private readonly store: ObjectStore) {}

  /** Index everything in the store (after a bulk load, which records no events). */
  rebuild(): void {
    this.pods.clear();
    this.podObjects.clear();
    this.podsByNode.clear();
    this.allocations.clear();
    this.dependents.clear();
    this.owners.clear();
    this.byUid.clear();
    this.nodeList = undefined;
    for (const resource of apiResources) {
      const key = resourceKey(resource);
      if (SKIPPED.has(key as typeof keys.events) || resource.group === 'metrics.k8s.io') continue;
      for (const object of this.store.list(key))
        this.apply({ type: 'ADDED', resource: key, object, resourceVersion: 0 });
    }
  }

  apply(event: StoreEvent): void {
    const { resource, object } = event;
    if (SKIPPED.has(resource as typeof keys.events)) return;
    const key = objectKey(object);
    const ref = refOf(resource, key);
    const deleted = event.type === 'DELETED';
    this.indexOwners(ref, object, deleted);
    if (resource === keys.pods) this.indexPod(key, object as Pod, deleted);
    if (resource === keys.nodes) this.nodeList = undefined;
  }

  private indexOwners(ref: ObjectRef, object: KubeObject, deleted: boolean): void {
    const uid = object.metadata.uid;
    if (uid) {
      if (deleted) this.byUid.delete(uid);
      else this.byUid.set(uid, ref);
    }
    const previous = this.owners.get(ref);
    const next = deleted ? [] : (object.metadata.ownerReferences ?? []).map((o) => o.uid);
    if (previous && previous.length === next.length && previous.every((u, i) => u === next[i])) return;
    for (const owner of previous ?? []) {
      const set = this.dependents.get(owner);
      set?.delete(ref);
      if (set?.size === 0) this.dependents.delete(owner);
    }
    for (const owner of next) {
      let set = this.dependents.get(owner);
      if (!set) this.dependents.set(owner, (set = new Set()));
      set.add(ref);
    }
    if (next.length > 0) this.owners.set(ref, next);
    else this.owners.delete(ref);
  }

  private indexPod(key: string, pod: Pod, deleted: boolean): void {
    const previous = this.pods.get(key);
    if (previous) {
      if (previous.node) this.podsByNode.get(previous.node)?.delete(key);
      if (previous.counted && previous.node) this.account(previous.node, previous, -1);
    }
    if (deleted) {
      this.pods.delete(key);
      this.podObjects.delete(key);
      return;
    }
    this.podObjects.set(key, pod);
    const node = pod.spec.nodeName || undefined;
    const shape = podShape(pod.spec);
    const entry: PodEntry = {
      node,
      counted: node !== undefined && !isTerminal(pod),
      cpuMillis: shape.requests.cpuMillis,
      memoryBytes: shape.requests.memoryBytes,
      ephemeralBytes: shape.requests.ephemeralBytes,
      nonZeroCpuMillis: shape.nonZeroRequests.cpuMillis,
      nonZeroMemoryBytes: shape.nonZeroRequests.memoryBytes,
    };
    this.pods.set(key, entry);
    if (node) {
      let set = this.podsByNode.get(node);
      if (!set) this.podsByNode.set(node, (set = new Set()));
      set.add(key);
      if (entry.counted) this.account(node, entry, 1);
    }
  }

  private account(node: string, entry: PodEntry, sign: 1 | -1): void {
    const a = this.allocation(node);
    a.cpuMillis += sign * entry.cpuMillis;
    a.memoryBytes += sign * entry.memoryBytes;
    a.ephemeralBytes += sign * entry.ephemeralBytes;
    a.nonZeroCpuMillis += sign * entry.nonZeroCpuMillis;
    a.nonZeroMemoryBytes += sign * entry.nonZeroMemoryBytes;
    a.pods += sign;
  }

  /**
   * Requests of the non-terminal pods bound to a node. The object is live: it changes as pods
   * come and go, so the scheduler can hold it for as long as the node exists.
   */
  allocation(node: string): NodeAllocation {
    let a = this.allocations.get(node);
    if (!a) {
      a = {
        cpuMillis: 0,
        memoryBytes: 0,
        ephemeralBytes: 0,
        nonZeroCpuMillis: 0,
        nonZeroMemoryBytes: 0,
        pods: 0,
      };
      this.allocations.set(node, a);
    }
    return a;
  }

  /** Pods bound to a node (any phase), in the order they were bound. */
  podsOn(node: string): Pod[] {
    const result: Pod[] = [];
    for (const key of this.podsByNode.get(node) ?? []) {
      const pod = this.podObjects.get(key);
      if (pod) result.push(pod);
    }
    return result;
  }

  /** A pod by `namespace/name`, as the store holds it now. */
  pod(key: string): Pod | undefined {
    return this.podObjects.get(key);
  }

  podKeysOn(node: string): ReadonlySet<string> {
    return this.podsByNode.get(node) ?? new Set();
  }

  /** Objects of `resource` with an ownerReference to `uid`. */
  dependentsOf<T extends KubeObject = KubeObject>(uid: string, resource?: string): T[] {
    const result: T[] = [];
    const podPrefix = `${keys.pods}|`;
    for (const ref of this.dependents.get(uid) ?? []) {
      if (ref.startsWith(podPrefix)) {
        if (resource !== undefined && resource !== keys.pods) continue;
        const pod = this.podObjects.get(ref.slice(podPrefix.length));
        if (pod) result.push(pod as unknown as T);
        continue;
      }
      const { resource: r, namespace, name } = parseRef(ref);
      if (resource !== undefined && r !== resource) continue;
      const object = this.store.get(r, namespace, name);
      if (object) result.push(object as T);
    }
    return result;
  }

  dependentRefs(uid: string): readonly ObjectRef[] {
    return [...(this.dependents.get(uid) ?? [])];
  }

  ownersOf(ref: ObjectRef): readonly string[] {
    return this.owners.get(ref) ?? [];
  }

  exists(uid: string): boolean {
    return this.byUid.has(uid);
  }

  refOfUid(uid: string): ObjectRef | undefined {
    return this.byUid.get(uid);
  }

  getByUid<T extends KubeObject = KubeObject>(uid: string): T | undefined {
    const ref = this.byUid.get(uid);
    if (!ref) return undefined;
    const { resource, namespace, name } = parseRef(ref);
    return this.store.get(resource, namespace, name) as T | undefined;
  }

  /** All nodes in name order; the array is shared until a node changes, so never modify it. */
  nodes(): readonly Node[] {
    this.nodeList ??= this.store.list(keys.nodes) as Node[];
    return this.nodeList;
  }
}
