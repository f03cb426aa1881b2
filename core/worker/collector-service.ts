import {
  contractError,
  errorReply,
  type EventEnvelope,
  type EventName,
  type HistoryStatus,
  type NodeRisk,
  type NodesSnapshot,
  type PayloadOf,
  type ReplyEnvelope,
  type ReportsBuildParams,
  type ValidRequest,
} from '../contract/index.ts';
import type { ClusterReader } from '../kube/cluster-client.ts';
import type { LifecycleEvent } from '../kube/lifecycle.ts';
import { createClusterReader } from '../kube/cluster-client.ts';
import { CollectionError, collectOnce } from '../kube/collect.ts';
import { loadKubeconfig } from '../kube/kubeconfig.ts';
import { historyPath } from '../history/history-path.ts';
import { backoffDelay } from '../kube/backoff.ts';
import type { WorkerConfig } from './config.ts';
import { ConnectionTracker } from './connection-tracker.ts';
import { HistoryKeeper } from './history-keeper.ts';
import { PlacementService } from './placement-domain.ts';
import { ReportHandler } from './report-handler.ts';
import type { ClusterAccess, WorkerDomain, WorkerDomainContext } from './domain.ts';
import { domainFactories } from './domains.ts';
import { UsageSampler } from './usage-sampler.ts';
import { SummarySampler } from './summary-sampler.ts';
import { samplePoint } from './sample-point.ts';

export interface CollectorDeps {
  now?: () => number;
  /** Replaces the registered domains (tests of one domain, or of none). */
  domains?: typeof domainFactories;
  /** Replaces the client-node reader (tests of failure handling use a scripted one). */
  createReader?: typeof createClusterReader;
}

const maxBackoffMs = 30_000;
const hourMs = 60 * 60 * 1000;
const maxBufferedLifecycle = 10_000;

function emptySnapshot(): NodesSnapshot {
  return { at: 0, nodes: [], metricsAvailable: false };
}

/**
 * The worker's brain, free of worker_threads so it can run in-process in tests: it collects
 * from the cluster on a timer, records history, pushes events and answers contract requests.
 */
export class CollectorService {
  private readonly now: () => number;
  /** Known once the kubeconfig names the cluster (one database per cluster). */
  private history: HistoryKeeper | undefined;
  /** Replaced once the kubeconfig names the context and server. */
  private connection: ConnectionTracker;
  private reader: ClusterReader | undefined;
  private snapshot: NodesSnapshot = emptySnapshot();
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;
  private cycle: Promise<void> | undefined;
  /** Lifecycle events seen since the last history write; bounded while history is unavailable. */
  private lifecycle: LifecycleEvent[] = [];
  /** The kubeconfig's name for the cluster, printed on reports. */
  private clusterName: string | undefined;
  private readonly reports: ReportHandler;
  private access: ClusterAccess | undefined;
  private readonly domains: WorkerDomain[];
  private risks = new Map<string, NodeRisk>();
  private readonly usage: UsageSampler;
  /** Node disk use and the fullest container vs its limit, from the kubelets' Summary API. */
  private readonly summaries: SummarySampler;
  private summaryRound: Promise<void> | undefined;
  /** What the last collection could not read, in words (the connection status's message). */
  private collectionProblems: readonly string[] = [];
  /** Domains whose last afterCollect failed, with what the user is told. */
  private readonly domainFailures = new Map<WorkerDomain, string>();

  constructor(
    private readonly config: WorkerConfig,
    private readonly emit: (event: EventEnvelope) => void,
    private readonly deps: CollectorDeps = {},
  ) {
    this.now = deps.now ?? Date.now;
    this.connection = new ConnectionTracker(
      { context: config.context ?? '(current)', server: '', demo: config.demo },
      this.now,
    );
    this.reports = new ReportHandler(
      {
        version: config.version,
        cluster: () => {
          const { context, server, demo } = this.connection.status;
          return { name: this.clusterName ?? context, context, server, demo };
        },
        snapshot: () => (this.snapshot.at > 0 ? this.snapshot : null),
        history: () => ({ reads: this.history?.reads(), problem: this.historyStatus().message }),
        ask: (request) => this.handle(request),
        pendingPlacement: async (limit) => {
          const placement = this.domains.find((d): d is PlacementService => d instanceof PlacementService);
          if (!placement) throw new Error('This worker does not serve placement advice.');
          return placement.pendingAdviceForReport(limit);
        },
      },
      (progress) => this.push('reportProgress', progress),
      this.now,
    );
    this.usage = new UsageSampler(
      config.usageIntervalMs ?? (config.demo ? 30_000 : 300_000),
      this.now,
      config.collectIntervalMs,
    );
    this.summaries = new SummarySampler({ now: this.now });
    const context = this.domainContext();
    this.domains = (deps.domains ?? domainFactories).map((create) => create(context));
  }

