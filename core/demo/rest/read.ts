import { apiVersionOf, resourceKey, type ApiResource } from '../../sim/store/api-resources.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import { jsonReply, listReply, type Reply } from '../respond.ts';
import { ApiError, badRequest, expired, notFound } from '../status.ts';
import { printerFor } from '../tables/printers.ts';
import { parseIncludeObject, tableRow, wantsTable } from '../tables/table.ts';
import { codecFor } from '../versions/codec.ts';
import type { ApiContext, ApiRequest } from './context.ts';
import { parseObjectFilter } from './object-filter.ts';
import { paginate, parsePageRequest, prefixRange, type Page } from './pagination.ts';

/** GET of one object and of lists: selectors, limit/continue, and Tables for kubectl. */

export function getObject(ctx: ApiContext, req: ApiRequest): Reply {
  const object = findObject(ctx, req.resource, req.info.namespace, req.info.name);
  if (wantsTable(req.headers.accept)) {
    return tableReply(ctx, req, { items: [object], resourceVersion: ctx.store.resourceVersion });
  }
  return jsonReply(codecFor(req.resource).fromStorage(object));
}

/** The stored object, or 404 in the API server's words. */
export function findObject(
  ctx: ApiContext,
  resource: ApiResource,
  namespace: string,
  name: string,
): KubeObject {
  const object = ctx.store.get(resourceKey(resource), resource.namespaced ? namespace : undefined, name);
  if (!object) throw notFound(resource.plural, name, resource.group);
  return object;
}

export function listObjects(ctx: ApiContext, req: ApiRequest): Reply {
  checkListVersion(req.query, ctx.store.resourceVersion);
  const page = listPage(ctx, req.resource, req.info.namespace, req.query);
  if (wantsTable(req.headers.accept)) return tableReply(ctx, req, page);
  return listReply(
    { kind: `${req.resource.kind}List`, apiVersion: apiVersionOf(req.resource), metadata: listMeta(page) },
    'items',
    page.items,
    codecFor(req.resource).fromStorage,
  );
}

/** One page of a list request's objects (all of them without `limit`). */
export function listPage(
  ctx: ApiContext,
  resource: ApiResource,
  namespace: string,
  query: URLSearchParams,
): Page<KubeObject> {
  const filter = parseObjectFilter(query, resource);
  const key = resourceKey(resource);
  const keys = ctx.store.keysOf(key).all;
  const range =
    resource.namespaced && namespace ? prefixRange(keys, `${namespace}/`) : { from: 0, to: keys.length };
  const lookup = (storageKey: string): KubeObject | undefined => {
    const slash = resource.namespaced ? storageKey.indexOf('/') : -1;
    return slash < 0
      ? ctx.store.get(key, undefined, storageKey)
      : ctx.store.get(key, storageKey.slice(0, slash), storageKey.slice(slash + 1));
  };
  return paginate(keys, range, parsePageRequest(query), ctx.store.resourceVersion, lookup, filter);
}

export function listMeta(page: Page<unknown>): Record<string, unknown> {
  return {
    resourceVersion: String(page.resourceVersion),
    ...(page.continueToken === undefined ? {} : { continue: page.continueToken }),
    ...(page.remainingItemCount === undefined ? {} : { remainingItemCount: page.remainingItemCount }),
  };
}

function tableReply(ctx: ApiContext, req: ApiRequest, page: Page<KubeObject>): Reply {
  const printer = printerFor(resourceKey(req.resource));
  const include = parseIncludeObject(req.query.get('includeObject'));
  const now = ctx.backend.now();
  return listReply(
    {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: listMeta(page),
      columnDefinitions: printer.columns,
    },
    'rows',
    page.items,
    (item) => tableRow(printer, item, now, include, codecFor(req.resource).fromStorage),
  );
}

/**
 * `resourceVersion` on a list. The store keeps no snapshots, so a list is always of now: fine for
 * unset, "0" and NotOlderThan up to now; an Exact older version is gone (410); a version from
 * the future is 504 after kube-apiserver's manner (it would wait a few seconds first).
 */
export function checkListVersion(query: URLSearchParams, current: number): void {
  const raw = query.get('resourceVersion');
  if (raw === null || raw === '' || query.get('continue')) return;
  if (!/^\d+$/.test(raw)) throw badRequest(`invalid resource version: ${raw}`);
  const requested = Number(raw);
  if (requested > current) {
    throw new ApiError(504, 'Timeout', `Too large resource version: ${requested}, current: ${current}`, {
      causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
      retryAfterSeconds: 1,
    });
  }
  if (query.get('resourceVersionMatch') === 'Exact' && requested !== current) {
    throw expired('The resourceVersion for the provided list is too old.');
  }
}
