import { hashString, noise3 } from '../random.ts';
import { bytes, cpuMillis } from '../kube/quantity.ts';
import { podShape } from '../kube/pods.ts';
import type { ContainerStatus, Node, Pod } from '../kube/types.ts';
import { baseLatencyMs, demandAt, nodeOverheadAt, type Demand } from './curve.ts';
import { productOf, sumOf } from './effects.ts';
import { nicErrorTotals } from './nic-errors.ts';
import type { CpuBurn, DiskWriter, IncidentEffects, LoadFactor, MemoryLeak } from './effects.ts';
import { profileFor, type LoadProfile } from './profile.ts';

export interface ContainerUsageSample {
  name: string;
  cpuMillis: number;
  /** What the container's processes hold; above `limitMemoryBytes` the kernel OOM-kills it. */
  memoryBytes: number;
  limitMemoryBytes?: number;
}

export interface PodUsageSample {
  namespace: string;
  name: string;
  uid: string;
  node: string;
  cpuMillis: number;
  memoryBytes: number;
  /** Logs and emptyDir on the node's disk. */
  diskBytes: number;
  /** Round-trip latency to the pod, ms (its node's; 0 outside a node sample). */
  latencyMs: number;
  containers: ContainerUsageSample[];
}

export interface NodeUsageSample {
  name: string;
  cpuMillis: number;
  memoryBytes: number;
  diskBytes: number;
  /** Round-trip latency from the node, ms: what probes and clients see. */
  latencyMs: number;
  /** The NIC's cumulative receive/transmit error counters (0 on a healthy NIC). */
  nicErrors: { rx: number; tx: number };
  /** CPU demand over what the node can give (1 = saturated). */
  cpuPressure: number;
  capacity: { cpuMillis: number; memoryBytes: number; diskBytes: number };
  pods: PodUsageSample[];
}

interface NodeBase {
  entity: number;
  overhead: Demand;
  diskBaseBytes: number;
  capacity: NodeUsageSample['capacity'];
}

const MIB = 1024 ** 2;
const STREAM = { nodeOverhead: 71, nodeDisk: 72 } as const;

const startTimes = new WeakMap<ContainerStatus, number>();

/** When the container's current run started, or undefined when it is not running. */
export function containerStartMs(status: ContainerStatus | undefined): number | undefined {
  const startedAt = status?.state?.running?.startedAt;
  if (!status || !startedAt) return undefined;
  let ms = startTimes.get(status);
  if (ms === undefined) {
    ms = Date.parse(startedAt);
    startTimes.set(status, ms);
  }
  return ms;
}

/**
 * What every pod and node uses at a given time: the profile's demand, plus what incidents add,
 * split over containers by their requests, throttled at CPU limits and by a saturated node. The
 * kubelet acts on it (OOM kills, pressure, evictions) and metrics-server reports it.
 */
interface PodLoad {
  profile: LoadProfile;
  containersOf: readonly unknown[];
  names: string[];
  cpuShares: number[];
  memoryShares: number[];
  cpuLimits: (number | undefined)[];
  memoryLimits: (number | undefined)[];
  effectsVersion: number;
  factors: readonly LoadFactor[] | undefined;
  burns: readonly CpuBurn[] | undefined;
  leaks: readonly MemoryLeak[] | undefined;
  writers: readonly DiskWriter[] | undefined;
}

export class UsageModel {
  private readonly loads = new Map<string, PodLoad>();
  private readonly nodeBases = new Map<string, NodeBase>();

  constructor(
    private readonly seed: number,
    /** Where trends start: the simulation's start. */
    private readonly epochMs: number,
    readonly effects: IncidentEffects,
  ) {}

  profile(pod: Pod): LoadProfile {
    return this.load(pod).profile;
  }

  /** Drops a deleted pod's profile. */
  forget(uid: string): void {
    this.loads.delete(uid);
  }

