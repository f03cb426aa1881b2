import type { ObjectStore } from '../sim/store/object-store.ts';

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
  /** Stops timers the backend runs; the server calls it on close. */
  close?(): void;
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
