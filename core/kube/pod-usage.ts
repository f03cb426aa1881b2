import type { PodMetrics } from './cluster-client.ts';
import type { PodFacts } from './pod-facts.ts';
import { cpuToMillis, memoryToBytes } from './quantity.ts';
import { workloadOfPod } from './workload-facts.ts';
import type { TrimmedContainer } from './scheduling-object.ts';

/** One pod's usage at one time, with what it requests and where it runs. */
export interface PodUsage {
  namespace: string;
  pod: string;
  node: string | undefined;
  /** `Deployment/web`, `StatefulSet/db`…; undefined for a pod without a controller. */
  workload: { kind: string; name: string } | undefined;
  cpuMillis: number;
  memoryBytes: number;
  cpuRequestMillis: number;
  memoryRequestBytes: number;
}

/** A workload's pods at one time: how many, their total and busiest usage, what they request. */
export interface WorkloadUsage extends WorkloadFigures {
  namespace: string;
  kind: string;
  name: string;
}

export interface WorkloadFigures {
  pods: number;
  cpuMillis: number;
  cpuMaxMillis: number;
  memoryBytes: number;
  memoryMaxBytes: number;
  cpuRequestMillis: number;
  memoryRequestBytes: number;
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

function requested(containers: readonly TrimmedContainer[], resource: 'cpu' | 'memory'): number {
  const parse = resource === 'cpu' ? cpuToMillis : memoryToBytes;
  return containers.reduce((sum, c) => sum + finite(parse(c.resources?.requests?.[resource])), 0);
}

/**
 * Joins metrics.k8s.io pod usage with the mirrored pods: each measured pod gets its node, its
 * workload (a Deployment rather than its ReplicaSet) and its requests. Pods the metrics name but
 * the mirror does not know (just deleted) are left out.
 */
export function joinPodUsage(
  metrics: readonly PodMetrics[],
  pods: ReadonlyMap<string, PodFacts>,
  ownerOf: (kind: string, namespace: string, name: string) => { kind: string; name: string } | undefined,
): PodUsage[] {
  const usage: PodUsage[] = [];
  for (const measured of metrics) {
    const { namespace, name } = measured.metadata;
    const facts = pods.get(`${namespace}/${name}`);
    if (!facts) continue;
    usage.push({
      namespace,
      pod: name,
      node: facts.nodeName,
      workload: workloadOfPod(facts.owner, namespace, ownerOf),
      cpuMillis: measured.containers.reduce((sum, c) => sum + finite(cpuToMillis(c.usage.cpu)), 0),
      memoryBytes: measured.containers.reduce((sum, c) => sum + finite(memoryToBytes(c.usage.memory)), 0),
      cpuRequestMillis: requested(facts.object.spec.containers, 'cpu'),
      memoryRequestBytes: requested(facts.object.spec.containers, 'memory'),
    });
  }
  return usage;
}

/** Per-workload totals of one measurement; pods without a controller are not a workload. */
export function workloadUsage(pods: readonly PodUsage[]): WorkloadUsage[] {
  const byWorkload = new Map<string, WorkloadUsage>();
  for (const pod of pods) {
    if (!pod.workload) continue;
    const key = `${pod.namespace}/${pod.workload.kind}/${pod.workload.name}`;
    const sum = byWorkload.get(key) ?? {
      namespace: pod.namespace,
      kind: pod.workload.kind,
      name: pod.workload.name,
      pods: 0,
      cpuMillis: 0,
      cpuMaxMillis: 0,
      memoryBytes: 0,
      memoryMaxBytes: 0,
      cpuRequestMillis: 0,
      memoryRequestBytes: 0,
    };
    sum.pods += 1;
    sum.cpuMillis += pod.cpuMillis;
    sum.cpuMaxMillis = Math.max(sum.cpuMaxMillis, pod.cpuMillis);
    sum.memoryBytes += pod.memoryBytes;
    sum.memoryMaxBytes = Math.max(sum.memoryMaxBytes, pod.memoryBytes);
    sum.cpuRequestMillis += pod.cpuRequestMillis;
    sum.memoryRequestBytes += pod.memoryRequestBytes;
    byWorkload.set(key, sum);
  }
  return [...byWorkload.values()];
}
