import { nodeInternalIP, podIP } from '../sim/network.ts';
import type { Simulation } from '../sim/simulation.ts';
import type { SimNamespace, SimNode, SimPod } from '../sim/types.ts';
import { lastRestartMs, type KubeObject } from './objects.ts';

/**
 * Server-side printing (meta.k8s.io/v1 Table), which `kubectl get` asks for first. Without it
 * kubectl falls back to NAME and AGE only; with it the demo prints like a real cluster. Columns
 * and cell formats follow pkg/printers/internalversion/printers.go.
 */

export interface ColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'date' | 'number' | 'boolean';
  format: string;
  description: string;
  priority: number;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** kubectl asks for `application/json;as=Table;v=v1;g=meta.k8s.io, application/json`. */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((type) => {
    const params = type.split(';').map((p) => p.trim());
    return (
      params.includes('as=Table') &&
      params.includes('g=meta.k8s.io') &&
      (params.includes('v=v1') || params.includes('v=v1beta1'))
    );
  });
}

export function parseIncludeObject(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

/** The object a row carries: nothing, its metadata only, or all of it. */
export function rowObject(object: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

const col = (name: string, description: string, priority = 0, format = ''): ColumnDefinition => ({
  name,
  type: 'string',
  format,
  description,
  priority,
});

export const NODE_COLUMNS: readonly ColumnDefinition[] = [
  col('Name', 'Name must be unique within a namespace.', 0, 'name'),
  col('Status', 'The status of the node'),
  col('Roles', 'The roles of the node'),
  col('Age', 'CreationTimestamp is a timestamp representing the server time when this object was created.'),
  col('Version', 'Kubelet Version reported by the node.'),
  col('Internal-IP', 'List of internal IPs that are assigned to the node.', 1),
  col('External-IP', 'List of external IPs that are assigned to the node.', 1),
  col(
    'OS-Image',
    'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).',
    1,
  ),
  col(
    'Kernel-Version',
    "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
    1,
  ),
  col('Container-Runtime', 'Container runtime version reported by the node.', 1),
];

export function nodeCells(sim: Simulation, node: SimNode): unknown[] {
  const roles = Object.keys(node.labels)
    .filter((key) => key.startsWith('node-role.kubernetes.io/'))
    .map((key) => key.slice('node-role.kubernetes.io/'.length))
    .sort();
  return [
    node.name,
    node.unschedulable ? 'Ready,SchedulingDisabled' : 'Ready',
    roles.length > 0 ? roles.join(',') : '<none>',
    humanDuration(sim.now() - node.createdMs),
    sim.cluster.kubernetesVersion,
    nodeInternalIP(node.index),
    '<none>',
    'Amazon Linux 2023.6.20241121',
    '6.1.115-126.197.amzn2023.x86_64',
    'containerd://1.7.23',
  ];
}

export const POD_COLUMNS: readonly ColumnDefinition[] = [
  col('Name', 'Name must be unique within a namespace.', 0, 'name'),
  col('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
  col('Status', 'The aggregate status of the containers in this pod.'),
  col(
    'Restarts',
    'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
  ),
  col('Age', 'CreationTimestamp is a timestamp representing the server time when this object was created.'),
  col(
    'IP',
    'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
    1,
  ),
  col('Node', 'NodeName is a request to schedule this pod onto a specific node.', 1),
  col('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node.', 1),
  col('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.', 1),
];

export function podCells(sim: Simulation, pod: SimPod): unknown[] {
  const containers = pod.workload.containers.length;
  const ready = pod.phase === 'Running' ? containers : 0;
  const restartedMs = lastRestartMs(sim, pod);
  const now = sim.now();
  return [
    pod.name,
    `${ready}/${containers}`,
    pod.phase,
    restartedMs === undefined
      ? String(pod.restartCount)
      : `${pod.restartCount} (${humanDuration(now - restartedMs)} ago)`,
    humanDuration(now - pod.createdMs),
    podIP(pod.nodeIndex, pod.ipSlot),
    sim.cluster.nodes[pod.nodeIndex]?.name ?? '<none>',
    '<none>',
    '<none>',
  ];
}

export const NAMESPACE_COLUMNS: readonly ColumnDefinition[] = [
  col('Name', 'Name must be unique within a namespace.', 0, 'name'),
  col('Status', 'The status of the namespace'),
  col('Age', 'CreationTimestamp is a timestamp representing the server time when this object was created.'),
];

export function namespaceCells(sim: Simulation, namespace: SimNamespace): unknown[] {
  return [namespace.name, 'Active', humanDuration(sim.now() - namespace.createdMs)];
}

/** kubectl's age format (k8s.io/apimachinery/pkg/util/duration.HumanDuration). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}
