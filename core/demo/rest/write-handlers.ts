import { apiVersionOf, resourceKey, type ApiResource } from '../../sim/store/api-resources.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import { parsePatch, patchObject, patchTypeOf } from '../patch/apply-patch.ts';
import { deleteObject, parseDeleteOptions, type DeleteOutcome } from '../registry/deletes.ts';
import { createObject, decodeObject, updateObject } from '../registry/writes.ts';
import { jsonReply, type Reply } from '../respond.ts';
import { badRequest, notFound, successStatus } from '../status.ts';
import { codecFor } from '../versions/codec.ts';
import { isRecord, parseJson, parseObjectBody } from './body.ts';
import { isDryRun, type ApiContext, type ApiRequest } from './context.ts';
import { findObject, listMeta, listPage } from './read.ts';

/** POST, PUT, PATCH and DELETE of a resource (and PUT/PATCH of its status subresource). */

export async function createHandler(ctx: ApiContext, req: ApiRequest): Promise<Reply> {
  const codec = codecFor(req.resource);
  const decoded = decodeObject(parseObjectBody(await req.body(), req.headers['content-type']), req.resource);
  const created = createObject(ctx, req.resource, req.info.namespace, codec.toStorage(decoded), {
    dryRun: isDryRun(req.query),
  });
  return jsonReply(codec.fromStorage(created), 201);
}

export async function updateHandler(ctx: ApiContext, req: ApiRequest): Promise<Reply> {
  const codec = codecFor(req.resource);
  const next = decodeObject(parseObjectBody(await req.body(), req.headers['content-type']), req.resource);
  checkIdentity(next, req);
  const current = findObject(ctx, req.resource, req.info.namespace, req.info.name);
  const updated = updateObject(ctx, req.resource, current, codec.toStorage(next, current), {
    dryRun: isDryRun(req.query),
    status: req.info.subresource === 'status',
  });
  return jsonReply(codec.fromStorage(updated));
}

export async function patchHandler(ctx: ApiContext, req: ApiRequest): Promise<Reply> {
  const codec = codecFor(req.resource);
  const type = patchTypeOf(req.headers['content-type']);
  const patch = parsePatch(type, await req.body());
  const dryRun = isDryRun(req.query);
  const key = resourceKey(req.resource);
  const current = ctx.store.get(key, req.resource.namespaced ? req.info.namespace : undefined, req.info.name);
  if (!current) {
    // Server-side apply creates what does not exist yet; every other patch needs an object.
    if (type !== 'application/apply-patch+yaml' || req.info.subresource) {
      throw notFound(req.resource.plural, req.info.name, req.resource.group);
    }
    const decoded = decodeObject(patch, req.resource);
    checkIdentity(decoded, req);
    const created = createObject(ctx, req.resource, req.info.namespace, codec.toStorage(decoded), { dryRun });
    return jsonReply(codec.fromStorage(created), 201);
  }
  // The patch applies to the object as the client's version shows it.
  const patched = patchObject(codec.fromStorage(current), type, patch);
  checkIdentity(patched, req);
  const updated = updateObject(ctx, req.resource, current, codec.toStorage(patched, current), {
    dryRun,
    status: req.info.subresource === 'status',
  });
  return jsonReply(codec.fromStorage(updated));
}

/** The object's name and namespace must be the URL's, as the API server insists. */
function checkIdentity(object: KubeObject, req: ApiRequest): void {
  const { name, namespace } = req.info;
  if (object.metadata.name !== undefined && object.metadata.name !== name) {
    throw badRequest(
      `the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
  if (
    req.resource.namespaced &&
    object.metadata.namespace !== undefined &&
    object.metadata.namespace !== namespace
  ) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  object.metadata.name = name;
  if (req.resource.namespaced) object.metadata.namespace = namespace;
}

async function deleteOptionsOf(req: ApiRequest) {
  const text = await req.body();
  const body = text.trim() === '' ? undefined : parseJson(text);
  const dryRun = isDryRun(req.query, isRecord(body) ? body.dryRun : undefined);
  return parseDeleteOptions(body, req.query, dryRun);
}

export async function deleteHandler(ctx: ApiContext, req: ApiRequest): Promise<Reply> {
  const options = await deleteOptionsOf(req);
  const current = findObject(ctx, req.resource, req.info.namespace, req.info.name);
  const outcome = deleteObject(ctx, req.resource, current, options);
  const object = codecFor(req.resource).fromStorage(outcome.object);
  return jsonReply(deleteReply(req.resource, { ...outcome, object }));
}

/**
 * Pods answer with the pod (deleted, or terminating); other kinds with a success Status when
 * they went at once, or with the object while finalizers hold it.
 */
function deleteReply(resource: ApiResource, outcome: DeleteOutcome): unknown {
  if (resource.plural === 'pods' && resource.group === '') return outcome.object;
  if (!outcome.deleted) return outcome.object;
  return successStatus({
    name: outcome.object.metadata.name ?? '',
    group: resource.group,
    kind: resource.plural,
    ...(outcome.object.metadata.uid ? { uid: outcome.object.metadata.uid } : {}),
  });
}

export async function deleteCollectionHandler(ctx: ApiContext, req: ApiRequest): Promise<Reply> {
  const options = await deleteOptionsOf(req);
  const page = listPage(ctx, req.resource, req.info.namespace, req.query);
  const view = codecFor(req.resource).fromStorage;
  const items = page.items.map((object) => view(deleteObject(ctx, req.resource, object, options).object));
  return jsonReply({
    kind: `${req.resource.kind}List`,
    apiVersion: apiVersionOf(req.resource),
    metadata: listMeta({ ...page, resourceVersion: ctx.store.resourceVersion }),
    items,
  });
}
