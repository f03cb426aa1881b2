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

/** A node condition in a bad state: Ready anything but True; a pressure or NetworkUnavailable True. */
export function isBadCondition(type: string, status: string): boolean {
  if (type === 'Ready') return status !== 'True';
  return status === 'True' && (type.endsWith('Pressure') || type === 'NetworkUnavailable');
}

/**
 * A node's conditions that are already bad when Foresight first sees it (in the first list, or
 * as it joins), as condition events: a node that was NotReady before Foresight started never
 * changes while it watches, and without these risk would call it healthy.
 */
export function nodeFirstSeen(node: NodeFacts, at: number): LifecycleEvent[] {
  return Object.entries(node.conditions)
    .filter(([type, status]) => isBadCondition(type, status))
    .map(([type, status]) => ({ at, node: node.name, kind: 'NodeCondition', detail: `${type}=${status}` }));
}

/**
 * What a node's change means: condition transitions, cordons, arrivals (with any condition
 * already bad) and departures.
 */
export function nodeLifecycle(
  change: Change,
  after: NodeFacts,
  before: NodeFacts | undefined,
  at: number,
): LifecycleEvent[] {
  const base = { at, node: after.name };
  if (change === 'DELETED') return [{ ...base, kind: 'NodeRemoved', detail: '' }];
  if (change === 'ADDED' && !before)
    return [{ ...base, kind: 'NodeAdded', detail: '' }, ...nodeFirstSeen(after, at)];
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
