import { storageKey, type KubeObject, type StoreEvent, type WatchEventType } from './kube-object.ts';
import { SortedKeys } from './sorted-keys.ts';
import { StoreError } from './store-error.ts';

export interface ObjectStoreOptions {
  /** Simulated epoch ms, for creationTimestamp. */
  now: () => number;
  /** A new unique uid (deterministic in the simulator: derived from its seed). */
  newUid: () => string;
  /** How many recent changes a watch can resume from before it gets 410 Gone. */
  historyLimit?: number;
}

interface ResourceTable {
  objects: Map<string, KubeObject>;
  keys: SortedKeys;
}

export type ChangesSince = { events: StoreEvent[] } | { expired: true; oldest: number };

const defaultHistoryLimit = 10_000;

/**
 * The simulated cluster's state, as the API server's storage holds it: objects by resource and
 * key, one global resourceVersion, and a bounded log of changes for watches. Stored objects are
 * never mutated in place: every write stores a new object, so a reader (a list being streamed,
 * a watch event) can hold one safely.
 */
export class ObjectStore {
  private readonly tables = new Map<string, ResourceTable>();
  private readonly history: StoreEvent[] = [];
  private readonly historyLimit: number;
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private version = 1;

  constructor(private readonly options: ObjectStoreOptions) {
    this.historyLimit = options.historyLimit ?? defaultHistoryLimit;
  }

  /** The newest resourceVersion: what a list reports as its own. */
  get resourceVersion(): number {
    return this.version;
  }

  private table(resource: string): ResourceTable {
    let table = this.tables.get(resource);
    if (!table) {
      table = { objects: new Map(), keys: new SortedKeys() };
      this.tables.set(resource, table);
    }
    return table;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.tables.get(resource)?.objects.get(storageKey(namespace, name));
  }

  /** Objects in API order; all namespaces when `namespace` is undefined. */
  list(resource: string, namespace?: string): KubeObject[] {
    const table = this.tables.get(resource);
    if (!table) return [];
    const keys = table.keys.all;
    const { from, to } = namespace ? table.keys.prefixRange(`${namespace}/`) : { from: 0, to: keys.length };
    const result: KubeObject[] = [];
    for (let i = from; i < to; i++) {
      const object = table.objects.get(keys[i] as string);
      if (object) result.push(object);
    }
    return result;
  }

  /** The sorted keys of a resource, for paging without copying objects. */
  keysOf(resource: string): SortedKeys {
    return this.table(resource).keys;
  }

  count(resource: string): number {
    return this.tables.get(resource)?.objects.size ?? 0;
  }

  private stamp(object: KubeObject, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
    this.version += 1;
    return { ...object, metadata: { ...object.metadata, ...extra, resourceVersion: String(this.version) } };
  }

  private record(type: WatchEventType, resource: string, object: KubeObject): void {
    const event: StoreEvent = { type, resource, object, resourceVersion: this.version };
    this.history.push(event);
    // Trim in batches: dropping one entry per write shifts the whole log every time.
    if (this.history.length > this.historyLimit + Math.max(1, this.historyLimit >> 3))
      this.history.splice(0, this.history.length - this.historyLimit);
    for (const listener of this.listeners) listener(event);
  }

  create(resource: string, object: KubeObject): KubeObject {
    const { name, namespace } = object.metadata;
    if (!name) throw new StoreError('Invalid', `${object.kind}: metadata.name is required`);
    const table = this.table(resource);
    const key = storageKey(namespace, name);
    if (table.objects.has(key)) {
      throw new StoreError('AlreadyExists', `${object.kind.toLowerCase()}s "${name}" already exists`);
    }
    const stored = this.stamp(object, {
      uid: object.metadata.uid ?? this.options.newUid(),
      creationTimestamp: object.metadata.creationTimestamp ?? isoSeconds(this.options.now()),
      generation: object.metadata.generation ?? 1,
    });
    table.objects.set(key, stored);
    table.keys.add(key);
    this.record('ADDED', resource, stored);
    return stored;
  }

  /**
   * Loads many objects at once without recording watch events: the initial state of a freshly
   * built cluster, which no watcher can have seen.
   */
  load(resource: string, objects: readonly KubeObject[]): void {
    const table = this.table(resource);
    const keys: string[] = [];
    for (const object of objects) {
      const key = storageKey(object.metadata.namespace, object.metadata.name ?? '');
      this.version += 1;
      table.objects.set(key, {
        ...object,
        metadata: {
          ...object.metadata,
          uid: object.metadata.uid ?? this.options.newUid(),
          creationTimestamp: object.metadata.creationTimestamp ?? isoSeconds(this.options.now()),
          resourceVersion: String(this.version),
        },
      });
      keys.push(key);
    }
    table.keys.addMany(keys);
  }

  /**
   * Replaces an object. With `expectedResourceVersion` (what the writer read), a stale write is
   * a Conflict, as optimistic concurrency works in the API server. Generation moves when the
   * spec changes.
   */
  update(resource: string, object: KubeObject, expectedResourceVersion?: string): KubeObject {
    const { name, namespace } = object.metadata;
    const key = storageKey(namespace, name ?? '');
    const table = this.table(resource);
    const current = table.objects.get(key);
    if (!current) throw new StoreError('NotFound', `${object.kind.toLowerCase()}s "${name}" not found`);
    if (expectedResourceVersion && expectedResourceVersion !== current.metadata.resourceVersion) {
      throw new StoreError(
        'Conflict',
        `Operation cannot be fulfilled on ${object.kind.toLowerCase()}s "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    const specChanged = JSON.stringify(current['spec']) !== JSON.stringify(object['spec']);
    const stored = this.stamp(object, {
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
      generation: (current.metadata.generation ?? 1) + (specChanged ? 1 : 0),
    });
    table.objects.set(key, stored);
    this.record('MODIFIED', resource, stored);
    return stored;
  }

  /** Read-modify-write for controllers: `change` edits a deep copy; nothing is written if it returns false. */
  mutate(
    resource: string,
    namespace: string | undefined,
    name: string,
    change: (draft: KubeObject) => boolean | void,
  ): KubeObject | undefined {
    const current = this.get(resource, namespace, name);
    if (!current) return undefined;
    const draft = structuredClone(current);
    if (change(draft) === false) return current;
    return this.update(resource, draft);
  }

  delete(resource: string, namespace: string | undefined, name: string): KubeObject {
    const table = this.table(resource);
    const key = storageKey(namespace, name);
    const current = table.objects.get(key);
    if (!current) throw new StoreError('NotFound', `${resource.split('/')[1]} "${name}" not found`);
    table.objects.delete(key);
    table.keys.remove(key);
    const deleted = this.stamp(current);
    this.record('DELETED', resource, deleted);
    return deleted;
  }

  /** Changes after `resourceVersion`, or `expired` when the log no longer reaches back that far (410 Gone). */
  changesSince(resourceVersion: number, resource?: string): ChangesSince {
    const oldest = this.history[0]?.resourceVersion ?? this.version + 1;
    if (resourceVersion < oldest - 1 && resourceVersion < this.version) return { expired: true, oldest };
    const events = this.history.filter(
      (e) => e.resourceVersion > resourceVersion && (resource === undefined || e.resource === resource),
    );
    return { events };
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** RFC 3339 with whole seconds, as Kubernetes writes timestamps. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