  /** Everything about a pod's load that does not change with time, computed once per pod. */
  private load(pod: Pod): PodLoad {
    const uid = pod.metadata.uid ?? '';
    let load = this.loads.get(uid);
    if (!load || load.containersOf !== pod.spec.containers) {
      const shape = podShape(pod.spec);
      const n = shape.containers.length || 1;
      const { cpuMillis: requestCpu, memoryBytes: requestMemory } = shape.requests;
      load = {
        profile: load?.profile ?? profileFor(this.seed, pod),
        containersOf: pod.spec.containers,
        names: shape.containers.map((c) => c.name),
        cpuShares: shape.containers.map((c) => (requestCpu > 0 ? c.requestCpuMillis / requestCpu : 1 / n)),
        memoryShares: shape.containers.map((c) =>
          requestMemory > 0 ? c.requestMemoryBytes / requestMemory : 1 / n,
        ),
        cpuLimits: shape.containers.map((c) => c.limitCpuMillis),
        memoryLimits: shape.containers.map((c) => c.limitMemoryBytes),
        effectsVersion: -1,
        factors: undefined,
        burns: undefined,
        leaks: undefined,
        writers: undefined,
      };
      this.loads.set(uid, load);
    }
    if (load.effectsVersion !== this.effects.version) {
      const e = this.effects;
      load.effectsVersion = e.version;
      load.factors = e.loadFactors.get(load.profile.workload);
      load.burns = e.cpuBurns.get(uid);
      load.leaks = e.memoryLeaks.get(uid);
      load.writers = e.diskWriters.get(uid);
    }
    return load;
  }

  /** Demand of one running pod, before the node's CPU runs out. */
  podDemand(pod: Pod, node: string, tMs: number): PodUsageSample {
    const containers: ContainerUsageSample[] = [];
    const totals = this.evaluate(pod, tMs, containers);
    return {
      namespace: pod.metadata.namespace ?? '',
      name: pod.metadata.name ?? '',
      uid: pod.metadata.uid ?? '',
      node,
      cpuMillis: totals.cpuMillis,
      memoryBytes: totals.memoryBytes,
      diskBytes: totals.diskBytes,
      latencyMs: 0,
      containers,
    };
  }

  // Scratch totals of the last evaluate(): the kubelet evaluates every pod every ten seconds, so
  // the common path allocates nothing.
  private readonly scratch = { cpuMillis: 0, memoryBytes: 0, diskBytes: 0 };

  /**
   * One pod's demand at `tMs`, into the scratch totals; per-container samples only when asked
   * for, and containers above their memory limit reported to `overLimit`.
   */
  private evaluate(
    pod: Pod,
    tMs: number,
    containers?: ContainerUsageSample[],
    overLimit?: (pod: Pod, container: number) => void,
  ): { cpuMillis: number; memoryBytes: number; diskBytes: number } {
    const load = this.load(pod);
    const demand = demandAt(this.seed, load.profile, tMs, this.epochMs);
    const factor = load.factors ? productOf(load.factors, tMs) : 1;
    // Traffic drives CPU fully and memory a little (buffers, connections).
    const cpuTotal = demand.cpuMillis * factor + (load.burns ? sumOf(load.burns, tMs) : 0);
    const memoryTotal = demand.memoryBytes * (1 + 0.05 * (factor - 1));
    const statuses = pod.status?.containerStatuses;
    let cpu = 0;
    let memory = 0;
    for (let i = 0; i < load.names.length; i++) {
      const memoryLimit = load.memoryLimits[i];
      const status = statuses?.[i];
      let cpuMillis = 0;
      let memoryBytes = 0;
      // A container that is not running (crashed, backing off) uses nothing.
      if (!statuses || status?.state?.running) {
        cpuMillis = cpuTotal * (load.cpuShares[i] ?? 0);
        memoryBytes = memoryTotal * (load.memoryShares[i] ?? 0);
        if (i === 0 && load.leaks) memoryBytes += sumOf(load.leaks, tMs, containerStartMs(status) ?? tMs);
        const cpuLimit = load.cpuLimits[i];
        if (cpuLimit !== undefined && cpuMillis > cpuLimit) cpuMillis = cpuLimit;
        memoryBytes = Math.round(memoryBytes);
        if (overLimit && memoryLimit !== undefined && memoryBytes > memoryLimit) overLimit(pod, i);
      }
      cpu += cpuMillis;
      memory += memoryBytes;
      if (containers) {
        const name = load.names[i] as string;
        containers.push(
          memoryLimit === undefined
            ? { name, cpuMillis, memoryBytes }
            : { name, cpuMillis, memoryBytes, limitMemoryBytes: memoryLimit },
        );
      }
    }
    let disk = load.profile.diskBytes;
    if (load.writers)
      disk += sumOf(load.writers, tMs, pod.status?.startTime ? Date.parse(pod.status.startTime) : tMs);
    const out = this.scratch;
    out.cpuMillis = cpu;
    out.memoryBytes = memory;
    out.diskBytes = Math.round(disk);
    return out;
  }

