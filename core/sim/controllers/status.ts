import type { KubeObject } from '../store/kube-object.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { sameJson } from '../kube/conditions.ts';

/**
 * Writes `status` when it differs from what is stored (an UpdateStatus that skips no-ops). The
 * new object shares everything but its status with the stored one; stored objects are never
 * changed in place, so sharing is safe and spares a deep copy on the hottest write path.
 */
export function writeStatus(
  store: ObjectStore,
  resource: string,
  object: KubeObject,
  status: object,
): KubeObject {
  const current = store.get(resource, object.metadata.namespace, object.metadata.name ?? '');
  if (!current) return object;
  if (sameJson(current['status'], status)) return current;
  return store.update(resource, { ...current, status });
}

/** Drops zero and undefined numbers, as Go's omitempty does for status fields. */
export function omitEmpty<T extends Record<string, unknown>>(fields: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(fields) as [keyof T, unknown][]) {
    if (value === undefined || value === 0 || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    out[key] = value as T[keyof T];
  }
  return out;
}
