import { apiResources, resourceKey } from '../../sim/store/api-resources.ts';
import { storageKey, type KubeObject, type StoreEvent } from '../../sim/store/kube-object.ts';
import type { ObjectStore } from '../../sim/store/object-store.ts';

/**
 * What a filtered watch needs beyond the store's change log: the object as it was *before* each
 * change. kube-apiserver's watch cache keeps it so that a watch with a selector sees an object
 * that stops matching as DELETED and one that starts matching as ADDED. The store's events carry
 * only the new object, so this keeps, per resource, the last object seen for each key (references
 * to immutable objects: cheap) and remembers the predecessor of recent events.
 */
export class WatchCache {
  private readonly latest = new Map<string, Map<string, KubeObject>>();
  private readonly previous = new Map<number, KubeObject | null>();
  private readonly order: number[] = [];
  private readonly unsubscribe: () => void;

  constructor(
    store: ObjectStore,
    private readonly limit = 10_000,
  ) {
    for (const resource of apiResources) {
      const key = resourceKey(resource);
      const objects = store.list(key);
      if (objects.length === 0) continue;
      const table = new Map<string, KubeObject>();
      for (const object of objects) table.set(keyOf(object), object);
      this.latest.set(key, table);
    }
    this.unsubscribe = store.subscribe((event) => this.record(event));
  }

  private record(event: StoreEvent): void {
    let table = this.latest.get(event.resource);
    if (!table) {
      table = new Map();
      this.latest.set(event.resource, table);
    }
    const key = keyOf(event.object);
    this.previous.set(event.resourceVersion, table.get(key) ?? null);
    if (event.type === 'DELETED') table.delete(key);
    else table.set(key, event.object);
    this.order.push(event.resourceVersion);
    if (this.order.length > this.limit) {
      for (const old of this.order.splice(0, this.order.length - this.limit)) this.previous.delete(old);
    }
  }

  /**
   * The object before the change at `resourceVersion`: null when the change created it,
   * undefined when the cache does not know (the change is older than the cache).
   */
  before(resourceVersion: number): KubeObject | null | undefined {
    return this.previous.get(resourceVersion);
  }

  close(): void {
    this.unsubscribe();
  }
}

function keyOf(object: KubeObject): string {
  return storageKey(object.metadata.namespace, object.metadata.name ?? '');
}

export type WatchEventOut = 'ADDED' | 'MODIFIED' | 'DELETED';

/**
 * The event a filtered watcher sees for a store event, or undefined when it sees none. Without
 * knowledge of the old object, the old object is assumed to have matched as the new one does.
 */
export function filteredEventType(
  type: StoreEvent['type'],
  matchesNow: boolean,
  matchedBefore: boolean | undefined,
): WatchEventOut | undefined {
  if (type === 'ADDED') return matchesNow ? 'ADDED' : undefined;
  if (type === 'DELETED') return (matchedBefore ?? matchesNow) || matchesNow ? 'DELETED' : undefined;
  const before = matchedBefore ?? matchesNow;
  if (matchesNow && before) return 'MODIFIED';
  if (matchesNow) return 'ADDED';
  if (before) return 'DELETED';
  return undefined;
}
