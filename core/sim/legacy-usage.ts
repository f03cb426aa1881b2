import type { ObjectStore } from './store/object-store.ts';
import type { CpuMemory, SimCluster, SimNode, SimPod } from './types.ts';
import {
  nodeUsageAt,
  nodeUsageTableAt,
  podContainerUsageAt,
  podUsageAt,
  type ContainerUsage,
  type NodeUsageTable,
} from './usage.ts';

const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';

/**
 * The planned cluster's records and their usage model, as core/demo used them before the
 * simulation kept Kubernetes objects in a store. Only for the compatibility methods of
 * Simulation; remove once core/demo serves `simulation.store` and `nodeMetrics()`.
 */
export class LegacyUsage {
  private readonly nodesByName: Map<string, SimNode>;
  private podsByKey: Map<string, SimPod> | undefined;

  constructor(
    private readonly cluster: SimCluster,
    private readonly store: ObjectStore,
  ) {
    this.nodesByName = new Map(cluster.nodes.map((n) => [n.name, n]));
    void this.store;
  }

  findNode(name: string): SimNode | undefined {
    return this.nodesByName.get(name);
  }

  findPod(namespace: string, name: string): SimPod | undefined {
    this.podsByKey ??= new Map(this.cluster.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
    return this.podsByKey.get(`${namespace}/${name}`);
  }

  usageAt(tMs: number): NodeUsageTable {
    return nodeUsageTableAt(this.cluster, tMs);
  }

  nodeUsage(name: string, tMs: number): CpuMemory | undefined {
    const node = this.findNode(name);
    return node && nodeUsageAt(this.cluster, node, tMs);
  }

  podUsage(namespace: string, name: string, tMs: number): CpuMemory | undefined {
    const pod = this.findPod(namespace, name);
    return pod && podUsageAt(pod, this.cluster.seed, tMs);
  }

  containerUsage(pod: SimPod, tMs: number): ContainerUsage[] {
    return podContainerUsageAt(pod, this.cluster.seed, tMs);
  }

  setUnschedulable(node: SimNode, unschedulable: boolean, nowMs: number, resourceVersion: number): SimNode {
    if (node.unschedulable === unschedulable) return node;
    node.unschedulable = unschedulable;
    node.taints = node.taints.filter((t) => t.key !== UNSCHEDULABLE_TAINT_KEY);
    if (unschedulable)
      node.taints.push({ key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule', addedMs: nowMs });
    node.resourceVersion = resourceVersion;
    return node;
  }
}
