import type { PodFacts } from './pod-facts.ts';
import { memoryToBytes } from './quantity.ts';

/**
 * What risk reads from a node's kubelet Summary API (`/api/v1/nodes/{node}/proxy/stats/summary`):
 * how full the node's root filesystem is, how close each container (and the fullest) is to its
 * memory limit, and how many errors its network interfaces have counted. Disk filling and a container
 * leaking towards its limit leave no trace in node CPU, memory or pod counts until eviction or the
 * OOM kill, and a failing NIC none until the machine drops off the network; these show the run-up.
 */
export interface SummaryFacts {
  nodeName: string;
  /** node.fs.usedBytes; null when the kubelet did not report its filesystem. */
  diskBytes: number | null;
  /** node.fs.capacityBytes; null when not reported. */
  diskCapacityBytes: number | null;
  /**
   * The highest working set / memory limit over the node's containers that have a limit (1 = at
   * the limit, where the kernel OOM-kills); null when no container has one.
   */
  podMemoryPeak: number | null;
  /** Every container with a known memory limit, in the summary's order. */
  containerMemory: ContainerMemory[];
  /**
   * Receive plus transmit errors the node's network interfaces have counted since boot
   * (node.network, cAdvisor's /proc/net/dev): a counter, so only its changes mean anything; null
   * when the kubelet reported no interface with error counters.
   */
  nicErrors: number | null;
}

/** One container's memory against its limit, from one Summary reading. */
export interface ContainerMemory {
  namespace: string;
  pod: string;
  container: string;
  workingSetBytes: number;
  /** > 0: only containers whose limit is known (spec, or working set + availableBytes). */
  limitBytes: number;
}

/** A container's memory limit in bytes, or undefined when it has none (or is not known). */
export type MemoryLimitOf = (namespace: string, pod: string, container: string) => number | undefined;

/** The Summary API answered something that is not a summary. */
export class SummaryFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SummaryFormatError';
  }
}

type Loose = Record<string, unknown>;

function record(value: unknown): Loose | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined;
}

