import type { Action } from '../../contract/actions.ts';
import { emptyPreview, errorText, type ActionHandler } from './action-handler.ts';
import { nodePatchPermission } from './action-permissions.ts';
import { isConflict, type KubeJson } from './kube-json.ts';
import { dryRunQuery, nodePath, readNode, type TaintJson } from './node-ops.ts';
import { taintProblems, taintText, withoutTaint, withTaint, type TaintEffect } from './taint.ts';

type Cordon = Extract<Action, { kind: 'cordon' | 'uncordon' }>;
type TaintAdd = Extract<Action, { kind: 'taint' }>;
type TaintRemove = Extract<Action, { kind: 'untaint' }>;

const patchUnschedulable = (api: KubeJson, node: string, on: boolean, dryRun: boolean) =>
  api.patch(
    nodePath(node),
    { spec: { unschedulable: on ? true : null } },
    dryRunQuery(dryRun ? 'server' : 'none'),
    'strategic',
  );

/** Cordon and uncordon: spec.unschedulable by patch, as kubectl cordon does. */
export const cordonHandler: ActionHandler<Cordon> = {
  undoable: true,
  validate: () => [],
  permissions: async (_api, action) => [nodePatchPermission(action.node)],
  summary: (action) => `${action.kind === 'cordon' ? 'Cordon' : 'Uncordon'} node ${action.node}`,
  target: (action) => `node/${action.node}`,
  kubectl: (action) => `kubectl ${action.kind} ${action.node}`,
  async preview(api, action) {
    const parts = emptyPreview();
    const on = action.kind === 'cordon';
    const node = await readNode(api, action.node);
    const was = node.spec?.unschedulable === true;
    if (was !== on) parts.changes.push({ field: 'spec.unschedulable', from: String(was), to: String(on) });
    try {
      await patchUnschedulable(api, action.node, on, true);
    } catch (error) {
      parts.problems.push(errorText(error));
    }
    return parts;
  },
  async execute(api, action, step) {
    const on = action.kind === 'cordon';
    const was = (await readNode(api, action.node)).spec?.unschedulable === true;
    const word = on ? 'cordoned' : 'uncordoned';
    if (was === on) {
      step(`node/${action.node} already ${word}`);
      return { ok: true, outcome: `node/${action.node} already ${word}` };
    }
    await patchUnschedulable(api, action.node, on, false);
    step(`node/${action.node} ${word}`);
    return {
      ok: true,
      outcome: `node/${action.node} ${word}`,
      undo: { kind: on ? 'uncordon' : 'cordon', node: action.node },
    };
  },
};

/** The node's taints replaced by `taints`, guarded by its resourceVersion so no one else's change is lost. */
function patchTaints(
  api: KubeJson,
  node: string,
  resourceVersion: string | undefined,
  taints: TaintJson[],
  dryRun: boolean,
) {
  return api.patch(
    nodePath(node),
    {
      metadata: { ...(resourceVersion ? { resourceVersion } : {}) },
      spec: { taints: taints.length ? taints : null },
    },
    dryRunQuery(dryRun ? 'server' : 'none'),
    'merge',
  );
}

const taintList = (taints: readonly TaintJson[]) => taints.map(taintText).join(', ') || '(none)';

/** How often a taint change is re-read and retried when the node changed under it (client-go retries 5 times). */
const conflictRetries = 5;

/**
 * Reads the node, works out its new taints and patches them guarded by the resourceVersion it
 * read; when the node changed in between (409 Conflict — kubelets update nodes all the time),
 * reads it again and retries, as client-go's RetryOnConflict does. No one else's change is lost.
 */
async function applyTaints(api: KubeJson, action: TaintAdd | TaintRemove, dryRun: boolean) {
  for (let attempt = 1; ; attempt++) {
    const planned = await plannedTaints(api, action);
    if (planned.next instanceof Error) return planned;
    try {
      await patchTaints(api, action.node, planned.node.metadata.resourceVersion, planned.next, dryRun);
      return planned;
    } catch (error) {
      if (!isConflict(error) || attempt >= conflictRetries) throw error;
    }
  }
}

async function plannedTaints(api: KubeJson, action: TaintAdd | TaintRemove) {
  const node = await readNode(api, action.node);
  const current = node.spec?.taints ?? [];
  const next =
    action.kind === 'taint'
      ? withTaint(current, {
          key: action.key,
          ...(action.value ? { value: action.value } : {}),
          effect: action.effect as TaintEffect,
        })
      : withoutTaint(current, action.key, action.effect);
  return { node, current, next };
}

/** Add or remove one taint (key, value, effect), validated as the API server validates it. */
export const taintHandler: ActionHandler<TaintAdd | TaintRemove> = {
  undoable: true,
  validate: (action) => taintProblems(action),
  permissions: async (_api, action) => [nodePatchPermission(action.node)],
  summary: (action) =>
    action.kind === 'taint'
      ? `Taint node ${action.node} with ${taintText(action)}`
      : `Remove taint ${action.key}:${action.effect} from node ${action.node}`,
  target: (action) => `node/${action.node}`,
  kubectl: (action) =>
    action.kind === 'taint'
      ? `kubectl taint nodes ${action.node} ${taintText(action)}`
      : `kubectl taint nodes ${action.node} ${action.key}:${action.effect}-`,
  async preview(api, action) {
    const parts = emptyPreview();
    try {
      const { current, next } = await applyTaints(api, action, true);
      if (next instanceof Error) {
        parts.problems.push(next.message);
        return parts;
      }
      parts.changes.push({ field: 'spec.taints', from: taintList(current), to: taintList(next) });
    } catch (error) {
      parts.problems.push(errorText(error));
    }
    return parts;
  },
  async execute(api, action, step) {
    const { current, next } = await applyTaints(api, action, false);
    if (next instanceof Error) return { ok: false, outcome: next.message };
    const word = action.kind === 'taint' ? 'tainted' : 'untainted';
    step(`node/${action.node} ${word}`);
    const removed = current.find((t) => t.key === action.key && t.effect === action.effect);
    return {
      ok: true,
      outcome: `node/${action.node} ${word}`,
      undo:
        action.kind === 'taint'
          ? { kind: 'untaint', node: action.node, key: action.key, effect: action.effect }
          : {
              kind: 'taint',
              node: action.node,
              key: action.key,
              ...(removed?.value ? { value: removed.value } : {}),
              effect: action.effect,
            },
    };
  },
};
