import type { RawObject } from './resource-mirror.ts';

/** What Foresight keeps of a Pod: where it runs, its state, and what marks trouble. */
export interface PodFacts {
  namespace: string;
  name: string;
  nodeName: string | undefined;
  phase: string | undefined;
  /** Sum of the containers' restart counts. */
  restarts: number;
  /** Why the last container termination happened (e.g. OOMKilled), if any. */
  lastTermination: string | undefined;
  /** status.reason: Evicted, Preempting, NodeLost… */
  reason: string | undefined;
}

interface RawPod extends RawObject {
  spec?: { nodeName?: string };
  status?: {
    phase?: string;
    reason?: string;
    containerStatuses?: Array<{ restartCount?: number; lastState?: { terminated?: { reason?: string } } }>;
  };
}

export function reducePod(raw: RawObject): PodFacts {
  const pod = raw as RawPod;
  const containers = pod.status?.containerStatuses ?? [];
  return {
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    nodeName: pod.spec?.nodeName,
    phase: pod.status?.phase,
    restarts: containers.reduce((sum, c) => sum + (c.restartCount ?? 0), 0),
    lastTermination: containers.map((c) => c.lastState?.terminated?.reason).find(Boolean),
    reason: pod.status?.reason,
  };
}
