import type { RawObject } from './resource-mirror.ts';
import { trimPod, type TrimmedPod } from './scheduling-object.ts';

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
  /** The controlling owner (ReplicaSet, StatefulSet, DaemonSet, Job…), if any. */
  owner: { kind: string; name: string } | undefined;
  /** The pod as kube-scheduler and drain read it, trimmed. */
  object: TrimmedPod;
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
  const object = trimPod(raw);
  const controller = object.metadata.ownerReferences?.find((ref) => ref.controller);
  return {
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    nodeName: pod.spec?.nodeName,
    phase: pod.status?.phase,
    restarts: containers.reduce((sum, c) => sum + (c.restartCount ?? 0), 0),
    lastTermination: containers.map((c) => c.lastState?.terminated?.reason).find(Boolean),
    reason: pod.status?.reason,
    owner: controller ? { kind: controller.kind, name: controller.name } : undefined,
    object,
  };
}
