import type { PodInfo } from '../framework.ts';
import { AMOUNT, type NodeInfo } from '../node-info.ts';
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
 * Where a resource's numbers come from on a node, decided once per pod: nowhere (an extended
 * resource the pod does not ask for is left out of the score), a fixed field, or a scalar
 * resource by name when the node has it. Small integers, so the per-node switch is cheap.
 */
const Source = { None: 0, Cpu: 1, Memory: 2, EphemeralStorage: 3, Scalar: 4 } as const;
type Source = (typeof Source)[keyof typeof Source];

/** The pod's side of calculateResourceAllocatableRequest, worked out once per pod (PreScore). */
export interface AllocationPlan {
  readonly sources: readonly Source[];
  readonly names: readonly string[];
  readonly podRequests: readonly number[];
  readonly useRequested: boolean;
}

export function allocationPlan(
  podRequests: readonly number[],
  resources: readonly ResourceSpec[],
  useRequested: boolean,
): AllocationPlan {
  const sources = resources.map(({ name }, i): Source => {
    if (name === 'cpu') return Source.Cpu;
    if (name === 'memory') return Source.Memory;
    if ((podRequests[i] ?? 0) === 0 && isScalarResourceName(name)) return Source.None;
    if (name === 'ephemeral-storage') return Source.EphemeralStorage;
    return Source.Scalar;
  });
  return { sources, names: resources.map((r) => r.name), podRequests, useRequested };
}

/** Reused between nodes: scoring 5,000 nodes would otherwise allocate 10,000 arrays a plugin. */
export interface AllocationVectors {
  readonly requested: number[];
  readonly allocatable: number[];
}

export function allocationBuffers(resources: readonly ResourceSpec[]): AllocationVectors {
  return { requested: resources.map(() => 0), allocatable: resources.map(() => 0) };
}

/**
 * resourceAllocationScorer.calculateResourceAllocatableRequest for every resource, into `into`:
 * allocatable and requested-after-placing. A resource the node lacks (allocatable 0), or an
 * extended resource the pod does not ask for, is left at 0/0 and so out of the score.
 */
export function fillAllocation(node: NodeInfo, plan: AllocationPlan, into: AllocationVectors): void {
  const { sources, podRequests } = plan;
  const amounts = node.amounts;
  const requestedCpu = plan.useRequested ? AMOUNT.requestedMilliCpu : AMOUNT.nonZeroMilliCpu;
  const requestedMemory = plan.useRequested ? AMOUNT.requestedMemory : AMOUNT.nonZeroMemory;
  for (let i = 0; i < sources.length; i++) {
    const podRequest = podRequests[i] ?? 0;
    let alloc = 0;
    let req = 0;
    switch (sources[i]) {
      case Source.Cpu:
        alloc = amounts[AMOUNT.allocatableMilliCpu]!;
        req = amounts[requestedCpu]! + podRequest;
        break;
      case Source.Memory:
        alloc = amounts[AMOUNT.allocatableMemory]!;
        req = amounts[requestedMemory]! + podRequest;
        break;
      case Source.EphemeralStorage:
        alloc = amounts[AMOUNT.allocatableEphemeralStorage]!;
        req = amounts[AMOUNT.requestedEphemeralStorage]! + podRequest;
        break;
      case Source.Scalar: {
        const name = plan.names[i] as string;
        if (name in node.allocatable.scalar) {
          alloc = node.allocatable.scalar[name] ?? 0;
          req = (node.requested.scalar[name] ?? 0) + podRequest;
        }
        break;
      }
      default:
        break;
    }
    const present = alloc !== 0;
    into.allocatable[i] = present ? alloc : 0;
    into.requested[i] = present ? req : 0;
  }
}
