import { MAX_NODE_SCORE } from '../framework.ts';
import { intDiv } from '../int-math.ts';

/** config.ResourceSpec: a resource a scoring strategy looks at, with its weight (1..100). */
export interface ResourceSpec {
  name: string;
  weight: number;
}

/** config.UtilizationShapePoint: utilization 0..100 mapped to a score 0..10. */
export interface UtilizationShapePoint {
  utilization: number;
  score: number;
}

export type ResourceScorer = (requested: readonly number[], allocatable: readonly number[]) => number;

export const DEFAULT_RESOURCES: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

/** config.MaxCustomPriorityScore: shape scores are 0..10 and scaled to 0..100. */
const MAX_CUSTOM_PRIORITY_SCORE = 10;
const MAX_UTILIZATION = 100;

export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return intDiv((capacity - requested) * MAX_NODE_SCORE, capacity);
}

export function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  // Pods that request nothing count as 100m/200Mi, so the sum can pass capacity.
  const used = Math.min(requested, capacity);
  return intDiv(used * MAX_NODE_SCORE, capacity);
}

function weightedIntegerMean(
  resources: readonly ResourceSpec[],
  perResource: (requested: number, capacity: number) => number,
): ResourceScorer {
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < requested.length; i++) {
      const capacity = allocatable[i] ?? 0;
      if (capacity === 0) continue;
      const weight = resources[i]?.weight ?? 0;
      nodeScore += perResource(requested[i] ?? 0, capacity) * weight;
      weightSum += weight;
    }
    return weightSum === 0 ? 0 : intDiv(nodeScore, weightSum);
  };
}

/** LeastAllocated (the default): the more left free after placing the pod, the better. */
export function leastAllocatedScorer(resources: readonly ResourceSpec[]): ResourceScorer {
  return weightedIntegerMean(resources, leastRequestedScore);
}

/** MostAllocated: bin packing, the fuller the better. */
export function mostAllocatedScorer(resources: readonly ResourceSpec[]): ResourceScorer {
  return weightedIntegerMean(resources, mostRequestedScore);
}

/** helper.BuildBrokenLinearFunction: piecewise-linear through the shape's points, flat outside. */
export function brokenLinearFunction(shape: readonly UtilizationShapePoint[]): (p: number) => number {
  return (p) => {
    for (let i = 0; i < shape.length; i++) {
      const point = shape[i] as UtilizationShapePoint;
      if (p <= point.utilization) {
        if (i === 0) return point.score;
        const prev = shape[i - 1] as UtilizationShapePoint;
        return (
          prev.score +
          Math.trunc(
            ((point.score - prev.score) * (p - prev.utilization)) / (point.utilization - prev.utilization),
          )
        );
      }
    }
    return shape[shape.length - 1]?.score ?? 0;
  };
}

/** RequestedToCapacityRatio: a user-drawn curve of score over utilization, per resource. */
export function requestedToCapacityRatioScorer(
  resources: readonly ResourceSpec[],
  shape: readonly UtilizationShapePoint[],
): ResourceScorer {
  const scaled = shape.map((p) => ({
    utilization: p.utilization,
    score: p.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE),
  }));
  const raw = brokenLinearFunction(scaled);
  const perResource = (requested: number, capacity: number): number =>
    capacity === 0 || requested > capacity
      ? raw(MAX_UTILIZATION)
      : raw(intDiv(requested * MAX_UTILIZATION, capacity));
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < requested.length; i++) {
      const capacity = allocatable[i] ?? 0;
      if (capacity === 0) continue;
      const weight = resources[i]?.weight ?? 0;
      const score = perResource(requested[i] ?? 0, capacity);
      // Upstream leaves resources that score 0 out of the mean.
      if (score > 0) {
        nodeScore += score * weight;
        weightSum += weight;
      }
    }
    return weightSum === 0 ? 0 : Math.round(nodeScore / weightSum);
  };
}

/** A used fraction, capped at 1 (pods that request nothing count, so the sum can pass capacity). */
function usedFraction(requested: number, capacity: number): number {
  return Math.min(1, requested / capacity);
}

/**
 * BalancedAllocation's scorer: 100 × (1 − standard deviation of the used fractions). Two passes
 * over the resources instead of a list of fractions: this runs once per node.
 */
export function balancedResourceScorer(requested: readonly number[], allocatable: readonly number[]): number {
  let count = 0;
  let total = 0;
  let first = 0;
  let second = 0;
  for (let i = 0; i < requested.length; i++) {
    const capacity = allocatable[i] ?? 0;
    if (capacity === 0) continue;
    const fraction = usedFraction(requested[i] ?? 0, capacity);
    if (count === 0) first = fraction;
    else if (count === 1) second = fraction;
    total += fraction;
    count++;
  }
  let std = 0;
  if (count === 2) {
    std = Math.abs((first - second) / 2);
  } else if (count > 2) {
    const mean = total / count;
    let sum = 0;
    for (let i = 0; i < requested.length; i++) {
      const capacity = allocatable[i] ?? 0;
      if (capacity === 0) continue;
      const deviation = usedFraction(requested[i] ?? 0, capacity) - mean;
      sum += deviation * deviation;
    }
    std = Math.sqrt(sum / count);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}
