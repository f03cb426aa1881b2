import type { Action, DrainParams } from '../../contract/actions.ts';
import { emptyPreview, errorText, type ActionHandler } from './action-handler.ts';
import { drainPermissions } from './action-permissions.ts';
import { podKey } from './drain-filters.ts';
import { listPodsOnNode, planDrain } from './drain-plan.ts';
import {
  blockingBudget,
  DEFAULT_DRAIN_OPTIONS,
  runDrain,
  type DrainOptions,
  type DrainProgress,
} from './drain-run.ts';
import { formatGoDuration } from './go-duration.ts';
import { isNotFound, isTooManyRequests, type KubeStatusError } from './kube-json.ts';
import { cordonNode, readNode } from './node-ops.ts';

type Drain = Extract<Action, { kind: 'drain' }>;

/** A drain from the app never waits forever: without a timeout it gives up after ten minutes. */
export const APP_DRAIN_TIMEOUT_SECONDS = 600;

export function drainOptions(params: DrainParams = {}): DrainOptions {
  return {
    ...DEFAULT_DRAIN_OPTIONS,
    ignoreDaemonSets: params.ignoreDaemonSets ?? false,
    deleteEmptyDirData: params.deleteEmptyDirData ?? false,
    force: params.force ?? false,
    gracePeriodSeconds: params.gracePeriodSeconds ?? -1,
    timeoutSeconds: params.timeoutSeconds ?? APP_DRAIN_TIMEOUT_SECONDS,
    disableEviction: params.disableEviction ?? false,
  };
}

/** The kubectl drain command line for these options. */
export function drainCommandLine(node: string, options: DrainOptions): string {
  return [
    `kubectl drain ${node}`,
    options.ignoreDaemonSets ? '--ignore-daemonsets' : '',
    options.deleteEmptyDirData ? '--delete-emptydir-data' : '',
    options.force ? '--force' : '',
    options.gracePeriodSeconds >= 0 ? `--grace-period=${options.gracePeriodSeconds}` : '',
    options.timeoutSeconds > 0 ? `--timeout=${formatGoDuration(options.timeoutSeconds)}` : '',
    options.disableEviction ? '--disable-eviction' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A progress step as the line kubectl would print. */
export function drainStepText(step: DrainProgress): string | undefined {
  switch (step.type) {
    case 'cordoned':
      return `node/${step.node} ${step.already ? 'already cordoned' : 'cordoned'}`;
    case 'warning':
    case 'refused':
    case 'retrying':
    case 'failed':
      return step.message;
    case 'evicting':
      return `evicting pod ${step.pod}`;
    case 'waiting':
      return undefined;
    case 'evicted':
      return `pod/${step.pod} ${step.deleted ? 'deleted' : 'evicted'}`;
  }
}

export const drainHandler: ActionHandler<Drain> = {
  undoable: true,
  validate: () => [],
  async permissions(api, action) {
    const pods = await listPodsOnNode(api, action.node);
    return drainPermissions(
      action.node,
      pods.map((pod) => pod.metadata.namespace ?? ''),
      action.options?.disableEviction ?? false,
    );
  },
  summary: (action) => `Drain node ${action.node}`,
  target: (action) => `node/${action.node}`,
  kubectl: (action) => drainCommandLine(action.node, drainOptions(action.options)),
  /** kubectl's filters, then one server-side dry-run eviction per pod: a 429 names the budget that blocks. */
  async preview(api, action) {
    const parts = emptyPreview();
    const options = { ...drainOptions(action.options), dryRun: 'server' as const };
    const node = await readNode(api, action.node);
    if (node.spec?.unschedulable !== true) {
      parts.changes.push({ field: 'spec.unschedulable', from: 'false', to: 'true' });
      try {
        await cordonNode(api, action.node, true, 'server');
      } catch (error) {
        parts.problems.push(errorText(error));
      }
    }
    const plan = await planDrain(api, action.node, options);
    parts.skip = plan.skip;
    parts.blocking = [...plan.blocking];
    for (const pod of plan.evict) {
      const path = `/api/v1/namespaces/${encodeURIComponent(pod.metadata.namespace ?? '')}/pods/${encodeURIComponent(pod.metadata.name ?? '')}`;
      try {
        if (options.disableEviction) await api.delete(path, undefined, { dryRun: 'All' });
        else
          await api.post(
            `${path}/eviction`,
            {
              apiVersion: 'policy/v1',
              kind: 'Eviction',
              metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace },
              deleteOptions: { dryRun: ['All'] },
            },
            { dryRun: 'All' },
          );
        parts.evict.push(podKey(pod));
      } catch (error) {
        if (isNotFound(error)) continue;
        if (isTooManyRequests(error)) {
          const budget = blockingBudget(error as KubeStatusError);
          parts.blocking.push({
            pod: podKey(pod),
            reason: budget.name
              ? `PodDisruptionBudget ${pod.metadata.namespace}/${budget.name}: ${budget.message} (the drain retries every 5 s until its timeout)`
              : budget.message,
          });
        } else parts.blocking.push({ pod: podKey(pod), reason: errorText(error) });
      }
    }
    if (plan.blocking.length > 0)
      parts.problems.push(
        `kubectl's filters refuse ${plan.blocking.length} pod(s): change the options or move them first`,
      );
    return parts;
  },
  async execute(api, action, step, signal) {
    const wasCordoned = (await readNode(api, action.node)).spec?.unschedulable === true;
    const report = await runDrain(
      api,
      action.node,
      drainOptions(action.options),
      (progress) => {
        const text = drainStepText(progress);
        if (text) step(text);
      },
      signal,
    );
    const undo: Action | undefined = wasCordoned ? undefined : { kind: 'uncordon', node: action.node };
    if (report.outcome === 'drained') {
      step(`node/${action.node} drained`);
      return {
        ok: true,
        outcome: `node/${action.node} drained (${report.evict.length} pod(s) evicted)`,
        ...(undo ? { undo } : {}),
      };
    }
    return {
      ok: false,
      cancelled: report.outcome === 'cancelled',
      outcome: `drain ${report.outcome}: ${report.errors.join('; ')}`,
      ...(undo ? { undo } : {}),
    };
  },
};
