import type { NodeRow } from '../contract/index.ts';
import type { ClusterReader } from '../kube/cluster-client.ts';
import { describeClusterError, type ClusterProblem } from '../kube/cluster-errors.ts';
import { memoryLimitsOf, NicErrorRates, summaryFacts, type SummaryFacts } from '../kube/node-summary.ts';
import type { PodFacts } from '../kube/pod-facts.ts';
import { ContainerMemoryTrends, type ContainerForecast } from '../risk/container-memory-trends.ts';

export interface SummarySamplerOptions {
  now: () => number;
  /** Requests in flight at once: a large cluster's kubelets are asked a few at a time. */
  concurrency?: number;
  /** Up to this many nodes, every node is sampled at every collection. */
  everyCollectionUpTo?: number;
  /** On larger clusters, nodes are taken in turn so that each is sampled at least this often. */
  everyNodeWithinMs?: number;
  /** A kubelet that has not answered by then counts as not answering. */
  requestTimeoutMs?: number;
  /** Figures older than this are not shown or recorded (the node has not answered since). */
  maxAgeMs?: number;
  /** After a 401/403, ask again only this much later: every node would get the same answer. */
  refusedRetryMs?: number;
}

const defaults = {
  concurrency: 8,
  everyCollectionUpTo: 100,
  everyNodeWithinMs: 5 * 60_000,
  requestTimeoutMs: 5_000,
  maxAgeMs: 10 * 60_000,
  refusedRetryMs: 60_000,
};

const without =
  'without them: early warning of disks filling, of containers nearing their memory limit and of NIC errors';

/**
 * Polls the kubelet Summary API of the cluster's nodes through the API server's node proxy, for
 * each node's disk use, its fullest container against its memory limit, the container soonest to
 * reach its limit at its own trend, and its NIC error rate (errors per minute between two
 * readings of the interfaces' error counters). Small clusters are sampled whole at every
 * collection; large ones in turn, a bounded number of requests at a time.
 * A failure degrades only these figures: a kubelet that does not answer loses its node's, a
 * missing `get nodes/proxy` permission all of them, and the status says which.
 */
export class SummarySampler {
  private readonly options: typeof defaults & { now: () => number };
  private readonly latest = new Map<
    string,
    {
      at: number;
      facts: SummaryFacts;
      nicErrorsPerMinute: number | null;
      forecast: ContainerForecast | null;
    }
  >();
  private readonly nicRates = new NicErrorRates();
  private readonly containerTrends = new ContainerMemoryTrends();
  private cursor = 0;
  private lastRoundAt: number | undefined;
  private retryAt = 0;
  private problem: ClusterProblem | undefined;
  private readonly stopped = new AbortController();

  constructor(options: SummarySamplerOptions) {
    this.options = { ...defaults, ...options };
  }

  /** The current problem, if the last round could not read the summaries. */
  get degraded(): ClusterProblem | undefined {
    return this.problem;
  }

  /** Which nodes this round asks, in a stable rotation over the sorted names. */
  private pick(nodes: readonly string[], now: number): string[] {
    const { everyCollectionUpTo, everyNodeWithinMs } = this.options;
    if (nodes.length <= everyCollectionUpTo) return [...nodes];
    const elapsed = this.lastRoundAt === undefined ? 0 : now - this.lastRoundAt;
    const due = Math.ceil((nodes.length * Math.max(0, elapsed)) / everyNodeWithinMs);
    const count = Math.min(nodes.length, Math.max(everyCollectionUpTo, due));
    const sorted = [...nodes].sort();
    const start = this.cursor % sorted.length;
    this.cursor = (start + count) % sorted.length;
    return Array.from({ length: count }, (_, i) => sorted[(start + i) % sorted.length] as string);
  }

