import { ObjectStore } from '../sim/store/object-store.ts';

/**
 * What the demo API server needs from the cluster behind it. The server is kube-apiserver: it
 * stores, validates, authorizes and serves objects. Everything that makes a cluster move
 * (scheduler, controllers, kubelet, garbage collector, metrics) lives behind this interface, in
 * core/sim, and reaches the server only through the shared ObjectStore.
 */
export interface ClusterBackend {
  /** The objects, keyed by resource (`group/plural`): what the server reads and writes. */
  readonly store: ObjectStore;
  /** Simulated epoch ms: for deletionTimestamp, metrics timestamps and table ages. */
  now(): number;
  /** What nodes and `/version` report, e.g. `v1.31.4`. */
  readonly kubernetesVersion: string;
  /** metrics.k8s.io for nodes: usage now of every node that reports any (by name). */
  nodeMetrics(): Iterable<NodeUsage>;
  /** metrics.k8s.io for pods: usage now of running pods, all namespaces or one. */
  podMetrics(namespace?: string): Iterable<PodUsage>;
  /**
   * Whether the backend finishes graceful pod deletions (a kubelet that removes a pod once it
   * has a deletionTimestamp and its containers have stopped). When false, the server runs a
   * stand-in (pod-terminator.ts) so that `kubectl delete pod` and drain still complete.
   */
  readonly finishesPodDeletion: boolean;
  /** Whether a node's kubelet answers now (the node proxy's reach); absent: as nodeMetrics reports. */
  kubeletUp?(node: string): boolean;
  /** Starts following the real clock (controllers tick on their own); for backends the server made. */
  run?(): void;
  /** Stops timers the backend runs; the server calls it on close. */
  close?(): void;
}

/**
 * Whether a value (typically core/sim's Simulation) can serve as a backend as it is. Checked at
 * run time so the server serves the simulator's own store the moment it has one.
 */
export function isClusterBackend(value: unknown): value is ClusterBackend {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.store instanceof ObjectStore &&
    typeof v.now === 'function' &&
    typeof v.nodeMetrics === 'function' &&
    typeof v.podMetrics === 'function' &&
    typeof v.kubernetesVersion === 'string' &&
    typeof v.finishesPodDeletion === 'boolean'
  );
}

export interface ResourceUsage {
  cpuMillis: number;
  memoryBytes: number;
}

export interface NodeUsage extends ResourceUsage {
  name: string;
}

export interface PodUsage {
  namespace: string;
  name: string;
  containers: readonly (ResourceUsage & { name: string })[];
}
