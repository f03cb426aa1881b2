import type { KubeObject, OwnerReference } from '../store/kube-object.ts';
import { bytes, cpuMillis } from './quantity.ts';
import type { Container, Pod, PodCondition, PodSpec } from './types.ts';

/** What a pod asks of a node, in the units the scheduler and kubelet count in. */
export interface PodRequests {
  cpuMillis: number;
  memoryBytes: number;
  ephemeralBytes: number;
}

/** What one container asks for and may use; undefined limits are unlimited. */
export interface ContainerShape {
  name: string;
  image: string;
  requestCpuMillis: number;
  requestMemoryBytes: number;
  requestEphemeralBytes: number;
  limitCpuMillis?: number;
  limitMemoryBytes?: number;
}

export interface PodShape {
  containers: ContainerShape[];
  requests: PodRequests;
  /** Requests with kube-scheduler's defaults for unset values (100m, 200Mi): what scores count. */
  nonZeroRequests: { cpuMillis: number; memoryBytes: number };
  qosClass: 'Guaranteed' | 'Burstable' | 'BestEffort';
}

// Stored objects never change, so anything derived from a spec can be cached by its identity.
// Pods of one ReplicaSet share their spec's containers when the simulator built them.
const shapes = new WeakMap<object, PodShape>();

export const DEFAULT_CPU_REQUEST_MILLIS = 100;
export const DEFAULT_MEMORY_REQUEST_BYTES = 200 * 1024 * 1024;

function containerShape(c: Container): ContainerShape {
  const requests = c.resources?.requests ?? {};
  const limits = c.resources?.limits ?? {};
  // A limit without a request defaults the request to the limit (API server defaulting).
  const limitCpu = limits['cpu'] === undefined ? undefined : cpuMillis(limits['cpu']);
  const limitMemory = limits['memory'] === undefined ? undefined : bytes(limits['memory']);
  return {
    name: c.name,
    image: c.image ?? '',
    requestCpuMillis: requests['cpu'] === undefined ? (limitCpu ?? 0) : cpuMillis(requests['cpu']),
    requestMemoryBytes: requests['memory'] === undefined ? (limitMemory ?? 0) : bytes(requests['memory']),
    requestEphemeralBytes: bytes(requests['ephemeral-storage']),
    ...(limitCpu === undefined ? {} : { limitCpuMillis: limitCpu }),
    ...(limitMemory === undefined ? {} : { limitMemoryBytes: limitMemory }),
  };
}

/**
 * Requests as the scheduler computes them (resource.PodRequests): the sum over containers, or the
 * largest init container when that is more, plus pod overhead.
 */
export function podShape(spec: PodSpec): PodShape {
  let shape = shapes.get(spec.containers);
  if (shape) return shape;
  const containers = spec.containers.map(containerShape);
  const requests = { cpuMillis: 0, memoryBytes: 0, ephemeralBytes: 0 };
  const nonZero = { cpuMillis: 0, memoryBytes: 0 };
  for (const c of containers) {
    requests.cpuMillis += c.requestCpuMillis;
    requests.memoryBytes += c.requestMemoryBytes;
    requests.ephemeralBytes += c.requestEphemeralBytes;
    nonZero.cpuMillis += c.requestCpuMillis || DEFAULT_CPU_REQUEST_MILLIS;
    nonZero.memoryBytes += c.requestMemoryBytes || DEFAULT_MEMORY_REQUEST_BYTES;
  }
  for (const init of (spec.initContainers ?? []).map(containerShape)) {
    requests.cpuMillis = Math.max(requests.cpuMillis, init.requestCpuMillis);
    requests.memoryBytes = Math.max(requests.memoryBytes, init.requestMemoryBytes);
    requests.ephemeralBytes = Math.max(requests.ephemeralBytes, init.requestEphemeralBytes);
  }
  if (spec.overhead) {
    requests.cpuMillis += cpuMillis(spec.overhead['cpu']);
    requests.memoryBytes += bytes(spec.overhead['memory']);
  }
  shape = { containers, requests, nonZeroRequests: nonZero, qosClass: qosClassOf(spec.containers) };
  shapes.set(spec.containers, shape);
  return shape;
}

/** The kubelet's QoS rules (pkg/apis/core/helper/qos) over cpu and memory. */
export function qosClassOf(containers: readonly Container[]): PodShape['qosClass'] {
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    for (const resource of ['cpu', 'memory']) {
      const request = requests[resource];
      const limit = limits[resource];
      if (request !== undefined || limit !== undefined) anySet = true;
      if (limit === undefined || (request !== undefined && String(request) !== String(limit)))
        guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return !isTerminal(pod) && pod.metadata.deletionTimestamp === undefined;
}

export function podCondition(pod: Pod, type: string): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === type);
}

export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** Ready for at least `minReadySeconds` at `nowMs` (podutil.IsPodAvailable). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  const ready = podCondition(pod, 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const since = ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : 0;
  return since + minReadySeconds * 1000 <= nowMs;
}

export function controllerRef(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((r) => r.controller === true);
}

export function objectKey(object: KubeObject): string {
  const { namespace, name } = object.metadata;
  return namespace ? [namespace, name ?? ''].join('/') : (name ?? '');
}

/** `kube-system/coredns-5d78c9869d-abcde` → ['kube-system', 'coredns-5d78c9869d-abcde']. */
export function splitKey(key: string): [namespace: string | undefined, name: string] {
  const slash = key.indexOf('/');
  return slash < 0 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
}
