import { rfc3339 } from './kube/time.ts';
import type { ContainerUsageSample, NodeUsageSample, PodUsageSample } from './load/usage-model.ts';

/**
 * The kubelet's Summary API (`/stats/summary`, k8s.io/kubelet/pkg/apis/stats/v1alpha1) for one
 * node's usage sample, as the API server's node proxy returns it. Only the fields a consumer of
 * node filesystem and container memory reads are filled, with the kubelet's own meanings:
 * `availableBytes` is capacity (or the container's memory limit) minus the working set, and a
 * container without a memory limit has no `availableBytes`. `network` has the node's one interface
 * with its cumulative error counters (cAdvisor's /proc/net/dev); byte counters are left out, as
 * the kubelet omits any counter it does not have.
 */

interface InterfaceStats {
  name: string;
  rxErrors: number;
  txErrors: number;
}

interface MemoryStats {
  time: string;
  workingSetBytes: number;
  usageBytes: number;
  availableBytes?: number;
}

export interface KubeletSummary {
  node: {
    nodeName: string;
    cpu: { time: string; usageNanoCores: number };
    memory: MemoryStats;
    fs: { time: string; availableBytes: number; capacityBytes: number; usedBytes: number };
    /** The default interface's stats inline, and every interface in `interfaces`. */
    network: { time: string; interfaces: InterfaceStats[] } & InterfaceStats;
  };
  pods: Array<{
    podRef: { name: string; namespace: string; uid: string };
    cpu: { time: string; usageNanoCores: number };
    memory: MemoryStats;
    containers: Array<{ name: string; cpu: { time: string; usageNanoCores: number }; memory: MemoryStats }>;
    'ephemeral-storage': { time: string; usedBytes: number };
  }>;
}

/** The simulated nodes have one NIC. */
const INTERFACE = 'eth0';

const nanocores = (millis: number) => Math.round(millis * 1_000_000);
const whole = (bytes: number) => Math.max(0, Math.round(bytes));

function containerMemory(container: ContainerUsageSample, time: string): MemoryStats {
  const limit = container.limitMemoryBytes;
  // The kernel never lets a container hold more than its limit; the kubelet reports what it holds.
  const workingSet = whole(
    limit === undefined ? container.memoryBytes : Math.min(container.memoryBytes, limit),
  );
  return {
    time,
    workingSetBytes: workingSet,
    usageBytes: workingSet,
    ...(limit === undefined ? {} : { availableBytes: whole(limit - workingSet) }),
  };
}

function podStats(pod: PodUsageSample, time: string): KubeletSummary['pods'][number] {
  const containers = pod.containers.map((c) => ({
    name: c.name,
    cpu: { time, usageNanoCores: nanocores(c.cpuMillis) },
    memory: containerMemory(c, time),
  }));
  const workingSet = containers.reduce((sum, c) => sum + c.memory.workingSetBytes, 0);
  return {
    podRef: { name: pod.name, namespace: pod.namespace, uid: pod.uid },
    cpu: { time, usageNanoCores: nanocores(pod.cpuMillis) },
    memory: { time, workingSetBytes: workingSet, usageBytes: workingSet },
    containers,
    'ephemeral-storage': { time, usedBytes: whole(pod.diskBytes) },
  };
}

export function kubeletSummary(sample: NodeUsageSample, tMs: number): KubeletSummary {
  const time = rfc3339(tMs);
  const disk = whole(Math.min(sample.diskBytes, sample.capacity.diskBytes));
  const memory = whole(sample.memoryBytes);
  const nic = { name: INTERFACE, rxErrors: whole(sample.nicErrors.rx), txErrors: whole(sample.nicErrors.tx) };
  return {
    node: {
      nodeName: sample.name,
      cpu: { time, usageNanoCores: nanocores(sample.cpuMillis) },
      memory: {
        time,
        workingSetBytes: memory,
        usageBytes: memory,
        availableBytes: whole(sample.capacity.memoryBytes - memory),
      },
      fs: {
        time,
        availableBytes: whole(sample.capacity.diskBytes - disk),
        capacityBytes: whole(sample.capacity.diskBytes),
        usedBytes: disk,
      },
      network: { time, ...nic, interfaces: [nic] },
    },
    pods: sample.pods.map((pod) => podStats(pod, time)),
  };
}
