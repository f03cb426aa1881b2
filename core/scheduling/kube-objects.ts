/**
 * What of a Node and a Pod kube-scheduler reads, field names as on the wire. Snapshots and pasted
 * specs are plain Kubernetes JSON; these interfaces let plugins read them without `any`.
 */

export type ResourceList = Record<string, string | number>;
export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: TaintEffect | '';
  tolerationSeconds?: number;
}

export type NodeSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

export interface NodeSelectorRequirement {
  key: string;
  operator: NodeSelectorOperator;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface PreferredSchedulingTerm {
  weight: number;
  preference: NodeSelectorTerm;
}

export interface NodeAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] };
  preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[];
}

export interface ContainerSpec {
  name?: string;
  resources?: { requests?: ResourceList; limits?: ResourceList };
  /** "Always" on an init container makes it a sidecar that keeps running beside the app. */
  restartPolicy?: string;
}

export interface ObjectMetaLite {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  ownerReferences?: { kind?: string; name?: string; uid?: string; controller?: boolean }[];
}

export interface PodSpecLite {
  containers?: ContainerSpec[];
  initContainers?: ContainerSpec[];
  overhead?: ResourceList;
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: { nodeAffinity?: NodeAffinity };
  tolerations?: Toleration[];
  schedulerName?: string;
  priority?: number;
  preemptionPolicy?: string;
}

export interface PodObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMetaLite;
  spec?: PodSpecLite;
  status?: { phase?: string };
}

export interface NodeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMetaLite;
  spec?: { unschedulable?: boolean; taints?: Taint[] };
  status?: { allocatable?: ResourceList; capacity?: ResourceList };
}

/** Pods the scheduler's cache leaves out (its informer selects status.phase!=Succeeded,Failed). */
export function isTerminalPod(pod: PodObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function podName(pod: PodObject): string {
  const meta = pod.metadata ?? {};
  return `${meta.namespace ?? 'default'}/${meta.name ?? '(unnamed)'}`;
}
