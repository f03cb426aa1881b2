import type { ClusterReader } from '../kube/cluster-client.ts';
import { describeClusterError, type ClusterProblem } from '../kube/cluster-errors.ts';
import { joinPodUsage, workloadUsage } from '../kube/pod-usage.ts';
import type { HistoryKeeper } from './history-keeper.ts';

/**
 * Samples per-pod usage (metrics.k8s.io pods) on its own, slower cadence than node collection:
 * a large cluster's pod metrics are a big list, and per-workload history at five-minute steps is
 * what forecasts and right-sizing need. Failure here degrades only per-pod history.
 */
export class UsageSampler {
  private nextAt = 0;
  private problem: ClusterProblem | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
    /** After a failure, try again this soon (the next collection), not a whole interval later. */
    private readonly retryMs: number = intervalMs,
  ) {}

  /** The current problem, if the last attempt failed: it joins the collection's degraded list. */
  get degraded(): ClusterProblem | undefined {
    return this.problem;
  }

  async sampleIfDue(reader: ClusterReader, history: HistoryKeeper | undefined): Promise<void> {
    if (!reader.listPodMetrics || !reader.listPodFacts || this.now() < this.nextAt) return;
    this.nextAt = this.now() + this.intervalMs;
    try {
      const [metrics, pods] = await Promise.all([reader.listPodMetrics(), reader.listPodFacts()]);
      const byKey = new Map(pods.map((pod) => [`${pod.namespace}/${pod.name}`, pod]));
      const usage = joinPodUsage(metrics, byKey, reader.ownerOf ?? (() => undefined));
      history?.recordUsage(this.now(), usage, workloadUsage(usage));
      this.problem = undefined;
    } catch (error) {
      this.nextAt = this.now() + Math.min(this.retryMs, this.intervalMs);
      const problem = describeClusterError(error, reader.server, 'reading pod metrics from metrics.k8s.io');
      this.problem = {
        ...problem,
        message: `Per-pod usage unavailable (${problem.message}): scaling advice and right-sizing have no new data.`,
      };
    }
  }
}