  private domainContext(): WorkerDomainContext {
    return {
      config: this.config,
      now: this.now,
      snapshot: () => (this.snapshot.at > 0 ? this.snapshot : undefined),
      history: () => this.history?.openStore(),
      historyProblem: () => this.historyStatus().message ?? 'History is unavailable.',
      cluster: () => this.access,
      push: (name, payload) => this.push(name, payload),
      nodeRisks: () => this.risks,
      publishNodeRisks: (risks) => {
        this.risks = new Map(risks.map((risk) => [risk.node, risk]));
      },
    };
  }

  private push<E extends EventName>(name: E, payload: PayloadOf<E>): void {
    this.emit({ kind: 'event', name, payload } as EventEnvelope);
  }

  start(): void {
    try {
      const loaded = loadKubeconfig(this.config.kubeconfigPath, this.config.context);
      this.connection = new ConnectionTracker(
        { context: loaded.context, server: loaded.server, demo: this.config.demo },
        this.now,
      );
      this.clusterName = loaded.kubeConfig.getCurrentCluster()?.name;
      this.reader = (this.deps.createReader ?? createClusterReader)(
        loaded,
        (events) => this.noteLifecycle(events),
        this.now,
      );
      this.reader.start?.();
      this.access = {
        kubeConfig: loaded.kubeConfig,
        context: loaded.context,
        server: loaded.server,
        demo: this.config.demo,
        reader: this.reader,
      };
      const dbPath = historyPath(this.config.dataDir, { demo: this.config.demo, server: loaded.server });
      this.history = new HistoryKeeper(dbPath, this.config.retentionDays, this.now);
      this.history.ensureOpen();
    } catch (error) {
      const update = this.connection.update('disconnected', (error as Error).message);
      if (update) this.push('connection', update);
      this.push('history', this.historyStatus());
      return;
    }
    this.push('connection', this.connection.status);
    this.push('history', this.historyStatus());
    this.schedule(0);
  }

