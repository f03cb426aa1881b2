import { bindText, byBindTime, type BoundPod } from './assumed-pods.ts';
import { isTerminalPod, type NodeObject, type PodObject, type Taint } from './kube-objects.ts';
import { addResources, allocatableOf, emptyResources, podRequests, type Resources } from './resources.ts';

/**
 * framework.NodeInfo: a node with what its pods already request. `requested` is the real sum
 * (the filter compares against it); `nonZeroRequested` counts pods that request nothing as
 * 100m / 200Mi (LeastAllocated and MostAllocated score against it).
 */
export interface NodeInfo {
  readonly name: string;
  readonly node: NodeObject;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
  readonly unschedulable: boolean;
  readonly allocatable: Readonly<Resources> & { readonly pods: number };
  readonly requested: Readonly<Resources>;
  readonly nonZeroRequested: Readonly<Resources>;
  readonly podCount: number;
  /** The pods bound to the node (terminal ones included), as framework.NodeInfo.Pods. */
  readonly pods: readonly PodObject[];
  /** The live pods by bind time, newest last: what LoadAware assumes on top of older usage. */
  readonly bound: readonly BoundPod[];
}

export function nodeInfoOf(node: NodeObject, pods: readonly PodObject[]): NodeInfo {
  const name = node.metadata?.name ?? '';
  const requested = emptyResources();
  const nonZeroRequested = emptyResources();
  let podCount = 0;
  const bound: BoundPod[] = [];
  for (const pod of pods) {
    if (isTerminalPod(pod)) continue;
    podCount++;
    addResources(requested, podRequests(pod));
    const nonZero = podRequests(pod, true);
    nonZeroRequested.milliCpu += nonZero.milliCpu;
    nonZeroRequested.memory += nonZero.memory;
    bound.push({ at: bindText(pod), milliCpu: nonZero.milliCpu, memory: nonZero.memory });
  }
  bound.sort(byBindTime);
  return {
    name,
    node,
    labels: node.metadata?.labels ?? {},
    taints: node.spec?.taints ?? [],
    unschedulable: node.spec?.unschedulable === true,
    allocatable: allocatableOf(node.status?.allocatable ?? node.status?.capacity, `node ${name} allocatable`),
    requested,
    nonZeroRequested,
    podCount,
    pods,
    bound,
  };
}

/** One NodeInfo per node, with the non-terminal pods bound to it (spec.nodeName). */
export function buildNodeInfos(nodes: readonly NodeObject[], pods: readonly PodObject[]): NodeInfo[] {
  const byNode = new Map<string, PodObject[]>();
  for (const pod of pods) {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) continue;
    let list = byNode.get(nodeName);
    if (!list) byNode.set(nodeName, (list = []));
    list.push(pod);
  }
  return nodes.map((node) => nodeInfoOf(node, byNode.get(node.metadata?.name ?? '') ?? []));
}
