import type { RawObject } from './resource-mirror.ts';
import { Interner } from './interner.ts';

/**
 * Nodes and pods as Kubernetes JSON, trimmed to what kube-scheduler's filters and scores read
 * (and what drain and PDB matching need): placement runs on the same shapes a `kubectl get -o
 * json` snapshot has, while the mirror keeps a fraction of each object's size.
 */
export interface TrimmedNode {
  metadata: { name: string; labels?: Record<string, string> };
  spec: { unschedulable?: boolean; taints?: unknown[] };
  status: {
    allocatable?: Record<string, string>;
    capacity?: Record<string, string>;
    conditions?: Array<{ type: string; status: string }>;
  };
}

export interface TrimmedContainer {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  /** Init containers with restartPolicy Always are sidecars: the scheduler counts them differently. */
  restartPolicy?: string;
}

export interface TrimmedPod {
  metadata: {
    name: string;
    namespace: string;
    uid?: string;
    labels?: Record<string, string>;
    ownerReferences?: Array<{ kind: string; name: string; controller?: boolean }>;
    annotations?: Record<string, string>;
    deletionTimestamp?: string;
  };
  spec: {
    nodeName?: string;
    containers: TrimmedContainer[];
    initContainers?: TrimmedContainer[];
    overhead?: Record<string, string>;
    tolerations?: unknown[];
    nodeSelector?: Record<string, string>;
    affinity?: unknown;
    priority?: number;
    schedulerName?: string;
  };
  status: { phase?: string };
}

/** One per thread: pods of a workload share their template's parts (see Interner). */
const shared = new Interner();

/** Annotations worth their memory: the one that marks a static (mirror) pod. */
const keptAnnotations = ['kubernetes.io/config.mirror'];

type Loose = Record<string, unknown>;

function record(value: unknown): Loose | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined;
}

function stringMap(value: unknown): Record<string, string> | undefined {
  const map = record(value);
  if (!map) return undefined;
  const entries = Object.entries(map).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function nonEmptyArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value : undefined;
}

/** Leaves out keys whose value is undefined, so trimmed objects carry no empty fields. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function trimContainer(raw: unknown): TrimmedContainer {
  const container = record(raw) ?? {};
  const resources = record(container['resources']);
  const requests = stringMap(resources?.['requests']);
  const limits = stringMap(resources?.['limits']);
  return compact({
    name: typeof container['name'] === 'string' ? container['name'] : '',
    resources: requests || limits ? compact({ requests, limits }) : undefined,
    restartPolicy: typeof container['restartPolicy'] === 'string' ? container['restartPolicy'] : undefined,
  });
}

function trimContainers(raw: unknown): TrimmedContainer[] | undefined {
  return Array.isArray(raw) && raw.length > 0 ? raw.map(trimContainer) : undefined;
}

function ownerReferences(raw: unknown): TrimmedPod['metadata']['ownerReferences'] {
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  return raw.map((ref) => {
    const owner = record(ref) ?? {};
    return compact({
      kind: String(owner['kind'] ?? ''),
      name: String(owner['name'] ?? ''),
      controller: owner['controller'] === true ? true : undefined,
    });
  });
}

export function trimPod(raw: RawObject): TrimmedPod {
  const metadata = (record(raw.metadata) ?? {}) as Loose;
  const spec = record(raw['spec']) ?? {};
  const status = record(raw['status']) ?? {};
  const annotations = stringMap(metadata['annotations']);
  const kept = annotations
    ? Object.fromEntries(Object.entries(annotations).filter(([key]) => keptAnnotations.includes(key)))
    : {};
  return {
    metadata: compact({
      name: String(metadata['name'] ?? ''),
      namespace: String(metadata['namespace'] ?? ''),
      uid: typeof metadata['uid'] === 'string' ? metadata['uid'] : undefined,
      labels: shared.intern(stringMap(metadata['labels'])),
      ownerReferences: shared.intern(ownerReferences(metadata['ownerReferences'])),
      annotations: Object.keys(kept).length > 0 ? kept : undefined,
      deletionTimestamp:
        typeof metadata['deletionTimestamp'] === 'string' ? metadata['deletionTimestamp'] : undefined,
    }),
    spec: compact({
      nodeName: typeof spec['nodeName'] === 'string' ? spec['nodeName'] : undefined,
      containers: shared.intern(trimContainers(spec['containers']) ?? []),
      initContainers: shared.intern(trimContainers(spec['initContainers'])),
      overhead: shared.intern(stringMap(spec['overhead'])),
      tolerations: shared.intern(nonEmptyArray(spec['tolerations'])),
      nodeSelector: shared.intern(stringMap(spec['nodeSelector'])),
      affinity: shared.intern(record(spec['affinity'])),
      priority: typeof spec['priority'] === 'number' ? spec['priority'] : undefined,
      schedulerName: typeof spec['schedulerName'] === 'string' ? spec['schedulerName'] : undefined,
    }),
    status: compact({ phase: typeof status['phase'] === 'string' ? status['phase'] : undefined }),
  };
}

export function trimNode(raw: RawObject): TrimmedNode {
  const metadata = (record(raw.metadata) ?? {}) as Loose;
  const spec = record(raw['spec']) ?? {};
  const status = record(raw['status']) ?? {};
  const conditions = Array.isArray(status['conditions'])
    ? status['conditions']
        .map((c) => record(c) ?? {})
        .filter((c) => typeof c['type'] === 'string' && typeof c['status'] === 'string')
        .map((c) => ({ type: c['type'] as string, status: c['status'] as string }))
    : undefined;
  return {
    metadata: compact({ name: String(metadata['name'] ?? ''), labels: stringMap(metadata['labels']) }),
    spec: compact({
      unschedulable: spec['unschedulable'] === true ? true : undefined,
      taints: nonEmptyArray(spec['taints']),
    }),
    status: compact({
      allocatable: stringMap(status['allocatable']),
      capacity: stringMap(status['capacity']),
      conditions,
    }),
  };
}
