import { apiResources, keys, resourceKey, type ApiResource } from '../../sim/store/api-resources.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import { isoSeconds } from '../../sim/store/object-store.ts';
import { isRecord } from '../rest/body.ts';
import type { ApiContext } from '../rest/context.ts';
import { badRequest, conflict } from '../status.ts';
import { storeCall } from './writes.ts';

/**
 * DELETE as kube-apiserver runs it. Pods are deleted gracefully: they get a deletionTimestamp and
 * deletionGracePeriodSeconds, and the kubelet removes them once their containers stopped (grace 0,
 * an unscheduled pod or a finished one goes at once). Other kinds go at once unless finalizers
 * hold them; their dependents are the garbage collector's (core/sim), except with
 * propagationPolicy=Orphan, where the server strips the owner references itself.
 */

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun: boolean;
}

export interface DeleteOutcome {
  /** The object as deleted, or as it now waits (deletionTimestamp set). */
  object: KubeObject;
  /** True when it is gone from the store. */
  deleted: boolean;
}

const POLICIES = new Set(['Orphan', 'Background', 'Foreground']);

/** DeleteOptions from the body (kubectl, client-node) and the query (curl-style callers). */
export function parseDeleteOptions(body: unknown, query: URLSearchParams, dryRun: boolean): DeleteOptions {
  const source = isRecord(body) ? body : {};
  const options: DeleteOptions = { dryRun };
  const grace = source.gracePeriodSeconds ?? query.get('gracePeriodSeconds') ?? undefined;
  if (grace !== undefined && grace !== null && grace !== '') {
    const value = Number(grace);
    if (!Number.isInteger(value)) throw badRequest(`invalid gracePeriodSeconds: ${String(grace)}`);
    options.gracePeriodSeconds = value;
  }
  let policy = source.propagationPolicy ?? query.get('propagationPolicy') ?? undefined;
  const orphan = source.orphanDependents ?? query.get('orphanDependents');
  if (policy === undefined && (orphan === true || orphan === 'true')) policy = 'Orphan';
  if (policy !== undefined && policy !== null) {
    if (typeof policy !== 'string' || !POLICIES.has(policy)) {
      throw badRequest(`propagationPolicy: Unsupported value: "${String(policy)}"`);
    }
    options.propagationPolicy = policy as DeleteOptions['propagationPolicy'];
  }
  if (isRecord(source.preconditions)) {
    const { uid, resourceVersion } = source.preconditions;
    options.preconditions = {
      ...(typeof uid === 'string' ? { uid } : {}),
      ...(typeof resourceVersion === 'string' ? { resourceVersion } : {}),
    };
  }
  return options;
}

export function deleteObject(
  ctx: ApiContext,
  resource: ApiResource,
  current: KubeObject,
  options: DeleteOptions,
): DeleteOutcome {
  const key = resourceKey(resource);
  const name = current.metadata.name ?? '';
  const { preconditions } = options;
  if (preconditions?.uid !== undefined && preconditions.uid !== current.metadata.uid) {
    throw conflict(
      resource.plural,
      name,
      resource.group,
      `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${current.metadata.uid ?? ''}`,
    );
  }
  if (
    preconditions?.resourceVersion !== undefined &&
    preconditions.resourceVersion !== current.metadata.resourceVersion
  ) {
    throw conflict(
      resource.plural,
      name,
      resource.group,
      `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion ?? ''}`,
    );
  }

  const grace = key === keys.pods ? podGracePeriod(current, options.gracePeriodSeconds) : 0;
  if (current.metadata.deletionTimestamp) {
    // Already going: a delete may only hurry it along.
    const remaining = current.metadata.deletionGracePeriodSeconds ?? 0;
    if (grace >= remaining || (current.metadata.finalizers ?? []).length > 0) {
      return { object: current, deleted: false };
    }
  }
  const now = ctx.backend.now();
  const finalizers = current.metadata.finalizers ?? [];
  if (grace > 0 || finalizers.length > 0) {
    const marked: KubeObject = {
      ...current,
      metadata: {
        ...current.metadata,
        deletionTimestamp: isoSeconds(now + grace * 1000),
        deletionGracePeriodSeconds: grace,
      },
    };
    if (options.dryRun) return { object: marked, deleted: false };
    const stored = storeCall(resource, name, () =>
      ctx.store.update(key, marked, current.metadata.resourceVersion),
    );
    return { object: stored, deleted: false };
  }
  if (options.dryRun) return { object: current, deleted: true };
  if (options.propagationPolicy === 'Orphan') orphanDependents(ctx, current);
  if (key === keys.namespaces) deleteNamespaceContents(ctx, name);
  const deleted = storeCall(resource, name, () => ctx.store.delete(key, current.metadata.namespace, name));
  return { object: deleted, deleted: true };
}

/** CheckGracefulDelete of the pod strategy: the request's period, else the pod's own, else 30 s. */
function podGracePeriod(pod: KubeObject, requested: number | undefined): number {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  const status = isRecord(pod.status) ? pod.status : {};
  if (!spec.nodeName) return 0;
  if (status.phase === 'Succeeded' || status.phase === 'Failed') return 0;
  const own =
    typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30;
  const period = requested ?? own;
  return period < 0 ? 1 : period;
}

/** What the garbage collector's orphan finalizer does: dependents lose their owner reference. */
function orphanDependents(ctx: ApiContext, owner: KubeObject): void {
  const uid = owner.metadata.uid;
  if (!uid) return;
  for (const resource of apiResources) {
    const key = resourceKey(resource);
    for (const object of ctx.store.list(key, resource.namespaced ? owner.metadata.namespace : undefined)) {
      if (!object.metadata.ownerReferences?.some((ref) => ref.uid === uid)) continue;
      ctx.store.mutate(key, object.metadata.namespace, object.metadata.name ?? '', (draft) => {
        draft.metadata.ownerReferences = draft.metadata.ownerReferences?.filter((ref) => ref.uid !== uid);
        if (draft.metadata.ownerReferences?.length === 0) delete draft.metadata.ownerReferences;
      });
    }
  }
}

/** The namespace controller's work, done at once: everything in the namespace goes with it. */
function deleteNamespaceContents(ctx: ApiContext, namespace: string): void {
  for (const resource of apiResources) {
    if (!resource.namespaced) continue;
    const key = resourceKey(resource);
    for (const object of ctx.store.list(key, namespace)) {
      ctx.store.delete(key, namespace, object.metadata.name ?? '');
    }
  }
}
