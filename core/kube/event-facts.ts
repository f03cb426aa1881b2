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
    involved: {
      kind: String(involved['kind'] ?? ''),
      name: String(involved['name'] ?? ''),
      namespace: typeof involved['namespace'] === 'string' ? involved['namespace'] : undefined,
    },
  };
}

/**
 * A Warning event, each time it is new or repeats (its count grows), as a lifecycle event on
 * the node it concerns: the node itself, or the node a pod runs on. Normal events are routine
 * (Scheduled, Pulled, Started) and stay out of the history.
 */
export function eventLifecycle(
  change: 'ADDED' | 'MODIFIED' | 'DELETED',
  after: EventFacts,
  before: EventFacts | undefined,
  at: number,
  nodeOfPod: (namespace: string, name: string) => string | undefined,
): LifecycleEvent[] {
  if (change === 'DELETED' || after.type !== 'Warning') return [];
  if (before && after.count <= before.count) return [];
  const { kind, name, namespace } = after.involved;
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