  /**
   * A node and its running pods at `tMs`. When the pods want more CPU than the node has, each
   * gets its share in proportion to its demand (CFS shares are proportional to requests, and
   * demand roughly follows requests), and latency grows with the overload.
   */
  nodeUsage(node: Node, pods: readonly Pod[], tMs: number): NodeUsageSample {
    const samples: PodUsageSample[] = [];
    const name = node.metadata.name ?? '';
    const totals = this.sum(node, pods, tMs, (pod) => {
      const sample = this.podDemand(pod, name, tMs);
      samples.push(sample);
      return sample;
    });
    if (totals.cpuPressure > 1) {
      const scale = 1 / totals.cpuPressure;
      for (const s of samples) {
        s.cpuMillis *= scale;
        for (const c of s.containers) c.cpuMillis *= scale;
      }
    }
    for (const s of samples) s.latencyMs = totals.latencyMs;
    return { ...totals, pods: samples };
  }

  /**
   * The node's totals without per-pod samples, for the kubelet's housekeeping; containers above
   * their memory limit are reported to `overLimit` after the pass.
   */
  nodeTotals(
    node: Node,
    pods: readonly Pod[],
    tMs: number,
    overLimit?: (pod: Pod, container: number) => void,
  ): Omit<NodeUsageSample, 'pods'> {
    const over: [Pod, number][] = [];
    const collect = overLimit ? (pod: Pod, container: number) => over.push([pod, container]) : undefined;
    const totals = this.sum(node, pods, tMs, (pod) => this.evaluate(pod, tMs, undefined, collect));
    for (const [pod, container] of over) overLimit?.(pod, container);
    return totals;
  }

  private sum(
    node: Node,
    pods: readonly Pod[],
    tMs: number,
    each: (pod: Pod) => { cpuMillis: number; memoryBytes: number; diskBytes: number },
  ): Omit<NodeUsageSample, 'pods'> {
    const name = node.metadata.name ?? '';
    const base = this.nodeBase(node);
    const overhead = nodeOverheadAt(this.seed, base.entity, base.overhead, tMs);
    let cpu = 0;
    let memory = overhead.memoryBytes;
    let disk = base.diskBaseBytes;
    for (const pod of pods) {
      if (pod.status?.phase !== 'Running') continue;
      const usage = each(pod);
      cpu += usage.cpuMillis;
      memory += usage.memoryBytes;
      disk += usage.diskBytes;
    }
    const room = Math.max(1, base.capacity.cpuMillis - overhead.cpuMillis);
    const cpuPressure = cpu / room;
    if (cpuPressure > 1) cpu = room;
    const contention = cpuPressure > 0.9 ? 400 * (cpuPressure - 0.9) ** 2 : 0;
    const latencyMs =
      baseLatencyMs(this.seed, base.entity, tMs) + contention + sumOf(this.effects.latency.get(name), tMs);
    return {
      name,
      cpuMillis: cpu + overhead.cpuMillis,
      memoryBytes: memory,
      diskBytes: Math.min(disk, base.capacity.diskBytes),
      latencyMs,
      nicErrors: nicErrorTotals(this.effects.nicErrors.get(name), tMs),
      cpuPressure,
      capacity: base.capacity,
    };
  }

  private nodeBase(node: Node): NodeBase {
    const name = node.metadata.name ?? '';
    let base = this.nodeBases.get(name);
    if (base) return base;
    const entity = hashString(name);
    const capacity = node.status?.capacity ?? {};
    const controlPlane = node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
    const r = (k: number) => noise3(this.seed, STREAM.nodeOverhead, entity, k);
    const diskBytes = bytes(capacity['ephemeral-storage']) || 100 * 1024 * MIB;
    base = {
      entity,
      // The control plane runs the API server and etcd outside any simulated pod.
      overhead: controlPlane
        ? { cpuMillis: 600 + 300 * r(0), memoryBytes: Math.round((2560 + 1024 * r(1)) * MIB) }
        : { cpuMillis: 120 + 80 * r(0), memoryBytes: Math.round((480 + 320 * r(1)) * MIB) },
      // Images, the runtime's state and system logs.
      diskBaseBytes: Math.round(diskBytes * (0.25 + 0.2 * noise3(this.seed, STREAM.nodeDisk, entity, 0))),
      capacity: {
        cpuMillis: cpuMillis(capacity['cpu']) || 1000,
        memoryBytes: bytes(capacity['memory']) || 1024 * MIB,
        diskBytes,
      },
    };
    this.nodeBases.set(name, base);
    return base;
  }
}
