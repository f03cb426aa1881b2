import type { KubeObject, OwnerReference } from '../store/kube-object.ts';
import { isoSeconds } from '../store/object-store.ts';
import { podShape } from '../kube/pods.ts';
import type { ContainerStatus, Pod, PodCondition, PodSpec } from '../kube/types.ts';
import { hexId } from './hex.ts';
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
      ...(input.createdMs === undefined ? {} : { creationTimestamp: isoSeconds(input.createdMs) }),
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

/** `docker.io/library/nginx:1.27` → its digest reference, stable per seed and image. */
export function imageId(seed: number, image: string, index: number): string {
  return `${image.split(':')[0]}@sha256:${hexId(seed, 5, index, 64)}`;
}

export function containerId(seed: number, stream: number, index: number): string {
  return `containerd://${hexId(seed, stream, index, 64)}`;
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
  const created = isoSeconds(input.createdMs);
  const readyAt = isoSeconds(startedMs + 2000);
  const statuses: ContainerStatus[] = pod.spec.containers.map((c, i) => {
    const restarted = i === 0 && input.restarts ? input.restarts : undefined;
    const status: ContainerStatus = {
      name: c.name,
      state: { running: { startedAt: isoSeconds(restarted?.lastMs ?? startedMs) } },
      lastState: {},
      ready: true,
      restartCount: restarted?.count ?? 0,
      image: c.image ?? '',
      imageID: imageId(seed, c.image ?? '', index * 8 + i),
      containerID: containerId(seed, 6, index * 8 + i),
      started: true,
    };
    if (restarted) {
      status.lastState = {
        terminated: {
          exitCode: restarted.oomKilled ? 137 : 1,
          reason: restarted.oomKilled ? 'OOMKilled' : 'Error',
          startedAt: isoSeconds(startedMs),
          finishedAt: isoSeconds(restarted.lastMs - 1000),
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
  const done = isoSeconds(input.finishedMs);
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
        podConditionTrue('Initialized', isoSeconds(input.createdMs)),
        notReady('Ready'),
        notReady('ContainersReady'),
        podConditionTrue('PodScheduled', isoSeconds(input.createdMs)),
      ],
      containerStatuses: (running.status?.containerStatuses ?? []).map((s) => ({
        ...s,
        ready: false,
        started: false,
        state: {
          terminated: {
            exitCode: 0,
            reason: 'Completed',
            startedAt: isoSeconds(input.startedMs),
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
