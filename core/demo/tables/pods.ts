import type { KubeObject } from '../../sim/store/kube-object.ts';
import {
  age,
  ageColumn,
  column,
  humanDuration,
  int,
  list,
  nameColumn,
  rec,
  str,
  type Printer,
} from './table.ts';

/** `kubectl get pods`: printPod in pkg/printers/internalversion/printers.go (init containers simplified). */
export const podPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'The aggregate status of the containers in this pod.'),
    column(
      'Restarts',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    ageColumn(),
    column(
      'IP',
      'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
      {
        priority: 1,
      },
    ),
    column('Node', 'NodeName is a request to schedule this pod onto a specific node.', { priority: 1 }),
    column('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node.', {
      priority: 1,
    }),
    column('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.', {
      priority: 1,
    }),
  ],
  cells(pod, now) {
    const spec = rec(pod, 'spec');
    const status = rec(pod, 'status');
    const summary = podSummary(pod);
    const ip = str(list(status, 'podIPs')[0], 'ip') || str(status, 'podIP');
    const gates = list(spec, 'readinessGates');
    const conditions = list(status, 'conditions');
    const gateText =
      gates.length === 0
        ? '<none>'
        : `${gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length}/${gates.length}`;
    return [
      pod.metadata.name ?? '',
      `${summary.ready}/${summary.total}`,
      summary.reason,
      summary.lastRestartMs === undefined || summary.restarts === 0
        ? String(summary.restarts)
        : `${summary.restarts} (${humanDuration(now - summary.lastRestartMs)} ago)`,
      age(pod, now),
      ip || '<none>',
      str(spec, 'nodeName') || '<none>',
      str(status, 'nominatedNodeName') || '<none>',
      gateText,
    ];
  },
  conditions(pod) {
    const phase = str(rec(pod, 'status'), 'phase');
    if (phase === 'Succeeded') return [{ type: 'Completed', status: 'True' }];
    if (phase === 'Failed') return [{ type: 'Completed', status: 'True' }];
    return undefined;
  },
};

export interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  lastRestartMs: number | undefined;
}

/** READY, STATUS and RESTARTS as kubectl derives them from the container statuses. */
export function podSummary(pod: KubeObject): PodSummary {
  const spec = rec(pod, 'spec');
  const status = rec(pod, 'status');
  const phase = str(status, 'phase');
  let reason = str(status, 'reason') || phase;
  if (list(status, 'conditions').some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }
  const total = list(spec, 'containers').length;
  let ready = 0;
  let restarts = 0;
  let lastRestartMs: number | undefined;
  let hasRunning = false;

  const initStatuses = list(status, 'initContainerStatuses');
  const initCount = list(spec, 'initContainers').length;
  let initializing = false;
  for (const [i, init] of initStatuses.entries()) {
    restarts += int(init, 'restartCount');
    const state = rec(init, 'state');
    const terminated = rec(state, 'terminated');
    if (state.terminated && int(terminated, 'exitCode') === 0) continue;
    initializing = true;
    if (state.terminated)
      reason = `Init:${str(terminated, 'reason') || `ExitCode:${int(terminated, 'exitCode')}`}`;
    else if (
      str(rec(state, 'waiting'), 'reason') &&
      str(rec(state, 'waiting'), 'reason') !== 'PodInitializing'
    )
      reason = `Init:${str(rec(state, 'waiting'), 'reason')}`;
    else reason = `Init:${i}/${initCount}`;
    break;
  }

  if (!initializing) {
    restarts = 0;
    const statuses = list(status, 'containerStatuses');
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i] as Record<string, unknown>;
      restarts += int(container, 'restartCount');
      const finished = str(rec(rec(container, 'lastState'), 'terminated'), 'finishedAt');
      if (finished) {
        const at = Date.parse(finished);
        if (!Number.isNaN(at) && (lastRestartMs === undefined || at > lastRestartMs)) lastRestartMs = at;
      }
      const state = rec(container, 'state');
      const waiting = str(rec(state, 'waiting'), 'reason');
      const terminated = rec(state, 'terminated');
      if (waiting) reason = waiting;
      else if (state.terminated && str(terminated, 'reason')) reason = str(terminated, 'reason');
      else if (state.terminated)
        reason = int(terminated, 'signal')
          ? `Signal:${int(terminated, 'signal')}`
          : `ExitCode:${int(terminated, 'exitCode')}`;
      else if (container.ready === true && state.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const readyCondition = list(status, 'conditions').some(
        (c) => c.type === 'Ready' && c.status === 'True',
      );
      reason = readyCondition ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && str(status, 'reason') === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed')
    reason = 'Terminating';
  return { ready, total, reason, restarts, lastRestartMs };
}
