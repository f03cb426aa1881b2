import type { NodePod } from '../contract/nodes.ts';
import type { ContainerSpec, PodObject } from '../scheduling/kube-objects.ts';
import { podRequests, quantityValue, ResourceSpecError } from '../scheduling/resources.ts';
import type { PodFacts } from './pod-facts.ts';

/** A pod's CPU and memory requests and limits, as kubectl describe node sums them. */
export interface PodAmounts {
  cpuRequestMillis: number;
  cpuLimitMillis: number;
  memoryRequestBytes: number;
  memoryLimitBytes: number;
}

function limitsAsRequests(containers: readonly ContainerSpec[] | undefined): ContainerSpec[] | undefined {
  return containers?.map((c) => ({
    ...c,
    resources: c.resources?.limits ? { requests: c.resources.limits } : {},
  }));
}

/**
 * resourcehelper.PodRequestsAndLimits: requests are the scheduler's (core/scheduling podRequests:
 * the app containers' sum or the largest init container, sidecars counted); limits follow the
 * same rule over each container's limits, and the pod's overhead is added only to a resource that
 * has a limit (PodLimits), since "no limit" must stay unlimited.
 */
export function podAmounts(pod: PodObject): PodAmounts {
  const spec = pod.spec ?? {};
  const requests = podRequests(pod);
  const limits = podRequests({
    spec: {
      containers: limitsAsRequests(spec.containers),
      initContainers: limitsAsRequests(spec.initContainers),
    },
  });
  const overhead = spec.overhead ?? {};
  const overheadOf = (name: 'cpu' | 'memory', limit: number): number =>
    limit > 0 && overhead[name] !== undefined ? quantityValue(name, overhead[name], 'overhead') : 0;
  return {
    cpuRequestMillis: requests.milliCpu,
    cpuLimitMillis: limits.milliCpu + overheadOf('cpu', limits.milliCpu),
    memoryRequestBytes: requests.memory,
    memoryLimitBytes: limits.memory + overheadOf('memory', limits.memory),
  };
}

const zero: PodAmounts = {
  cpuRequestMillis: 0,
  cpuLimitMillis: 0,
  memoryRequestBytes: 0,
  memoryLimitBytes: 0,
};

/** A pod row of the node page; a quantity the API server should never have accepted is named, not thrown. */
export function nodePod(facts: PodFacts): NodePod {
  const row = {
    namespace: facts.namespace,
    name: facts.name,
    phase: facts.phase ?? 'Unknown',
    restarts: facts.restarts,
  };
  try {
    const { containers, initContainers, overhead } = facts.object.spec;
    return { ...row, ...podAmounts({ spec: { containers, initContainers, overhead } }) };
  } catch (error) {
    if (!(error instanceof ResourceSpecError)) throw error;
    return { ...row, ...zero, problem: error.message };
  }
}
