import { rfc3339 } from '../kube/time.ts';
import { setCondition } from '../kube/conditions.ts';
import type {
  ContainerStateTerminated,
  ContainerStatus,
  Pod,
  PodCondition,
  PodStatus,
} from '../kube/types.ts';

/**
 * The pod status the kubelet's status manager writes (pkg/kubelet/status, kubelet_pods.go),
 * built from what the runtime knows about the pod's containers.
 */

export interface ContainerView {
  name: string;
  image: string;
  state: 'creating' | 'running' | 'waiting' | 'terminated';
  startedMs?: number;
  waiting?: { reason: string; message?: string };
  terminated?: ContainerStateTerminated;
  lastTerminated?: ContainerStateTerminated;
  ready: boolean;
  restartCount: number;
  containerID: string;
  imageID: string;
}

const CONDITION_ORDER = [
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
  'DisruptionTarget',
];

export function containerStatusJson(c: ContainerView): ContainerStatus {
  const state =
    c.state === 'running'
      ? { running: { startedAt: rfc3339(c.startedMs ?? 0) } }
      : c.state === 'terminated' && c.terminated
        ? { terminated: c.terminated }
        : { waiting: c.waiting ?? { reason: 'ContainerCreating' } };
  return {
    name: c.name,
    state,
    lastState: c.lastTerminated ? { terminated: c.lastTerminated } : {},
    ready: c.ready,
    restartCount: c.restartCount,
    image: c.image,
    imageID: c.state === 'creating' ? '' : c.imageID,
    ...(c.state === 'creating' ? {} : { containerID: c.containerID }),
    started: c.state === 'running',
  };
}

/**
 * The pod's conditions from its containers: ready when every container is, PodReadyToStartContainers
 * once the sandbox exists. Transition times move only when a status flips.
 */
export function podConditions(
  pod: Pod,
  containers: readonly ContainerView[],
  sandboxReady: boolean,
  nowMs: number,
  extra: readonly PodCondition[] = [],
): PodCondition[] {
  const at = rfc3339(nowMs);
  const unready = containers.filter((c) => !c.ready).map((c) => c.name);
  const finished = containers.length > 0 && containers.every((c) => c.state === 'terminated');
  const completed = finished && containers.every((c) => c.terminated?.exitCode === 0);
  let conditions = pod.status?.conditions ?? [];
  const set = (type: string, ok: boolean, reason?: string, message?: string) => {
    conditions = setCondition<PodCondition>(
      conditions,
      {
        type,
        status: ok ? 'True' : 'False',
        lastProbeTime: null,
        ...(ok || !reason ? {} : { reason }),
        ...(ok || !message ? {} : { message }),
      },
      at,
    );
  };
  set('PodReadyToStartContainers', sandboxReady && !finished);
  set('Initialized', true);
  const notReadyReason = completed ? 'PodCompleted' : 'ContainersNotReady';
  const notReadyMessage = completed ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  set('Ready', unready.length === 0, notReadyReason, notReadyMessage);
  set('ContainersReady', unready.length === 0, notReadyReason, notReadyMessage);
  if (!conditions.some((c) => c.type === 'PodScheduled')) set('PodScheduled', true);
  for (const c of extra) conditions = setCondition<PodCondition>(conditions, c, at);
  return [...conditions].sort((a, b) => rank(a.type) - rank(b.type));
}

function rank(type: string): number {
  const at = CONDITION_ORDER.indexOf(type);
  return at < 0 ? CONDITION_ORDER.length : at;
}

export function podStatusFor(
  pod: Pod,
  input: {
    phase: NonNullable<PodStatus['phase']>;
    containers: readonly ContainerView[];
    hostIP: string;
    podIP?: string;
    startMs: number;
    nowMs: number;
    sandboxReady: boolean;
    qosClass: NonNullable<PodStatus['qosClass']>;
    reason?: string;
    message?: string;
    extraConditions?: readonly PodCondition[];
  },
): PodStatus {
  return {
    phase: input.phase,
    conditions: podConditions(pod, input.containers, input.sandboxReady, input.nowMs, input.extraConditions),
    ...(input.message ? { message: input.message } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
    hostIP: input.hostIP,
    hostIPs: [{ ip: input.hostIP }],
    ...(input.podIP ? { podIP: input.podIP, podIPs: [{ ip: input.podIP }] } : {}),
    startTime: rfc3339(input.startMs),
    containerStatuses: input.containers.map(containerStatusJson),
    qosClass: input.qosClass,
  };
}

/** `name_namespace(uid)`, as kubelet messages name pods (format.Pod). */
export function formatPod(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}
