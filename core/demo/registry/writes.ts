import { apiVersionOf, resourceKey, type ApiResource } from '../../sim/store/api-resources.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import { isoSeconds } from '../../sim/store/object-store.ts';
import { StoreError } from '../../sim/store/store-error.ts';
import { jsonEqual } from '../patch/json.ts';
import { isRecord } from '../rest/body.ts';
import type { ApiContext } from '../rest/context.ts';
import {
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  invalid,
  notFound,
  STALE_OBJECT,
} from '../status.ts';
import { validateObject } from '../validation/validate.ts';
import { applyDefaults } from './defaults.ts';
import { prepareForCreate, prepareForStatusUpdate, prepareForUpdate } from './strategy.ts';

/**
 * Create and update as kube-apiserver's generic registry runs them: decode, check the object
 * against the URL, let the strategy reset what the server owns, default, validate (422), check
 * optimistic concurrency (409), then store, or with dryRun stop just before storing.
 */

export interface WriteOptions {
  dryRun: boolean;
}

/** The JSON of a request body as an object of this resource, checked against the URL. */
export function decodeObject(body: unknown, resource: ApiResource): KubeObject {
  if (!isRecord(body)) throw badRequest('the body of the request must be a JSON object');
  const apiVersion = apiVersionOf(resource);
  if (body.apiVersion !== undefined && body.apiVersion !== apiVersion) {
    throw badRequest(
      `the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${apiVersion})`,
    );
  }
  if (body.kind !== undefined && body.kind !== resource.kind) {
    throw badRequest(
      `the kind in the data (${String(body.kind)}) does not match the expected kind (${resource.kind})`,
    );
  }
  const metadata = isRecord(body.metadata) ? { ...body.metadata } : {};
  delete metadata.managedFields;
  return { ...body, apiVersion, kind: resource.kind, metadata } as KubeObject;
}

export function createObject(
  ctx: ApiContext,
  resource: ApiResource,
  namespace: string,
  decoded: KubeObject,
  options: WriteOptions,
): KubeObject {
  const key = resourceKey(resource);
  const meta = { ...decoded.metadata };
  if (resource.namespaced) {
    if (meta.namespace && namespace && meta.namespace !== namespace) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    meta.namespace = namespace || meta.namespace;
  } else {
    delete meta.namespace;
  }
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${ctx.nameSuffix()}`;
  let object = prepareForCreate(key, { ...decoded, metadata: meta });
  // Jobs label their pods with their own uid, so it must exist before defaulting.
  if (key === 'batch/jobs') object.metadata.uid = ctx.newUid();
  object = structuredClone(object);
  applyDefaults(key, object);

  const causes = validateObject(resource, key, object);
  if (causes.length > 0)
    throw invalid(resource.kind, resource.group, meta.name ?? meta.generateName ?? '', causes);
  if (resource.namespaced) requireLiveNamespace(ctx, meta.namespace ?? '');
  if (ctx.store.get(key, object.metadata.namespace, object.metadata.name ?? '')) {
    throw alreadyExists(resource.plural, object.metadata.name ?? '', resource.group);
  }
  if (options.dryRun) {
    return {
      ...object,
      metadata: {
        ...object.metadata,
        uid: object.metadata.uid ?? ctx.newUid(),
        creationTimestamp: isoSeconds(ctx.backend.now()),
        generation: 1,
      },
    };
  }
  return storeCall(resource, object.metadata.name ?? '', () => ctx.store.create(key, object));
}

function requireLiveNamespace(ctx: ApiContext, namespace: string): void {
  const found = ctx.store.get('/namespaces', undefined, namespace);
  if (!found) throw notFound('namespaces', namespace);
  if (found.metadata.deletionTimestamp) {
    throw forbidden(`unable to create new content in namespace ${namespace} because it is being terminated`, {
      name: namespace,
      kind: 'namespaces',
    });
  }
}

/**
 * A full replacement (PUT, or the result of a PATCH) of the object or its status. `next` carries
 * the resourceVersion the client read; a stale one is a 409 Conflict.
 */
export function updateObject(
  ctx: ApiContext,
  resource: ApiResource,
  current: KubeObject,
  next: KubeObject,
  options: WriteOptions & { status?: boolean },
): KubeObject {
  const key = resourceKey(resource);
  const name = current.metadata.name ?? '';
  const expected = next.metadata.resourceVersion;
  if (expected && expected !== current.metadata.resourceVersion) {
    throw conflict(resource.plural, name, resource.group, STALE_OBJECT);
  }
  let prepared = options.status
    ? prepareForStatusUpdate(next, current)
    : prepareForUpdate(resource, { ...next, metadata: { ...next.metadata } }, current);
  prepared = structuredClone(prepared);
  if (!options.status) applyDefaults(key, prepared);
  prepared.metadata.resourceVersion = current.metadata.resourceVersion;

  // Compare with the stored object as kube-apiserver sees it: defaulted on the way out of
  // storage. Objects controllers wrote straight into the store may lack defaults; a label patch
  // must not read as an attempt to change a pod's spec.
  const stored = structuredClone(current);
  if (!options.status) applyDefaults(key, stored);
  const causes = validateObject(resource, key, prepared, stored);
  if (causes.length > 0) throw invalid(resource.kind, resource.group, name, causes);

  // A write that changes nothing stores nothing, so `kubectl apply` twice is quiet.
  if (sameContent(prepared, stored)) return current;

  // The last finalizer gone from an object being deleted: now it really goes.
  if (
    current.metadata.deletionTimestamp &&
    (prepared.metadata.finalizers ?? []).length === 0 &&
    key !== '/pods'
  ) {
    if (options.dryRun) return prepared;
    return storeCall(resource, name, () => ctx.store.delete(key, current.metadata.namespace, name));
  }
  if (options.dryRun) return prepared;
  return storeCall(resource, name, () => ctx.store.update(key, prepared, current.metadata.resourceVersion));
}

function sameContent(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => ({
    ...o,
    metadata: { ...o.metadata, resourceVersion: '', generation: 0 },
  });
  return jsonEqual(strip(a), strip(b));
}

/** Runs a store operation, turning its refusals into the API server's Status errors. */
export function storeCall<T>(resource: ApiResource, name: string, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    switch (error.reason) {
      case 'NotFound':
        throw notFound(resource.plural, name, resource.group);
      case 'AlreadyExists':
        throw alreadyExists(resource.plural, name, resource.group);
      case 'Conflict':
        throw conflict(resource.plural, name, resource.group, STALE_OBJECT);
      case 'Invalid':
        throw invalid(resource.kind, resource.group, name, [
          { reason: 'FieldValueInvalid', message: error.message },
        ]);
    }
  }
}
