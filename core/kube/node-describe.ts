import { maxDescribedPods, type NodeCondition, type NodeDetails, type NodePod } from '../contract/nodes.ts';
import { isBadCondition } from './lifecycle.ts';
import type { PodFacts } from './pod-facts.ts';
import { nodePod } from './pod-amounts.ts';
import { cpuToMillis, memoryToBytes } from './quantity.ts';

type Loose = Record<string, unknown>;

function record(value: unknown): Loose {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function records(value: unknown): Loose[] {
  return Array.isArray(value) ? value.map(record) : [];
}

/** A map of strings; capacity may carry numbers in hand-written JSON, shown as written. */
function stringMap(value: unknown): Record<string, string> {
  const entries = Object.entries(record(value)).flatMap(([key, v]): [string, string][] =>
    typeof v === 'string' || typeof v === 'number' ? [[key, String(v)]] : [],
  );
  return Object.fromEntries(entries);
}

/** Leaves out keys whose value is undefined (the contract's optional fields). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function condition(raw: Loose): NodeCondition {
  const type = text(raw['type']) ?? '';
  const status = text(raw['status']) ?? 'Unknown';
  return compact({
    type,
    status,
    reason: text(raw['reason']),
    message: text(raw['message']),
    lastTransitionTime: text(raw['lastTransitionTime']),
    lastHeartbeatTime: text(raw['lastHeartbeatTime']),
    bad: isBadCondition(type, status),
  });
}

/** status.nodeInfo when the kubelet has reported it (a kubelet version is the sign). */
function systemInfo(raw: Loose): NodeDetails['info'] {
  const kubeletVersion = text(raw['kubeletVersion']);
  if (!kubeletVersion) return undefined;
  const field = (name: string) => text(raw[name]) ?? '';
  return {
    kubeletVersion,
    osImage: field('osImage'),
    kernelVersion: field('kernelVersion'),
    containerRuntimeVersion: field('containerRuntimeVersion'),
    architecture: field('architecture'),
    operatingSystem: field('operatingSystem'),
  };
}

/** NaN (a quantity that does not parse) counts as nothing allocatable, so no percentage is made up. */
function finite(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function byNamespaceThenName(a: NodePod, b: NodePod): number {
  return a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
}

/** The pods kubectl lists under "Non-terminated Pods": terminal ones hold nothing. */
function isHoldingResources(pod: PodFacts): boolean {
  return pod.phase !== 'Succeeded' && pod.phase !== 'Failed';
}

export interface NodePodsRead {
  /** The pods bound to the node (any phase), or why they could not be read. */
  pods?: readonly PodFacts[];
  problem?: string;
}

/**
 * `kubectl describe node` in data: the Node as the API server returned it (raw JSON) and the pods
 * bound to it, to the contract's shape. Every pod counts towards the allocated sums; the list is
 * cut at maxDescribedPods.
 */
export function describeNode(raw: unknown, podsRead: NodePodsRead, at: number): NodeDetails {
  const node = record(raw);
  const metadata = record(node['metadata']);
  const spec = record(node['spec']);
  const status = record(node['status']);
  const allocatable = stringMap(status['allocatable']);
  const rows = (podsRead.pods ?? []).filter(isHoldingResources).map(nodePod).sort(byNamespaceThenName);
  const sum = (pick: (pod: NodePod) => number) => rows.reduce((total, pod) => total + pick(pod), 0);
  return compact({
    name: text(metadata['name']) ?? '',
    at,
    createdAt: text(metadata['creationTimestamp']),
    unschedulable: spec['unschedulable'] === true,
    taints: records(spec['taints']).map((t) =>
      compact({ key: text(t['key']) ?? '', value: text(t['value']), effect: text(t['effect']) ?? '' }),
    ),
    conditions: records(status['conditions']).map(condition),
    info: systemInfo(record(status['nodeInfo'])),
    addresses: records(status['addresses']).map((a) => ({
      type: text(a['type']) ?? '',
      address: text(a['address']) ?? '',
    })),
    capacity: stringMap(status['capacity']),
    allocatable,
    labels: stringMap(metadata['labels']),
    pods: rows.slice(0, maxDescribedPods),
    podCount: rows.length,
    podsProblem: podsRead.problem,
    allocated: {
      cpuMillis: {
        requests: sum((p) => p.cpuRequestMillis),
        limits: sum((p) => p.cpuLimitMillis),
        allocatable: finite(cpuToMillis(allocatable['cpu'])),
      },
      memoryBytes: {
        requests: sum((p) => p.memoryRequestBytes),
        limits: sum((p) => p.memoryLimitBytes),
        allocatable: finite(memoryToBytes(allocatable['memory'])),
      },
    },
  });
}
