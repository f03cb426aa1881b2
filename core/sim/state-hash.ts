import { createHash } from 'node:crypto';
import { apiResources, resourceKey } from './store/api-resources.ts';
import type { ObjectStore } from './store/object-store.ts';

/**
 * A digest of everything in the store, resource by resource in API order: two simulations with
 * equal digests hold identical objects (resourceVersions included).
 */
export function storeDigest(store: ObjectStore): string {
  const hash = createHash('sha256');
  for (const resource of apiResources) {
    const key = resourceKey(resource);
    if (resource.group === 'metrics.k8s.io') continue;
    hash.update(`\u0000${key}\u0000`);
    for (const object of store.list(key)) hash.update(JSON.stringify(object));
  }
  hash.update(`\u0000rv=${store.resourceVersion}`);
  return hash.digest('hex');
}
