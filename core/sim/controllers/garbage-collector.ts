import { keys } from '../store/api-resources.ts';
import type { StoreEvent } from '../store/kube-object.ts';
import { objectKey } from '../kube/pods.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import { parseRef, refOf, type ObjectRef } from '../runtime/cluster-cache.ts';
import { deleteObject } from '../runtime/pod-deletion.ts';
import { WorkQueue } from '../runtime/work-queue.ts';

/**
 * pkg/controller/garbagecollector with background propagation: an object whose owners are all
 * gone is deleted (pods gracefully), so deleting a Deployment takes its ReplicaSets and then
 * their pods; references to owners that are gone while others remain are dropped.
 */
export class GarbageCollector implements Component {
  readonly name = 'garbage-collector';
  /** Objects whose owners must be checked. */
  private readonly queue = new WorkQueue<ObjectRef>();

  constructor(private readonly ctx: SimContext) {}

  observe(event: StoreEvent): void {
    if (event.resource === keys.events) return;
    const uid = event.object.metadata.uid;
    if (event.type === 'DELETED') {
      if (uid) for (const ref of this.ctx.cache.dependentRefs(uid)) this.queue.add(ref);
      return;
    }
    const owners = event.object.metadata.ownerReferences;
    if (owners && owners.some((o) => !this.ctx.cache.exists(o.uid))) {
      this.queue.add(refOf(event.resource, objectKey(event.object)));
    }
  }

  tick(nowMs: number): void {
    for (const ref of this.queue.drain()) this.verify(ref, nowMs);
  }

  private verify(ref: ObjectRef, nowMs: number): void {
    const { resource, namespace, name } = parseRef(ref);
    const object = this.ctx.store.get(resource, namespace, name);
    const owners = object?.metadata.ownerReferences;
    if (!object || !owners || owners.length === 0) return;
    const alive = owners.filter((o) => this.ctx.cache.exists(o.uid));
    if (alive.length === owners.length) return;
    if (alive.length === 0) {
      if (resource !== keys.pods || !object.metadata.deletionTimestamp)
        deleteObject(this.ctx.store, resource, object, nowMs);
      return;
    }
    this.ctx.store.mutate(resource, namespace, name, (draft) => {
      draft.metadata.ownerReferences = alive;
    });
  }
}
