import type { NodeFacts } from './node-facts.ts';
import type { PodFacts } from './pod-facts.ts';

/**
 * Things that happened to a node or a pod, as the collector sees them change: the outcomes that
 * risk models learn from (an OOMKill, an eviction, a node going NotReady) and the UI marks on
 * a node's timeline.
 */
export type LifecycleKind =
  | 'PodRestarted'
  | 'PodOOMKilled'
  | 'PodEvicted'
  | 'PodPhase'
  | 'PodScheduled'
  | 'PodDeleted'
  | 'NodeCondition'
  | 'NodeCordoned'
  | 'NodeUncordoned'
  | 'NodeAdded'
  | 'NodeRemoved'
  /** The node's kubelet (re)started: a Normal "Starting" event on the Node ("Starting kubelet."). */
  | 'KubeletStarted'
  /** A Warning event from the cluster (FailedScheduling, BackOff, Unhealthy, SystemOOM…). */
  | 'Warning';

export interface LifecycleEvent {
  at: number;
  kind: LifecycleKind;
  node: string | undefined;
  namespace?: string;
  pod?: string;
  /** Short machine-readable detail: a phase transition, a condition and its new status. */
  detail: string;
}

type Change = 'ADDED' | 'MODIFIED' | 'DELETED';

/** What a pod's change means, as lifecycle events. ADDED after the first list is a new pod. */
export function podLifecycle(
  change: Change,
  after: PodFacts,
  before: PodFacts | undefined,
  at: number,
): LifecycleEvent[] {
  const base = { at, node: after.nodeName ?? before?.nodeName, namespace: after.namespace, pod: after.name };
  if (change === 'DELETED') return [{ ...base, kind: 'PodDeleted', detail: after.phase ?? '' }];
  const events: LifecycleEvent[] = [];
  if (!before?.nodeName && after.nodeName)
    events.push({ ...base, kind: 'PodScheduled', detail: after.nodeName });
  if (before && after.restarts > before.restarts) {
    const oom = after.lastTermination === 'OOMKilled';
    events.push({
      ...base,
      kind: oom ? 'PodOOMKilled' : 'PodRestarted',
      detail: `${after.restarts - before.restarts} restart(s), last ${after.lastTermination ?? 'unknown'}`,
    });
  }
  if (after.reason === 'Evicted' && before?.reason !== 'Evicted')
    events.push({ ...base, kind: 'PodEvicted', detail: after.phase ?? '' });
  if (before && before.phase !== after.phase) {
    events.push({ ...base, kind: 'PodPhase', detail: `${before.phase ?? '?'}→${after.phase ?? '?'}` });
  }
  return events;
}

/** What a node's change means: condition transitions, cordons, arrivals and departures. */
export function nodeLifecycle(
  change: Change,
  after: NodeFacts,
  before: NodeFacts | undefined,
  at: number,
): LifecycleEvent[] {
  const base = { at, node: after.name };
  if (change === 'DELETED') return [{ ...base, kind: 'NodeRemoved', detail: '' }];
  if (change === 'ADDED' && !before) return [{ ...base, kind: 'NodeAdded', detail: '' }];
  const events: LifecycleEvent[] = [];
  if (before && before.unschedulable !== after.unschedulable) {
    events.push({ ...base, kind: after.unschedulable ? 'NodeCordoned' : 'NodeUncordoned', detail: '' });
  }
  for (const [type, status] of Object.entries(after.conditions)) {
    const previous = before?.conditions[type];
    if (previous !== undefined && previous !== status)
      events.push({ ...base, kind: 'NodeCondition', detail: `${type}=${status}` });
  }
  return events;
}
