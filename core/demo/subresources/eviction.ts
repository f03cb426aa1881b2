import { keys, resourceForKind } from '../../sim/store/api-resources.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import { isoSeconds } from '../../sim/store/object-store.ts';
import { deleteObject, parseDeleteOptions } from '../registry/deletes.ts';
import { storeCall } from '../registry/writes.ts';
import { jsonReply, type Reply } from '../respond.ts';
import { isRecord, parseObjectBody } from '../rest/body.ts';
import { isDryRun, type ApiContext, type ApiRequest } from '../rest/context.ts';
import { findObject } from '../rest/read.ts';
import { matchesLabels } from '../rest/selectors.ts';
import { ApiError, badRequest, forbidden, tooManyRequests } from '../status.ts';
import { selectorRequirements } from '../validation/workloads.ts';

/**
 * POST pods/eviction (policy/v1 Eviction), as pkg/registry/core/pod/storage/eviction.go runs it:
 * a pod that is not running (or already going) is deleted outright; otherwise the one
 * PodDisruptionBudget that selects it must allow a disruption, which the eviction uses up
 * before deleting the pod gracefully. A budget with none left is a 429, which kubectl drain
 * retries until its timeout.
 */
export async function evictionHandler(ctx: ApiContext, req: ApiRequest): Promise<Reply> {
  const body = parseObjectBody(await req.body(), req.headers['content-type']);
  const eviction = isRecord(body) ? body : {};
  const meta = isRecord(eviction.metadata) ? eviction.metadata : {};
  if (meta.name !== undefined && meta.name !== req.info.name) {
    throw badRequest('name in URL does not match name in Eviction object');
  }
  const deleteBody = isRecord(eviction.deleteOptions) ? eviction.deleteOptions : undefined;
  const dryRun = isDryRun(req.query, deleteBody?.dryRun);
  const options = parseDeleteOptions(deleteBody, new URLSearchParams(), dryRun);

  const pod = findObject(ctx, req.resource, req.info.namespace, req.info.name);
  if (!canIgnoreBudget(pod)) {
    const budgets = ctx.store
      .list(keys.poddisruptionbudgets, pod.metadata.namespace)
      .filter((pdb) => selects(pdb, pod));
    if (budgets.length > 1) {
      throw new ApiError(
        500,
        'InternalError',
        'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      );
    }
    const budget = budgets[0];
    if (budget && !unhealthyPodMayGo(pod, budget)) takeDisruption(ctx, budget, pod, dryRun);
  }
  deleteObject(ctx, req.resource, pod, options);
  return jsonReply({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }, 201);
}

function status(object: KubeObject): Record<string, unknown> {
  return isRecord(object.status) ? object.status : {};
}

/** Pods that are not running, or are already being deleted, never count against a budget. */
function canIgnoreBudget(pod: KubeObject): boolean {
  const phase = status(pod).phase;
  return (
    phase === 'Succeeded' ||
    phase === 'Failed' ||
    phase === 'Pending' ||
    Boolean(pod.metadata.deletionTimestamp)
  );
}

/** policy/v1: an empty selector selects every pod in the namespace; no selector selects none. */
function selects(pdb: KubeObject, pod: KubeObject): boolean {
  const spec = isRecord(pdb.spec) ? pdb.spec : {};
  if (spec.selector === undefined || spec.selector === null) return false;
  const requirements = selectorRequirements(spec.selector, 'spec.selector');
  return requirements !== undefined && matchesLabels(requirements, pod.metadata.labels ?? {});
}

function isReady(pod: KubeObject): boolean {
  const conditions = status(pod).conditions;
  return (
    Array.isArray(conditions) &&
    conditions.some((c) => isRecord(c) && c.type === 'Ready' && c.status === 'True')
  );
}

/** An unready pod may go without using up the budget (unhealthyPodEvictionPolicy). */
function unhealthyPodMayGo(pod: KubeObject, pdb: KubeObject): boolean {
  if (isReady(pod)) return false;
  const spec = isRecord(pdb.spec) ? pdb.spec : {};
  if (spec.unhealthyPodEvictionPolicy === 'AlwaysAllow') return true;
  const s = status(pdb);
  const current = typeof s.currentHealthy === 'number' ? s.currentHealthy : 0;
  const desired = typeof s.desiredHealthy === 'number' ? s.desiredHealthy : 0;
  return current >= desired && desired > 0;
}

/** checkAndDecrement: 429 when the budget has no disruption left, else one fewer. */
function takeDisruption(ctx: ApiContext, pdb: KubeObject, pod: KubeObject, dryRun: boolean): void {
  const name = pdb.metadata.name ?? '';
  const s = status(pdb);
  const observed = typeof s.observedGeneration === 'number' ? s.observedGeneration : 0;
  const cause = (message: string) => ({ causes: [{ reason: 'DisruptionBudget', message }] });
  if (observed < (pdb.metadata.generation ?? 1)) {
    throw tooManyRequests("Cannot evict pod as it would violate the pod's disruption budget.", {
      ...cause(`The disruption budget ${name} is still being processed by the server.`),
      retryAfterSeconds: 10,
    });
  }
  const allowed = typeof s.disruptionsAllowed === 'number' ? s.disruptionsAllowed : 0;
  if (allowed < 0) {
    throw forbidden(
      `poddisruptionbudgets.policy "${name}" is forbidden: pdb disruptions allowed is negative`,
      {
        name,
        group: 'policy',
        kind: 'poddisruptionbudgets',
      },
    );
  }
  if (allowed === 0) {
    const desired = typeof s.desiredHealthy === 'number' ? s.desiredHealthy : 0;
    const current = typeof s.currentHealthy === 'number' ? s.currentHealthy : 0;
    throw tooManyRequests(
      "Cannot evict pod as it would violate the pod's disruption budget.",
      cause(`The disruption budget ${name} needs ${desired} healthy pods and has ${current} currently`),
    );
  }
  if (dryRun) return;
  const resource = resourceForKind('policy/v1', 'PodDisruptionBudget');
  if (!resource) throw new Error('the resource table has no PodDisruptionBudget');
  storeCall(resource, name, () =>
    ctx.store.mutate(keys.poddisruptionbudgets, pdb.metadata.namespace, name, (draft) => {
      const st = (isRecord(draft.status) ? draft.status : {}) as Record<string, unknown>;
      st.disruptionsAllowed = allowed - 1;
      st.disruptedPods = {
        ...(isRecord(st.disruptedPods) ? st.disruptedPods : {}),
        [pod.metadata.name ?? '']: isoSeconds(ctx.backend.now()),
      };
      if (allowed - 1 === 0)
        setInsufficientPodsCondition(st, ctx.backend.now(), draft.metadata.generation ?? 1);
      draft.status = st;
    }),
  );
}

function setInsufficientPodsCondition(st: Record<string, unknown>, now: number, generation: number): void {
  const conditions = Array.isArray(st.conditions) ? st.conditions.filter(isRecord) : [];
  const others = conditions.filter((c) => c.type !== 'DisruptionAllowed');
  const previous = conditions.find((c) => c.type === 'DisruptionAllowed');
  st.conditions = [
    ...others,
    {
      type: 'DisruptionAllowed',
      status: 'False',
      reason: 'InsufficientPods',
      message: '',
      observedGeneration: generation,
      lastTransitionTime: previous?.status === 'False' ? previous.lastTransitionTime : isoSeconds(now),
    },
  ];
}