  /** One round: asks the chosen nodes' kubelets, keeps what they answered. */
  async sample(reader: ClusterReader, nodes: readonly string[]): Promise<void> {
    const getSummary = reader.getNodeSummary?.bind(reader);
    const now = this.options.now();
    if (!getSummary || nodes.length === 0 || now < this.retryAt || this.stopped.signal.aborted) return;
    const chosen = this.pick(nodes, now);
    this.lastRoundAt = now;
    const pods = new Map<string, PodFacts>();
    try {
      for (const pod of (await reader.listPodFacts?.()) ?? []) pods.set(`${pod.namespace}/${pod.name}`, pod);
    } catch {
      // Without the pod mirror, limits come from what the kubelet implies (see summaryFacts).
    }
    const limitOf = memoryLimitsOf(pods);
    const failures: unknown[] = [];
    let refused: unknown;
    const queue = [...chosen];
    const worker = async () => {
      for (let node = queue.shift(); node !== undefined && refused === undefined; node = queue.shift()) {
        if (this.stopped.signal.aborted) return;
        const signal = AbortSignal.any([
          AbortSignal.timeout(this.options.requestTimeoutMs),
          this.stopped.signal,
        ]);
        try {
          const facts = summaryFacts(await getSummary(node, signal), limitOf);
          const at = this.options.now();
          const nicErrorsPerMinute = this.nicRates.observe(node, at, facts.nicErrors);
          const forecast = this.containerTrends.observe(node, at, facts.containerMemory);
          this.latest.set(node, { at, facts, nicErrorsPerMinute, forecast });
        } catch (error) {
          this.latest.delete(node);
          const status = (error as { code?: unknown }).code;
          if (status === 401 || status === 403) refused = error;
          else failures.push(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, chosen.length) }, worker));
    this.problem = this.describe(reader.server, refused, failures, chosen.length);
    if (refused !== undefined) this.retryAt = this.options.now() + this.options.refusedRetryMs;
  }

  private describe(
    server: string,
    refused: unknown,
    failures: readonly unknown[],
    asked: number,
  ): ClusterProblem | undefined {
    const what = 'reading the kubelet stats summary through the node proxy';
    if (refused !== undefined) {
      const problem = describeClusterError(refused, server, what);
      return {
        ...problem,
        message: `Node disk use, container memory vs limits and NIC errors unavailable (${problem.message}) — the permission needed is "get nodes/proxy"; ${without}.`,
      };
    }
    // One kubelet down is that node's trouble (it shows as NotReady); every one failing is ours.
    if (failures.length === 0 || failures.length < asked) return undefined;
    const problem = describeClusterError(failures[0], server, what);
    return {
      ...problem,
      message: `Node disk use, container memory vs limits and NIC errors unavailable (no kubelet answered: ${problem.message}); ${without}.`,
    };
  }

  /** The rows with each node's latest figures, when recent enough. */
  apply(rows: readonly NodeRow[]): NodeRow[] {
    const oldest = this.options.now() - this.options.maxAgeMs;
    return rows.map((row) => {
      const known = this.latest.get(row.name);
      if (!known || known.at < oldest) return row;
      const { diskBytes, diskCapacityBytes, podMemoryPeak } = known.facts;
      const forecast = known.forecast;
      return {
        ...row,
        diskBytes,
        podMemoryPeak,
        nicErrorsPerMinute: known.nicErrorsPerMinute,
        containerHoursToLimit: forecast?.hoursToLimit ?? null,
        ...(forecast ? { containerNearestLimit: containerName(forecast) } : {}),
        ...(diskCapacityBytes !== null ? { diskCapacityBytes } : {}),
      };
    });
  }

  /** Ends the round in flight (its requests are aborted) and every later one. */
  stop(): void {
    this.stopped.abort();
  }

  /** Forgets nodes that are gone, so the map stays the size of the cluster. */
  forget(present: ReadonlySet<string>): void {
    for (const node of this.latest.keys()) if (!present.has(node)) this.latest.delete(node);
    this.nicRates.forget(present);
    this.containerTrends.forget(present);
  }
}

const containerName = ({ namespace, pod, container }: ContainerForecast) =>
  `${namespace}/${pod}/${container}`;
