import type { KubeObject, OwnerReference } from '../store/kube-object.ts';
import { rfc3339 } from '../kube/time.ts';
import { podShape } from '../kube/pods.ts';
import type { ContainerStatus, Pod, PodCondition, PodSpec } from '../kube/types.ts';
import { hashString } from '../random.ts';
import { fastHexId, hexId } from './hex.ts';
import { podSpecDefaults } from './pod-defaults.ts';

/** A pod as the API server stores it on create, before any scheduler or kubelet touched it. */
export function newPodJson(input: {
  name: string;
  namespace: string;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  spec: PodSpec;
  uid?: string;
  createdMs?: number;
}): Pod {
  const spec = podSpecDefaults(input.spec);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      ...(input.generateName ? { generateName: input.generateName } : {}),
      ...(input.uid ? { uid: input.uid } : {}),
      ...(input.createdMs === undefined ? {} : { creationTimestamp: rfc3339(input.createdMs) }),
      ...(input.labels ? { labels: input.labels } : {}),
      ...(input.annotations ? { annotations: input.annotations } : {}),
      ...(input.ownerReferences ? { ownerReferences: input.ownerReferences } : {}),
    },
    spec,
    status: { phase: 'Pending', qosClass: podShape(spec).qosClass },
  };
}

export function podConditionTrue(type: string, at: string): PodCondition {
  return { type, status: 'True', lastProbeTime: null, lastTransitionTime: at };
}

const imageIds = new Map<string, string>();

/** `docker.io/library/nginx:1.27` → its digest reference, one per seed and image, as a registry has. */
export function imageId(seed: number, image: string): string {
  const key = `${seed}\u0000${image}`;
  let id = imageIds.get(key);
  if (!id) {
    id = `${image.split(':')[0]}@sha256:${hexId(seed, 5, hashString(image), 64)}`;
    imageIds.set(key, id);
  }
  return id;
}

export function containerId(seed: number, stream: number, index: number): string {
  return ['containerd://', fastHexId(seed, stream, index, 64)].join('');
}

export interface RunningPodInput {
  pod: Pod;
  seed: number;
  /** A number unique to this pod, for its container IDs. */
  index: number;
  nodeName: string;
  hostIP: string;
  podIP: string;
  createdMs: number;
  startedMs: number;
  /** Restarts of the first container before the simulation started, and when the last was. */
  restarts?: { count: number; lastMs: number; oomKilled: boolean };
}

/**
 * A pod that has been running since before the simulation started, as a kubeadm/EKS cluster
 * reports it (materialized with the cluster, so its history is consistent with its times).
 */
export function runningPodJson(input: RunningPodInput): Pod {
  const { pod, seed, index, startedMs } = input;
  const created = rfc3339(input.createdMs);
  const readyAt = rfc3339(startedMs + 2000);
  const statuses: ContainerStatus[] = pod.spec.containers.map((c, i) => {
    const restarted = i === 0 && input.restarts ? input.restarts : undefined;
    const status: ContainerStatus = {
      name: c.name,
      state: { running: { startedAt: rfc3339(restarted?.lastMs ?? startedMs) } },
      lastState: {},
      ready: true,
      restartCount: restarted?.count ?? 0,
      image: c.image ?? '',
      imageID: imageId(seed, c.image ?? ''),
      containerID: containerId(seed, 6, index * 8 + i),
      started: true,
    };
    if (restarted) {
      status.lastState = {
        terminated: {
          exitCode: restarted.oomKilled ? 137 : 1,
          reason: restarted.oomKilled ? 'OOMKilled' : 'Error',
          startedAt: rfc3339(startedMs),
          finishedAt: rfc3339(restarted.lastMs - 1000),
          containerID: containerId(seed, 8, index * 8 + i),
        },
      };
    }
    return status;
  });
  return {
    ...pod,
    metadata: { ...pod.metadata, creationTimestamp: created },
    spec: { ...pod.spec, nodeName: input.nodeName },
    status: {
      phase: 'Running',
      conditions: [
        podConditionTrue('PodReadyToStartContainers', readyAt),
        podConditionTrue('Initialized', created),
        podConditionTrue('Ready', readyAt),
        podConditionTrue('ContainersReady', readyAt),
        podConditionTrue('PodScheduled', created),
      ],
      hostIP: input.hostIP,
      hostIPs: [{ ip: input.hostIP }],
      podIP: input.podIP,
      podIPs: [{ ip: input.podIP }],
      startTime: created,
      containerStatuses: statuses,
      qosClass: podShape(pod.spec).qosClass,
    },
  };
}

/** A pod of a finished Job: its containers exited 0. */
export function succeededPodJson(input: RunningPodInput & { finishedMs: number }): Pod {
  const running = runningPodJson(input);
  const done = rfc3339(input.finishedMs);
  const notReady = (type: string): PodCondition => ({
    type,
    status: 'False',
    lastProbeTime: null,
    lastTransitionTime: done,
    reason: 'PodCompleted',
  });
  return {
    ...running,
    status: {
      ...running.status,
      phase: 'Succeeded',
      conditions: [
        notReady('PodReadyToStartContainers'),
        podConditionTrue('Initialized', rfc3339(input.createdMs)),
        notReady('Ready'),
        notReady('ContainersReady'),
        podConditionTrue('PodScheduled', rfc3339(input.createdMs)),
      ],
      containerStatuses: (running.status?.containerStatuses ?? []).map((s) => ({
        ...s,
        ready: false,
        started: false,
        state: {
          terminated: {
            exitCode: 0,
            reason: 'Completed',
            startedAt: rfc3339(input.startedMs),
            finishedAt: done,
            containerID: s.containerID ?? '',
          },
        },
      })),
    },
  };
}

/** The owner reference a controller puts on what it creates. */
export function controllerReference(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}
