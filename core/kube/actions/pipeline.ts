import type { Action, ActionPermission, ActionPreview, AuditRecord } from '../../contract/actions.ts';
import type { AuditLog } from '../../history/audit-log.ts';
import { errorText, type ActionHandler } from './action-handler.ts';
import { drainHandler } from './drain-action.ts';
import type { KubeJson } from './kube-json.ts';
import { cordonHandler, taintHandler } from './node-actions.ts';
import { describePermission, missingPermissions, refusalMessage } from './rbac-check.ts';
import { hpaBoundsHandler, scaleHandler } from './workload-actions.ts';

/**
 * The one pipeline every action goes through: RBAC pre-check (SelfSubjectAccessReview) →
 * server-side dry run → (the caller confirms) → execution with progress → audit record → undo.
 */

export function handlerFor(action: Action): ActionHandler {
  switch (action.kind) {
    case 'cordon':
    case 'uncordon':
      return cordonHandler as ActionHandler;
    case 'taint':
    case 'untaint':
      return taintHandler as ActionHandler;
    case 'drain':
      return drainHandler as ActionHandler;
    case 'scale':
      return scaleHandler as ActionHandler;
    case 'hpa-bounds':
      return hpaBoundsHandler as ActionHandler;
  }
}

/** Who acts where: the audit names the cluster and the user. */
export interface ActionSession {
  api: KubeJson;
  /** The API server address (the audit's "cluster"). */
  cluster: string;
  /** The kubeconfig user (or context) acting. */
  user: string;
  audit?: AuditLog;
  now(): number;
}

export async function checkAction(api: KubeJson, action: Action, user = 'you'): Promise<ActionPermission> {
  const handler = handlerFor(action);
  const denials = await missingPermissions(api, await handler.permissions(api, action));
  if (denials.length === 0) return { allowed: true, missing: [] };
  return {
    allowed: false,
    missing: denials.map((d) => describePermission(d.permission)),
    reason: refusalMessage(handler.summary(action), user, denials),
  };
}

/** What the action would do, from the server's dry run; never changes the cluster. */
export async function previewAction(api: KubeJson, action: Action, user = 'you'): Promise<ActionPreview> {
  const handler = handlerFor(action);
  const base = {
    action,
    summary: handler.summary(action),
    kubectl: handler.kubectl(action),
    undoable: handler.undoable,
    changes: [],
    evict: [],
    skip: [],
    blocking: [],
  };
  const invalid = handler.validate(action);
  if (invalid.length > 0) return { ...base, permission: { allowed: true, missing: [] }, problems: invalid };
  const permission = await checkAction(api, action, user);
  if (!permission.allowed) return { ...base, permission, problems: [permission.reason ?? 'not allowed'] };
  try {
    return { ...base, permission, ...(await handler.preview(api, action)) };
  } catch (error) {
    return { ...base, permission, problems: [errorText(error)] };
  }
}

export interface RunOptions {
  signal?: AbortSignal;
  origin?: AuditRecord['origin'];
  /** The audit id of the record this run undoes. */
  undoOf?: number;
  /** Called with the audit id as soon as the record exists (before the action starts). */
  onStart?(auditId: number | undefined): void;
  onStep?(auditId: number | undefined, message: string): void;
  /** Why this runs (the autopilot's reasoning): the first step of the audit record. */
  note?: string;
}

export interface RunResult {
  auditId: number | undefined;
  status: 'succeeded' | 'failed' | 'cancelled';
  outcome: string;
  undo?: Action;
  preview: ActionPreview;
}

/**
 * Checks, dry-runs, then runs an action, writing each step to the audit log as it happens (so a
 * crash leaves the steps taken). A refusal by RBAC, bad input or a failed dry run stops before
 * anything changes, and is audited too.
 */
export async function runAction(
  session: ActionSession,
  action: Action,
  options: RunOptions = {},
): Promise<RunResult> {
  const handler = handlerFor(action);
  const preview = await previewAction(session.api, action, session.user);
  const auditId = session.audit?.start({
    cluster: session.cluster,
    user: session.user,
    origin: options.origin ?? 'user',
    action: action.kind,
    target: handler.target(action),
    params: action,
    summary: preview.summary,
    dryRun: {
      changes: preview.changes,
      evict: preview.evict,
      skip: preview.skip,
      blocking: preview.blocking,
      problems: preview.problems,
    },
    startedAt: session.now(),
    ...(options.undoOf === undefined ? {} : { undoOf: options.undoOf }),
  });
  options.onStart?.(auditId);
  if (options.note && auditId !== undefined) session.audit?.progress(auditId, session.now(), options.note);
  const step = (message: string) => {
    if (auditId !== undefined) session.audit?.progress(auditId, session.now(), message);
    options.onStep?.(auditId, message);
  };
  const finish = (status: RunResult['status'], outcome: string, undo?: Action): RunResult => {
    if (auditId !== undefined) session.audit?.finish(auditId, status, outcome, session.now(), undo);
    return { auditId, status, outcome, ...(undo ? { undo } : {}), preview };
  };
  // PDB-blocked pods are not problems (the drain waits on budgets); kubectl's filter refusals are.
  if (!preview.permission.allowed || preview.problems.length > 0) {
    const refused = new Set(preview.problems);
    const details =
      action.kind === 'drain'
        ? preview.blocking.filter((b) => !b.reason.startsWith('PodDisruptionBudget'))
        : [];
    const why = [...refused, ...details.map((b) => `${b.pod}: ${b.reason}`)].join('; ');
    step(`refused before any change: ${why}`);
    return finish('failed', `refused: ${why}`);
  }
  try {
    const result = await handler.execute(
      session.api,
      action,
      step,
      options.signal ?? new AbortController().signal,
    );
    return finish(
      result.ok ? 'succeeded' : result.cancelled ? 'cancelled' : 'failed',
      result.outcome,
      result.undo,
    );
  } catch (error) {
    step(`failed: ${errorText(error)}`);
    return finish('failed', errorText(error));
  }
}

/** Runs the undo a record offers, once; the new record names the one it undid. */
export async function undoAction(
  session: ActionSession,
  auditId: number,
  options: RunOptions = {},
): Promise<RunResult> {
  const record = session.audit?.get(auditId);
  if (!record) throw new Error(`There is no action ${auditId} in the audit log.`);
  if (!record.undo)
    throw new Error(`Action ${auditId} (${record.summary}) has nothing to undo, or was undone already.`);
  const result = await runAction(session, record.undo, { ...options, undoOf: auditId });
  if (result.status === 'succeeded') session.audit?.clearUndo(auditId);
  return result;
}
