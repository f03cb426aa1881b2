import type { KubeObject } from '../../sim/store/kube-object.ts';
import type { JsonValue } from '../patch/json.ts';
import { parsePatch, patchObject, patchTypeOf } from '../patch/apply-patch.ts';
import { updateObject } from '../registry/writes.ts';
import { jsonReply, type Reply } from '../respond.ts';
import { isRecord, parseObjectBody } from '../rest/body.ts';
import { isDryRun, type ApiContext, type ApiRequest } from '../rest/context.ts';
import { findObject } from '../rest/read.ts';
import { badRequest, conflict, invalid, STALE_OBJECT } from '../status.ts';
import { selectorText } from '../tables/table.ts';

/**
 * The scale subresource (autoscaling/v1 Scale) of Deployments, ReplicaSets and StatefulSets:
 * what `kubectl scale` and the HPA read and write. Writing it writes the parent's spec.replicas.
 */

function scaleOf(object: KubeObject): KubeObject {
  const spec = isRecord(object.spec) ? object.spec : {};
  const status = isRecord(object.status) ? object.status : {};
  const selector = selectorText(spec.selector);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: object.metadata.name ?? '',
      ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
      uid: object.metadata.uid ?? '',
      resourceVersion: object.metadata.resourceVersion ?? '',
      creationTimestamp: object.metadata.creationTimestamp ?? '',
    },
    spec: { replicas: typeof spec.replicas === 'number' ? spec.replicas : 1 },
    status: {
      replicas: typeof status.replicas === 'number' ? status.replicas : 0,
      ...(selector === '<none>' ? {} : { selector: selector.replace(/ /g, '') }),
    },
  };
}

export function getScale(ctx: ApiContext, req: ApiRequest): Reply {
  return jsonReply(scaleOf(findObject(ctx, req.resource, req.info.namespace, req.info.name)));
}

export async function updateScale(ctx: ApiContext, req: ApiRequest): Promise<Reply> {
  const body = parseObjectBody(await req.body(), req.headers['content-type']);
  const current = findObject(ctx, req.resource, req.info.namespace, req.info.name);
  return jsonReply(writeScale(ctx, req, current, body));
}

export async function patchScale(ctx: ApiContext, req: ApiRequest): Promise<Reply> {
  const type = patchTypeOf(req.headers['content-type']);
  const patch = parsePatch(type, await req.body());
  const current = findObject(ctx, req.resource, req.info.namespace, req.info.name);
  const patched = patchObject(scaleOf(current), type, patch as JsonValue);
  return jsonReply(writeScale(ctx, req, current, patched));
}

function writeScale(ctx: ApiContext, req: ApiRequest, current: KubeObject, body: unknown): KubeObject {
  const scale = isRecord(body) ? body : {};
  const meta = isRecord(scale.metadata) ? scale.metadata : {};
  const name = current.metadata.name ?? '';
  if (meta.name !== undefined && meta.name !== name) {
    throw badRequest(
      `the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`,
    );
  }
  if (typeof meta.resourceVersion === 'string' && meta.resourceVersion !== current.metadata.resourceVersion) {
    throw conflict(req.resource.plural, name, req.resource.group, STALE_OBJECT);
  }
  const replicas = isRecord(scale.spec) ? scale.spec.replicas : undefined;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw invalid('Scale', 'autoscaling', name, [
      {
        reason: 'FieldValueInvalid',
        field: 'spec.replicas',
        message: `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`,
      },
    ]);
  }
  const spec = isRecord(current.spec) ? current.spec : {};
  const next: KubeObject = { ...current, spec: { ...spec, replicas } };
  return scaleOf(updateObject(ctx, req.resource, current, next, { dryRun: isDryRun(req.query) }));
}