  private historyStatus(): HistoryStatus {
    return (
      this.history?.status ?? {
        state: 'unavailable',
        path: '',
        retentionDays: this.config.retentionDays,
        sampleCount: 0,
        message: 'No cluster is connected, so there is no history to keep.',
      }
    );
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.cycle = this.collect().finally(() => {
        this.cycle = undefined;
      });
    }, delayMs);
  }

  private noteLifecycle(events: LifecycleEvent[]): void {
    this.lifecycle.push(...events);
    if (this.lifecycle.length > maxBufferedLifecycle)
      this.lifecycle.splice(0, this.lifecycle.length - maxBufferedLifecycle);
  }

  /** Runs one collection now; exposed for tests and benchmarks. */
  async collect(): Promise<void> {
    if (!this.reader) return;
    let nextDelay = this.config.collectIntervalMs;
    try {
      const collected = await collectOnce(this.reader, this.now);
      const { degraded } = collected;
      const names = collected.snapshot.nodes.map((n) => n.name);
      this.summaries.forget(new Set(names));
      // In the background: a kubelet slow to answer must not hold up the collection; each
      // collection shows the figures of the last round that finished.
      this.summaryRound ??= this.summaries
        .sample(this.reader, names)
        .catch((error: unknown) => console.error(`Sampling kubelet summaries failed: ${String(error)}`))
        .finally(() => {
          this.summaryRound = undefined;
        });
      if (this.summaries.degraded) degraded.push(this.summaries.degraded);
      const snapshot = { ...collected.snapshot, nodes: this.summaries.apply(collected.snapshot.nodes) };
      await this.usage.sampleIfDue(this.reader, this.history);
      if (this.usage.degraded) degraded.push(this.usage.degraded);
      this.failures = 0;
      this.snapshot = snapshot;
      if (this.history?.record(snapshot.at, snapshot.nodes, this.lifecycle)) this.lifecycle = [];
      this.publishStatus(degraded.map((p) => p.message));
      this.push('nodes', snapshot);
      this.push('history', this.historyStatus());
      await this.runDomainsAfterCollect(snapshot);
    } catch (error) {
      const syncing = error instanceof CollectionError && error.problem.kind === 'syncing';
      const message =
        error instanceof CollectionError ? error.message : `Collection failed: ${String(error)}`;
      const update = this.connection.update(syncing ? 'connecting' : 'disconnected', message);
      if (update) this.push('connection', update);
      // Still syncing is progress, not failure: look again soon, without backing off.
      if (syncing) {
        this.schedule(Math.min(this.config.collectIntervalMs, 1000));
        return;
      }
      this.failures += 1;
      nextDelay = backoffDelay(this.failures, {
        baseMs: Math.min(this.config.collectIntervalMs, 2000),
        maxMs: maxBackoffMs,
      });
    }
    this.schedule(nextDelay);
  }

  /** Connected, or degraded with what is missing: the collection's problems and failed domains. */
  private publishStatus(collectionProblems: readonly string[]): void {
    this.collectionProblems = collectionProblems;
    const problems = [...collectionProblems, ...this.domainFailures.values()];
    const update = this.connection.update(
      problems.length ? 'degraded' : 'connected',
      problems.join(' ') || undefined,
      true,
    );
    if (update) this.push('connection', update);
  }

  /**
   * A failing domain must not stop collection: the next cycle runs anyway. It is logged, and the
   * status says what is stale until the domain succeeds again, so the UI never shows a broken
   * domain's last results as if they were current.
   */
  private async runDomainsAfterCollect(snapshot: NodesSnapshot): Promise<void> {
    let changed = false;
    for (const domain of this.domains) {
      try {
        await domain.afterCollect?.(snapshot);
        changed = this.domainFailures.delete(domain) || changed;
      } catch (error) {
        console.error(`${domain.title ?? 'A domain'} failed after collection:`, error);
        const message = `${domain.title ?? 'A part of Foresight'} failed (${String(error)}) and shows what it had before; collection and the rest keep working (details in the worker log).`;
        changed = changed || this.domainFailures.get(domain) !== message;
        this.domainFailures.set(domain, message);
      }
    }
    if (changed) this.publishStatus(this.collectionProblems);
  }

  /** Synchronous but for report builds, which render files asynchronously. */
  handle(request: ValidRequest): ReplyEnvelope | Promise<ReplyEnvelope> {
    const { id } = request;
    switch (request.method) {
      case 'app.status':
        return {
          kind: 'reply',
          id,
          ok: true,
          result: {
            version: this.config.version,
            host: this.config.host,
            connection: this.connection.status,
            history: this.historyStatus(),
          },
        };
      case 'nodes.list':
        return { kind: 'reply', id, ok: true, result: this.snapshot };
      case 'history.nodeSeries': {
        const params = request.params as { node: string; since?: number; limit?: number };
        const points = this.history?.series(
          params.node,
          params.since ?? this.now() - hourMs,
          params.limit ?? 5000,
        );
        if (!points) {
          return errorReply(
            id,
            contractError('StoreError', this.historyStatus().message ?? 'History is unavailable.'),
          );
        }
        return {
          kind: 'reply',
          id,
          ok: true,
          result: {
            node: params.node,
            points: points.map(samplePoint),
          },
        };
      }
      case 'history.nodeEvents': {
        const params = request.params as { node: string; since?: number; limit?: number };
        const events = this.history?.nodeEvents(
          params.node,
          params.since ?? this.now() - 7 * 24 * hourMs,
          params.limit ?? 1000,
        );
        if (!events) {
          return errorReply(
            id,
            contractError('StoreError', this.historyStatus().message ?? 'History is unavailable.'),
          );
        }
        const result = {
          node: params.node,
          events: events.map(({ node, ...rest }) => ({ ...rest, ...(node ? { node } : {}) })),
        };
        return { kind: 'reply', id, ok: true, result };
      }
      case 'reports.catalog':
        return this.reports.catalog(id);
      case 'reports.build':
        return this.reports.build(id, request.params as ReportsBuildParams);
      default: {
        const domain = this.domains.find((d) => d.methods.includes(request.method));
        if (domain) return domain.handle(request);
        return errorReply(
          id,
          contractError('UnknownMethod', `The worker does not answer ${String(request.method)}.`),
        );
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.reader?.stop?.();
    if (this.timer) clearTimeout(this.timer);
    await this.cycle;
    this.summaries.stop();
    await this.summaryRound;
    for (const domain of this.domains) await domain.stop?.();
    this.history?.close();
  }
}
