import { keys } from '../../sim/store/api-resources.ts';
import { isoSeconds } from '../../sim/store/object-store.ts';
import { storeCall } from '../registry/writes.ts';
import { jsonReply, type Reply } from '../respond.ts';
import { isRecord, parseObjectBody } from '../rest/body.ts';
import { isDryRun, type ApiContext, type ApiRequest } from '../rest/context.ts';
import { findObject } from '../rest/read.ts';
import { badRequest, conflict, invalid } from '../status.ts';

/**
 * POST pods/binding (v1 Binding): what a scheduler does to place a pod. Sets spec.nodeName once
 * (a bound pod is a 409) and marks the pod PodScheduled, as pkg/registry/core/pod/storage does.
 */
export async function bindingHandler(ctx: ApiContext, req: ApiRequest): Promise<Reply> {
  const body = parseObjectBody(await req.body(), req.headers['content-type']);
  const binding = isRecord(body) ? body : {};
  const meta = isRecord(binding.metadata) ? binding.metadata : {};
  if (meta.name !== undefined && meta.name !== req.info.name) {
    throw badRequest('name in URL does not match name in Binding object');
  }
  const target = isRecord(binding.target) ? binding.target : {};
  const nodeName = typeof target.name === 'string' ? target.name : '';
  if (nodeName === '' || (target.kind !== undefined && target.kind !== 'Node')) {
    throw invalid('Binding', '', req.info.name, [
      { reason: 'FieldValueRequired', field: 'target.name', message: 'Required value: a Node to bind to' },
    ]);
  }
  const pod = findObject(ctx, req.resource, req.info.namespace, req.info.name);
  const spec = isRecord(pod.spec) ? pod.spec : {};
  if (typeof spec.nodeName === 'string' && spec.nodeName !== '') {
    throw conflict(
      'pods/binding',
      req.info.name,
      '',
      `pod ${req.info.name} is already assigned to node "${spec.nodeName}"`,
    );
  }
  if (pod.metadata.deletionTimestamp) {
    throw conflict(
      'pods/binding',
      req.info.name,
      '',
      `pod ${req.info.name} is being deleted, cannot be assigned to a host`,
    );
  }
  if (!isDryRun(req.query)) {
    const now = isoSeconds(ctx.backend.now());
    storeCall(req.resource, req.info.name, () =>
      ctx.store.mutate(keys.pods, req.info.namespace, req.info.name, (draft) => {
        draft.spec = { ...(isRecord(draft.spec) ? draft.spec : {}), nodeName };
        const status = isRecord(draft.status) ? { ...draft.status } : {};
        const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : [];
        status.conditions = [
          ...conditions.filter((c) => c.type !== 'PodScheduled'),
          { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
        ];
        draft.status = status;
      }),
    );
  }
  return jsonReply({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }, 201);
}
