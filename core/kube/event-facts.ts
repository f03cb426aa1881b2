import type { LifecycleEvent } from './lifecycle.ts';
import type { RawObject } from './resource-mirror.ts';

/** What Foresight keeps of a core/v1 Event: enough to record Warnings against a node or pod. */
export interface EventFacts {
  namespace: string;
  name: string;
  type: string;
  reason: string;
  message: string;
  count: number;
  /** Who reported it (kubelet, kube-proxy…): source.component or reportingComponent; '' if unsaid. */
  component: string;
  involved: { kind: string; name: string; namespace: string | undefined };
}

/** Messages can be long (stack traces from probes): the history keeps their start. */
const maxMessageLength = 300;

type Loose = Record<string, unknown>;

function record(value: unknown): Loose {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {};
}

export function reduceEvent(raw: RawObject): EventFacts {
  const metadata = record(raw.metadata);
  const involved = record(raw['involvedObject'] ?? raw['regarding']);
  const series = record(raw['series']);
  const message = String(raw['message'] ?? raw['note'] ?? '');
  const source = record(raw['source']);
  const deprecatedSource = record(raw['deprecatedSource']);
  return {
    namespace: String(metadata['namespace'] ?? ''),
    name: String(metadata['name'] ?? ''),
    type: String(raw['type'] ?? 'Normal'),
    reason: String(raw['reason'] ?? ''),
    message: message.length > maxMessageLength ? `${message.slice(0, maxMessageLength)}…` : message,
    count:
      typeof raw['count'] === 'number'
        ? raw['count']
        : typeof series['count'] === 'number'
          ? series['count']
          : 1,
    component: String(
      raw['reportingComponent'] ||
        raw['reportingController'] ||
        source['component'] ||
        deprecatedSource['component'] ||
        '',
    ),
    involved: {
      kind: String(involved['kind'] ?? ''),
      name: String(involved['name'] ?? ''),
      namespace: typeof involved['namespace'] === 'string' ? involved['namespace'] : undefined,
    },
  };
}

/**
 * A Warning event, each time it is new or repeats (its count grows), as a lifecycle event on
 * the node it concerns: the node itself, or the node a pod runs on. Of Normal events only a
 * Node's "Starting" counts ("Starting kubelet."): a kubelet that keeps restarting announces a
 * node going NotReady minutes ahead, and leaves no other trace. Other Normal events are routine
 * (Scheduled, Pulled, Started) and stay out of the history.
 */
export function eventLifecycle(
  change: 'ADDED' | 'MODIFIED' | 'DELETED',
  after: EventFacts,
  before: EventFacts | undefined,
  at: number,
  nodeOfPod: (namespace: string, name: string) => string | undefined,
): LifecycleEvent[] {
  if (change === 'DELETED') return [];
  if (before && after.count <= before.count) return [];
  const { kind, name, namespace } = after.involved;
  if (after.type !== 'Warning') {
    return isKubeletStart(after)
      ? [{ at, kind: 'KubeletStarted', node: name, detail: `${after.reason}: ${after.message}` }]
      : [];
  }
  const isPod = kind === 'Pod';
  const node = kind === 'Node' ? name : isPod ? nodeOfPod(namespace ?? after.namespace, name) : undefined;
  return [
    {
      at,
      kind: 'Warning',
      node,
      ...(isPod ? { namespace: namespace ?? after.namespace, pod: name } : {}),
      detail: `${after.reason}: ${after.message}`,
    },
  ];
}

/**
 * A Normal "Starting" event on a Node from the kubelet: it (re)started there. kube-proxy reports
 * its own start with the same reason on the same Node, so an event that names another reporter
 * does not count; one that names none (older clusters leave the source empty) does.
 */
export function isKubeletStart(event: EventFacts): boolean {
  return (
    event.type === 'Normal' &&
    event.involved.kind === 'Node' &&
    event.reason === 'Starting' &&
    (event.component === '' || event.component === 'kubelet')
  );
}
