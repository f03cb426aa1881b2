import type { PodInfo } from '../framework.ts';
import type { NodeInfo } from '../node-info.ts';
import { isScalarResourceName, type Resources } from '../resources.ts';
import type { ResourceSpec } from './resource-scorers.ts';

function amountOf(r: Readonly<Resources>, name: string): number {
  switch (name) {
    case 'cpu':
      return r.milliCpu;
    case 'memory':
      return r.memory;
    case 'ephemeral-storage':
      return r.ephemeralStorage;
    default:
      return r.scalar[name] ?? 0;
  }
}

/** What the pod asks of each resource, as a scoring strategy counts it (calculatePodResourceRequestList). */
export function podRequestList(
  pod: PodInfo,
  resources: readonly ResourceSpec[],
  useRequested: boolean,
): number[] {
  const source = useRequested ? pod.requests : pod.nonZeroRequests;
  return resources.map((r) => amountOf(source, r.name));
}

/**
 * resourceAllocationScorer.calculateResourceAllocatableRequest for every resource: allocatable
 * and requested-after-placing. A resource the node lacks (allocatable 0), or an extended
 * resource the pod does not ask for, is left at 0/0 and so out of the score.
 */
export function allocationVectors(
  node: NodeInfo,
  podRequests: readonly number[],
  resources: readonly ResourceSpec[],
  useRequested: boolean,
  /** Reused between nodes (scoring 5,000 nodes would otherwise allocate 10,000 arrays a plugin). */
  into: { requested: number[]; allocatable: number[] } = { requested: [], allocatable: [] },
): { requested: number[]; allocatable: number[] } {
  const { requested, allocatable } = into;
  requested.length = resources.length;
  allocatable.length = resources.length;
  requested.fill(0);
  allocatable.fill(0);
  const nodeRequested = useRequested ? node.requested : node.nonZeroRequested;
  for (let i = 0; i < resources.length; i++) {
    const name = (resources[i] as ResourceSpec).name;
    const podRequest = podRequests[i] ?? 0;
    let alloc = 0;
    let req = 0;
    if (name === 'cpu') {
      alloc = node.allocatable.milliCpu;
      req = nodeRequested.milliCpu + podRequest;
    } else if (name === 'memory') {
      alloc = node.allocatable.memory;
      req = nodeRequested.memory + podRequest;
    } else if (podRequest === 0 && isScalarResourceName(name)) {
      continue;
    } else if (name === 'ephemeral-storage') {
      alloc = node.allocatable.ephemeralStorage;
      req = node.requested.ephemeralStorage + podRequest;
    } else if (name in node.allocatable.scalar) {
      alloc = node.allocatable.scalar[name] ?? 0;
      req = (node.requested.scalar[name] ?? 0) + podRequest;
    }
    if (alloc === 0) continue;
    allocatable[i] = alloc;
    requested[i] = req;
  }
  return { requested, allocatable };
}
