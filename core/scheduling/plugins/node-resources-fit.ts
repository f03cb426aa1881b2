import type { FilterPlugin, NodeFilter, NodeScorer, PodInfo, ScorePlugin } from '../framework.ts';
import { AMOUNT, type NodeInfo } from '../node-info.ts';
import { allocationBuffers, allocationPlan, fillAllocation, podRequestList } from './resource-allocation.ts';
import {
  DEFAULT_RESOURCES,
  leastAllocatedScorer,
  mostAllocatedScorer,
  requestedToCapacityRatioScorer,
  type ResourceScorer,
  type ResourceSpec,
  type UtilizationShapePoint,
} from './resource-scorers.ts';

export const NODE_RESOURCES_FIT = 'NodeResourcesFit';

interface Insufficient {
  reason: string;
  /** The pod asks for more than the node has at all: no eviction would make room. */
  unresolvable: boolean;
}

const ENOUGH: readonly Insufficient[] = [];

/** The pod's positive extended-resource requests (PreFilter). */
function scalarRequestsOf(pod: PodInfo): [string, number][] {
  return Object.entries(pod.requests.scalar).filter(([, amount]) => amount > 0);
}

// The list is allocated only when something is missing: most nodes have room.
function check(
  out: Insufficient[] | undefined,
  name: string,
  asked: number,
  alloc: number,
  used: number,
): Insufficient[] | undefined {
  if (asked > 0 && asked > alloc - used)
    (out ??= []).push({ reason: `Insufficient ${name}`, unresolvable: asked > alloc });
  return out;
}

/** fitsRequest: a pod slot, then every requested resource against what is left. */
export function insufficientResources(
  pod: PodInfo,
  node: NodeInfo,
  scalars: readonly [string, number][] = scalarRequestsOf(pod),
): readonly Insufficient[] {
  let out: Insufficient[] | undefined;
  const amounts = node.amounts;
  if (amounts[AMOUNT.podCount]! + 1 > amounts[AMOUNT.allocatablePods]!)
    out = [{ reason: 'Too many pods', unresolvable: false }];
  const want = pod.requests;
  if (want.milliCpu === 0 && want.memory === 0 && want.ephemeralStorage === 0 && scalars.length === 0)
    return out ?? ENOUGH;
  out = check(
    out,
    'cpu',
    want.milliCpu,
    amounts[AMOUNT.allocatableMilliCpu]!,
    amounts[AMOUNT.requestedMilliCpu]!,
  );
  out = check(
    out,
    'memory',
    want.memory,
    amounts[AMOUNT.allocatableMemory]!,
    amounts[AMOUNT.requestedMemory]!,
  );
  out = check(
    out,
    'ephemeral-storage',
    want.ephemeralStorage,
    amounts[AMOUNT.allocatableEphemeralStorage]!,
    amounts[AMOUNT.requestedEphemeralStorage]!,
  );
  for (let i = 0; i < scalars.length; i++) {
    const [name, amount] = scalars[i] as [string, number];
    out = check(out, name, amount, node.allocatable.scalar[name] ?? 0, node.requested.scalar[name] ?? 0);
  }
  return out ?? ENOUGH;
}

function resourcesFit(pod: PodInfo): NodeFilter {
  const scalars = scalarRequestsOf(pod);
  return (node) => {
    const insufficient = insufficientResources(pod, node, scalars);
    if (insufficient.length === 0) return undefined;
    return {
      plugin: NODE_RESOURCES_FIT,
      code: insufficient.some((i) => i.unresolvable) ? 'UnschedulableAndUnresolvable' : 'Unschedulable',
      reasons: insufficient.map((i) => i.reason),
    };
  };
}

/** NodeResourcesFit's filter: one reason per resource that does not fit ("Insufficient cpu"). */
export const nodeResourcesFitFilter: FilterPlugin = {
  name: NODE_RESOURCES_FIT,
  filter: (pod, node) => resourcesFit(pod)(node),
  preFilter: resourcesFit,
};

export type ScoringStrategy =
  | { type: 'LeastAllocated'; resources?: readonly ResourceSpec[] }
  | { type: 'MostAllocated'; resources?: readonly ResourceSpec[] }
  | {
      type: 'RequestedToCapacityRatio';
      resources?: readonly ResourceSpec[];
      shape: readonly UtilizationShapePoint[];
    };

/** Arguments kube-scheduler's config validation would refuse (ValidateNodeResourcesFitArgs). */
export class ScoringStrategyError extends Error {
  override readonly name = 'ScoringStrategyError';
}

export function validateScoringStrategy(strategy: ScoringStrategy): void {
  (strategy.resources ?? DEFAULT_RESOURCES).forEach((r, i) => {
    if (!Number.isInteger(r.weight) || r.weight < 1 || r.weight > 100)
      throw new ScoringStrategyError(
        `scoringStrategy.resources[${i}].weight: must be an integer from 1 to 100, got ${r.weight}`,
      );
  });
  if (strategy.type !== 'RequestedToCapacityRatio') return;
  if (strategy.shape.length === 0)
    throw new ScoringStrategyError('scoringStrategy.requestedToCapacityRatio.shape: must not be empty');
  strategy.shape.forEach((p, i) => {
    const where = `scoringStrategy.requestedToCapacityRatio.shape[${i}]`;
    if (p.utilization < 0 || p.utilization > 100)
      throw new ScoringStrategyError(`${where}.utilization: must be 0..100`);
    if (p.score < 0 || p.score > 10) throw new ScoringStrategyError(`${where}.score: must be 0..10`);
    const prev = strategy.shape[i - 1];
    if (prev && p.utilization <= prev.utilization)
      throw new ScoringStrategyError(`${where}.utilization: values must be sorted in increasing order`);
  });
}

/** NodeResourcesFit's score with a scoring strategy (LeastAllocated, cpu and memory, weight 1, by default). */
export function nodeResourcesFitScore(
  strategy: ScoringStrategy = { type: 'LeastAllocated' },
  weight = 1,
): ScorePlugin {
  validateScoringStrategy(strategy);
  const resources = strategy.resources ?? DEFAULT_RESOURCES;
  let scorer: ResourceScorer;
  if (strategy.type === 'LeastAllocated') scorer = leastAllocatedScorer(resources);
  else if (strategy.type === 'MostAllocated') scorer = mostAllocatedScorer(resources);
  else scorer = requestedToCapacityRatioScorer(resources, strategy.shape);
  const buffers = allocationBuffers(resources);
  const preScore = (pod: PodInfo): NodeScorer => {
    const plan = allocationPlan(podRequestList(pod, resources, false), resources, false);
    return (node) => {
      fillAllocation(node, plan, buffers);
      return scorer(buffers.requested, buffers.allocatable);
    };
  };
  return {
    name: NODE_RESOURCES_FIT,
    weight,
    score: (pod, node) => preScore(pod)(node),
    preScore,
    explain(pod, node) {
      const cpuFree =
        node.allocatable.milliCpu - node.nonZeroRequested.milliCpu - pod.nonZeroRequests.milliCpu;
      const memFree = node.allocatable.memory - node.nonZeroRequested.memory - pod.nonZeroRequests.memory;
      const mib = Math.round(Math.max(0, memFree) / 2 ** 20);
      return `${strategy.type}: after placing, ${Math.max(0, cpuFree)}m cpu and ${mib}Mi memory stay unrequested`;
    },
  };
}
