/**
 * The cluster as planned before it exists: compact records that cluster.ts lays out (nodes,
 * Deployments, where each pod goes) and build/materialize.ts turns into the Kubernetes objects of
 * the store. Once the simulation runs, the store is the truth; these are not updated. Pods are
 * the bulk (150,000 in the large preset), so a pod holds only what differs between replicas.
 */

export interface CpuMemory {
  cpuMillis: number;
  memoryBytes: number;
}

/** Requests or limits: a resource that is not set is absent, as in a pod spec. */
export interface ResourceAmounts {
  cpuMillis?: number;
  memoryBytes?: number;
}

export interface NodeResources extends CpuMemory {
  pods: number;
  ephemeralStorageBytes: number;
}

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
  /** Epoch ms; set for taints added while the simulation runs (the API reports it for NoExecute). */
  addedMs?: number;
}

export interface InstanceType {
  name: string;
  cpuMillis: number;
  memoryBytes: number;
  ephemeralStorageBytes: number;
}

export type NodeRole = 'control-plane' | 'worker';

export interface SimNode {
  readonly index: number;
  readonly name: string;
  readonly role: NodeRole;
  readonly zone: string;
  readonly instanceType: InstanceType;
  readonly labels: Readonly<Record<string, string>>;
  /** Mutable: cordoning adds the unschedulable taint. */
  taints: Taint[];
  /** Mutable: `kubectl cordon` sets it. */
  unschedulable: boolean;
  readonly capacity: NodeResources;
  readonly allocatable: NodeResources;
  /** Base usage of what runs outside pods (kubelet, container runtime, OS). */
  readonly systemOverhead: CpuMemory;
  readonly createdMs: number;
  /** Bumped on every change, from the simulation-wide counter. */
  resourceVersion: number;
}

export interface SimNamespace {
  readonly index: number;
  readonly name: string;
  readonly createdMs: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly resourceVersion: number;
}

export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly requests: Readonly<ResourceAmounts>;
  readonly limits: Readonly<ResourceAmounts>;
}

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** How a workload's load moves over the day. */
export type LoadPattern = 'web' | 'batch' | 'steady';

/** A Deployment with its current ReplicaSet: everything its pods share. */
export interface SimWorkload {
  readonly index: number;
  readonly namespace: string;
  readonly name: string;
  /** The pod-template-hash: the ReplicaSet is `<name>-<hash>`. */
  readonly templateHash: string;
  readonly replicas: number;
  readonly pattern: LoadPattern;
  /** Labels of the Deployment; pods add `pod-template-hash`. */
  readonly labels: Readonly<Record<string, string>>;
  readonly containers: readonly ContainerSpec[];
  readonly qosClass: QosClass;
  /** Sum over containers; an unset request counts as zero, as the scheduler counts it. */
  readonly podRequests: CpuMemory;
  /** Sum over containers, present only when every container sets that limit. */
  readonly podLimits: Readonly<ResourceAmounts>;
  readonly createdMs: number;
}

/** Inputs of the usage curve of one pod (see usage.ts). */
export interface UsageProfile {
  readonly cpuBaseMillis: number;
  readonly memoryBaseBytes: number;
  /** Relative swing of the daily curve, 0..1. */
  readonly dailyAmplitude: number;
  /** Hour of day (UTC, fractional) when load peaks. */
  readonly peakHour: number;
  /** Relative size of the short-term noise, 0..1. */
  readonly noise: number;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface SimPod {
  /** Position in `cluster.pods`; also the pod's identity in the noise streams. */
  readonly index: number;
  readonly namespace: string;
  readonly name: string;
  readonly workload: SimWorkload;
  /** Index into `cluster.nodes`. */
  nodeIndex: number;
  /** Which pod address on its node (the pod IP is derived from node and slot). */
  readonly ipSlot: number;
  phase: PodPhase;
  restartCount: number;
  readonly createdMs: number;
  readonly usage: UsageProfile;
  resourceVersion: number;
}

export interface SimCluster {
  readonly seed: number;
  readonly kubernetesVersion: string;
  readonly createdMs: number;
  readonly nodes: readonly SimNode[];
  readonly namespaces: readonly SimNamespace[];
  readonly workloads: readonly SimWorkload[];
  readonly pods: readonly SimPod[];
  /** `podIndicesByNode[nodeIndex]` lists indices into `pods`; kept in step when pods move. */
  readonly podIndicesByNode: readonly number[][];
  /** The last resourceVersion handed out while building. */
  readonly initialResourceVersion: number;
}
