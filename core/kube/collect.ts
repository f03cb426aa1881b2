import type { NodesSnapshot } from '../contract/index.ts';
import type { ClusterReader } from './cluster-client.ts';
import { describeClusterError, type ClusterProblem } from './cluster-errors.ts';
import { buildNodeRows, countPodsByNode } from './node-rows.ts';

export interface CollectionResult {
  snapshot: NodesSnapshot;
  /** Problems that degraded the result without stopping it (metrics missing, pods forbidden). */
  degraded: ClusterProblem[];
}

/**
 * One collection cycle: nodes are required; pods and metrics are best-effort, and their
 * absence degrades the snapshot instead of failing it (a cluster without metrics-server is
 * still worth watching). Throws a ClusterProblem-carrying error when nodes cannot be listed.
 */
export async function collectOnce(
  reader: ClusterReader,
  now: () => number = Date.now,
): Promise<CollectionResult> {
  const [nodes, pods, metrics] = await Promise.allSettled([
    reader.listNodes(),
    reader.listPods(),
    reader.listNodeMetrics(),
  ]);
  if (nodes.status === 'rejected') {
    throw new CollectionError(describeClusterError(nodes.reason, reader.server, 'listing nodes'));
  }
  const degraded: ClusterProblem[] = [];
  if (pods.status === 'rejected')
    degraded.push(describeClusterError(pods.reason, reader.server, 'listing pods'));
  if (metrics.status === 'rejected') {
    const problem = describeClusterError(metrics.reason, reader.server, 'reading metrics.k8s.io');
    degraded.push({
      ...problem,
      message:
        problem.status === 404 || problem.status === 503
          ? 'Metrics unavailable: metrics.k8s.io is not served (is metrics-server installed?). CPU and memory columns stay empty.'
          : problem.message,
    });
  }
  degraded.push(...(reader.partialProblems?.() ?? []));
  const podCounts = pods.status === 'fulfilled' ? countPodsByNode(pods.value) : new Map<string, number>();
  const nodeMetrics = metrics.status === 'fulfilled' ? metrics.value : null;
  return {
    snapshot: {
      at: now(),
      nodes: buildNodeRows(nodes.value, podCounts, nodeMetrics),
      metricsAvailable: nodeMetrics !== null,
    },
    degraded,
  };
}

export class CollectionError extends Error {
  constructor(readonly problem: ClusterProblem) {
    super(problem.message);
    this.name = 'CollectionError';
  }
}