/** A byte count or counter as the kubelet reports it: a non-negative finite number, or nothing. */
function bytes(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Every container with a working set and a known limit, in the summary's order. */
function containerMemory(pods: unknown, memoryLimitOf: MemoryLimitOf): ContainerMemory[] {
  const found: ContainerMemory[] = [];
  if (!Array.isArray(pods)) return found;
  for (const pod of pods) {
    const ref = record(record(pod)?.['podRef']);
    const containers = record(pod)?.['containers'];
    if (!ref || !Array.isArray(containers)) continue;
    const namespace = String(ref['namespace'] ?? '');
    const name = String(ref['name'] ?? '');
    for (const container of containers) {
      const stats = record(container);
      const memory = record(stats?.['memory']);
      const workingSetBytes = bytes(memory?.['workingSetBytes']);
      if (!stats || workingSetBytes === undefined) continue;
      const containerName = String(stats['name'] ?? '');
      // The pod's own spec first; else what the kubelet implies (it reports availableBytes only
      // for a container with a limit, as limit minus working set).
      const available = bytes(memory?.['availableBytes']);
      const limitBytes =
        memoryLimitOf(namespace, name, containerName) ??
        (available === undefined ? undefined : workingSetBytes + available);
      if (limitBytes === undefined || !Number.isFinite(limitBytes) || limitBytes <= 0) continue;
      found.push({ namespace, pod: name, container: containerName, workingSetBytes, limitBytes });
    }
  }
  return found;
}

/** The fullest container's working set over its limit; null when none has a known limit. */
function podMemoryPeak(containers: readonly ContainerMemory[]): number | null {
  let peak: number | null = null;
  for (const { workingSetBytes, limitBytes } of containers) {
    const share = workingSetBytes / limitBytes;
    if (peak === null || share > peak) peak = share;
  }
  return peak;
}

/** One interface's rxErrors + txErrors; undefined when it reports neither. */
function interfaceErrors(stats: Loose | undefined): number | undefined {
  const rx = bytes(stats?.['rxErrors']);
  const tx = bytes(stats?.['txErrors']);
  return rx === undefined && tx === undefined ? undefined : (rx ?? 0) + (tx ?? 0);
}

/**
 * The errors over every interface in node.network.interfaces, or those of the default interface
 * inlined in node.network when the list has none (older kubelets report only that one).
 */
function nicErrors(network: Loose | undefined): number | null {
  const interfaces = network?.['interfaces'];
  let total: number | undefined;
  for (const stats of Array.isArray(interfaces) ? interfaces : []) {
    const errors = interfaceErrors(record(stats));
    if (errors !== undefined) total = (total ?? 0) + errors;
  }
  return total ?? interfaceErrors(network) ?? null;
}

/**
 * Reads a Summary API answer. Missing parts give nulls (a kubelet may not report its filesystem);
 * something that is not a summary at all throws a SummaryFormatError saying what was wrong.
 */
export function summaryFacts(summary: unknown, memoryLimitOf: MemoryLimitOf): SummaryFacts {
  const root = record(summary);
  const node = record(root?.['node']);
  if (!root || !node || typeof node['nodeName'] !== 'string') {
    throw new SummaryFormatError(
      'The kubelet stats summary has no node.nodeName: the node proxy answered something that is not a kubelet Summary API reply (is /stats/summary served by this kubelet?).',
    );
  }
  if (root['pods'] !== undefined && !Array.isArray(root['pods'])) {
    throw new SummaryFormatError(
      `The kubelet stats summary of ${node['nodeName']} has "pods" that is not a list.`,
    );
  }
  const fs = record(node['fs']);
  const capacity = bytes(fs?.['capacityBytes']);
  const used = bytes(fs?.['usedBytes']);
  const containers = containerMemory(root['pods'], memoryLimitOf);
  return {
    nodeName: node['nodeName'],
    diskBytes: used ?? null,
    diskCapacityBytes: capacity !== undefined && capacity > 0 ? capacity : null,
    podMemoryPeak: podMemoryPeak(containers),
    containerMemory: containers,
    nicErrors: nicErrors(record(node['network'])),
  };
}

/** A counter's reading at a time (ms). */
export interface CounterReading {
  at: number;
  count: number;
}

/**
 * Errors per minute between two readings of a node's NIC error counter. A counter that went down
 * was reset (a reboot, a driver reload): the errors since the reset are at least its new value,
 * never a negative rate. Null when the readings are not in time order.
 */
export function errorsPerMinute(previous: CounterReading, next: CounterReading): number | null {
  const minutes = (next.at - previous.at) / 60_000;
  if (!(minutes > 0)) return null;
  const counted = next.count >= previous.count ? next.count - previous.count : next.count;
  return counted / minutes;
}

/**
 * Each node's NIC error rate from successive Summary readings: the rate over the interval since
 * the node's previous reading (null for the first one, or when a reading has no counter).
 */
export class NicErrorRates {
  private readonly previous = new Map<string, CounterReading>();

  /** Takes a node's new reading; returns its errors per minute since the last one. */
  observe(node: string, at: number, count: number | null): number | null {
    const before = this.previous.get(node);
    if (count === null) {
      this.previous.delete(node);
      return null;
    }
    const now = { at, count };
    this.previous.set(node, now);
    return before ? errorsPerMinute(before, now) : null;
  }

  /** Forgets nodes that are gone. */
  forget(present: ReadonlySet<string>): void {
    for (const node of this.previous.keys()) if (!present.has(node)) this.previous.delete(node);
  }
}

/** Container memory limits from the pod mirror's facts (their trimmed specs). */
export function memoryLimitsOf(pods: ReadonlyMap<string, PodFacts>): MemoryLimitOf {
  return (namespace, pod, container) => {
    const spec = pods.get(`${namespace}/${pod}`)?.object.spec;
    const found =
      spec?.containers.find((c) => c.name === container) ??
      spec?.initContainers?.find((c) => c.name === container);
    const limit = found?.resources?.limits?.['memory'];
    if (limit === undefined) return undefined;
    const value = memoryToBytes(limit);
    return Number.isFinite(value) && value > 0 ? value : undefined;
  };
}
