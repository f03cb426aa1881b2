import type Database from 'better-sqlite3';
import type { UsagePoint } from '../risk/node-history.ts';
import defaultModelJson from '../../models/risk/default/risk-model.json' with { type: 'json' };
import { parseModelBundle, serializeModelBundle, type ModelBundle } from '../../models/risk/model-bundle.ts';
import {
  contractError,
  errorReply,
  riskFigure,
  type NodeRisk,
  type NodesSnapshot,
  type ParamsOf,
  type ReplyEnvelope,
  type RequestId,
  type RiskEvent,
  type RiskModelInfo,
  type ValidRequest,
} from '../contract/index.ts';
import type { LifecycleEvent } from '../kube/lifecycle.ts';
import { RiskFeedbackStore, RiskModelRegistry, RiskPredictionStore } from '../history/risk-stores.ts';
import { RiskEventReader } from '../history/risk-event-reader.ts';
import { incidentEpisodes } from '../risk/incident-labels.ts';
import { IncidentWatch } from '../risk/incident-watch.ts';
import { HORIZON_MS } from '../risk/dataset.ts';
import { FEATURE_NAMES } from '../risk/features.ts';
import { LiveRisk } from '../risk/live-risk.ts';
import { trainOnClusterHistory } from '../risk/cluster-training.ts';
import type { WorkerDomain, WorkerDomainContext, WorkerDomainFactory } from './domain.ts';

const ok = (id: RequestId, result: unknown): ReplyEnvelope =>
  ({ kind: 'reply', id, ok: true, result }) as ReplyEnvelope;

const DAY = 86_400_000;
const STREAM_LENGTH = 500;
/** A node's prediction is stored when its level changes, or at least this often. */
const STORE_EVERY_MS = 60_000;

function loadDefaultModel(): ModelBundle | undefined {
  try {
    return parseModelBundle(defaultModelJson, FEATURE_NAMES);
  } catch (error) {
    console.error(`The shipped risk model cannot be used (${String(error)}); predicting with the rules.`);
    return undefined;
  }
}

interface Stores {
  db: Database.Database;
  predictions: RiskPredictionStore;
  feedback: RiskFeedbackStore;
  registry: RiskModelRegistry;
  events: RiskEventReader;
}

/**
 * Node risk in the worker: after each collection, every node's risk (published for placement and
 * the autopilot, pushed to the UI), the live event stream, predictions kept in history, and on
 * request the model's evaluation, operators' feedback and retraining (champion/challenger).
 */
export class RiskService implements WorkerDomain {
  readonly title = 'Risk prediction';
  readonly methods = [
    'risk.nodes',
    'risk.node',
    'risk.events',
    'risk.model',
    'risk.feedback',
    'risk.train',
  ] as const;
  private readonly shipped = loadDefaultModel();
  private current: { bundle: ModelBundle; origin: 'default' | 'trained' } | undefined;
  private live: LiveRisk;
  private stores: Stores | undefined;
  private latest: NodeRisk[] = [];
  private latestAt: number | null = null;
  private readonly stream: RiskEvent[] = [];
  /** Which incident episodes have been reported (per cluster database). */
  private incidents = new IncidentWatch();
  private readonly stored = new Map<string, { at: number; level: string }>();
  private lastEventTs = 0;
  private training: Promise<unknown> | undefined;
  /** Cluster seconds per real second (a sped-up demo), and the real time cluster time counts from. */
  private readonly scale: number;
  private readonly origin: number;

  constructor(private readonly context: WorkerDomainContext) {
    this.current = this.shipped ? { bundle: this.shipped, origin: 'default' } : undefined;
    this.scale = context.config?.clusterTimeScale ?? 1;
    this.origin = context.now();
    this.live = this.newLive();
  }

  /** Real epoch ms to the cluster's own time, which the features' windows are measured in. */
  private clusterTime(at: number): number {
    return this.scale === 1 ? at : this.origin + (at - this.origin) * this.scale;
  }

  /** The cluster's time back to real epoch ms, which the stream and the UI carry. */
  private realTime(clusterAt: number): number {
    return this.scale === 1 ? clusterAt : Math.round(this.origin + (clusterAt - this.origin) / this.scale);
  }

  private inClusterTime(events: readonly LifecycleEvent[]): LifecycleEvent[] {
    return this.scale === 1 ? [...events] : events.map((e) => ({ ...e, at: this.clusterTime(e.at) }));
  }

  private newLive(): LiveRisk {
    const model = this.current
      ? { classifier: this.current.bundle.classifier, threshold: this.current.bundle.threshold }
      : undefined;
    return new LiveRisk(model, (node) => this.backfill(node));
  }

  private backfill(node: string): { samples: UsagePoint[]; events: LifecycleEvent[] } {
    const history = this.context.history();
    if (!history) return { samples: [], events: [] };
    const now = this.context.now();
    return {
      samples: history
        .nodeSeries({ node, since: now - DAY / this.scale, limit: 100_000 })
        .map((s) => ({ ...s, at: this.clusterTime(s.at) })),
      events: this.inClusterTime(history.lifecycle.forNode(node, now - (7 * DAY) / this.scale, 10_000)),
    };
  }

  /** The stores of the open history database; a new database (another cluster) starts afresh. */
  private storesNow(): Stores | undefined {
    const history = this.context.history();
    if (!history) return undefined;
    if (this.stores?.db !== history.database) {
      const db = history.database;
      this.stores = {
        db,
        predictions: new RiskPredictionStore(db),
        feedback: new RiskFeedbackStore(db),
        registry: new RiskModelRegistry(db),
        events: new RiskEventReader(db),
      };
      this.lastEventTs = this.context.now();
      this.stored.clear();
      this.incidents = new IncidentWatch();
      const champion = this.stores.registry.champion();
      let trained: ModelBundle | undefined;
      try {
        trained = champion ? parseModelBundle(JSON.parse(champion.bundle), FEATURE_NAMES) : undefined;
      } catch (error) {
        console.error(`The risk model trained on this cluster cannot be used (${String(error)}).`);
      }
      this.current = trained
        ? { bundle: trained, origin: 'trained' }
        : this.shipped
          ? { bundle: this.shipped, origin: 'default' }
          : undefined;
      this.live = this.newLive();
    }
    return this.stores;
  }

  private emit(event: RiskEvent): void {
    this.stream.push(event);
    if (this.stream.length > STREAM_LENGTH) this.stream.splice(0, this.stream.length - STREAM_LENGTH);
    this.context.push('riskEvent', event);
  }

  afterCollect(snapshot: NodesSnapshot): void {
    const stores = this.storesNow();
    const at = snapshot.at;
    this.live.observe(this.clusterTime(at), snapshot.nodes);
    this.live.forget(new Set(snapshot.nodes.map((n) => n.name)));
    if (stores) {
      const events = stores.events.since(this.lastEventTs);
      if (events.length > 0) this.lastEventTs = events.at(-1)?.at ?? this.lastEventTs;
      this.live.addEvents(this.inClusterTime(events));
      this.observeIncidents(events);
    }
    const previous = new Map(this.latest.map((r) => [r.node, r]));
    // Predictions carry real time, as everything the UI and other domains see does.
    const risks = this.live.predict(this.clusterTime(at)).map((r) => ({ ...r, at }));
    this.latest = risks;
    this.latestAt = at;
    this.context.publishNodeRisks(risks);
    this.context.push('nodeRisks', { at, risks });
    const toStore: NodeRisk[] = [];
    for (const risk of risks) {
      const before = previous.get(risk.node);
      if (risk.level === 'at-risk' && before?.level !== 'at-risk') {
        this.emit({
          at,
          node: risk.node,
          type: 'risk-detected',
          level: risk.level,
          probability: risk.probability,
          ...(risk.kind ? { kind: risk.kind } : {}),
          message: `${risk.node} is at risk of ${risk.kind ?? 'trouble'} within ${risk.leadTimeMinutes ?? HORIZON_MS / 60_000} min (${riskFigure(risk)}).`,
          reasons: risk.reasons,
        });
      } else if (risk.level === 'healthy' && before?.level === 'at-risk') {
        this.emit({
          at,
          node: risk.node,
          type: 'risk-cleared',
          level: risk.level,
          probability: risk.probability,
          message: `${risk.node} is no longer at risk.`,
          reasons: [],
        });
      }
      const last = this.stored.get(risk.node);
      if (!last || last.level !== risk.level || (at - last.at) * this.scale >= STORE_EVERY_MS) {
        toStore.push(risk);
        this.stored.set(risk.node, { at, level: risk.level });
      }
    }
    try {
      stores?.predictions.insert(toStore);
    } catch (error) {
      console.error(`Risk predictions could not be stored: ${String(error)}`);
    }
  }

  /**
   * Incidents and recoveries among newly collected lifecycle events, for the stream: an incident
   * once, when its episode starts (IncidentWatch); a recovery when a node's readiness or pressure
   * clears with no incident signal in the same collection.
   */
  private observeIncidents(events: readonly LifecycleEvent[]): void {
    const { started, troubled } = this.incidents.observe(this.inClusterTime(events));
    for (const incident of started) {
      const at = this.realTime(incident.at);
      const predicted = this.stream.some(
        (e) =>
          e.node === incident.node &&
          e.type === 'risk-detected' &&
          (at - e.at) * this.scale <= HORIZON_MS &&
          e.at <= at,
      );
      this.emit({
        at,
        node: incident.node,
        type: 'incident-observed',
        kind: incident.kind,
        message: incident.message,
        reasons: [predicted ? 'predicted by Foresight before it happened' : 'not predicted beforehand'],
      });
    }
    const recoveries = new Map<string, LifecycleEvent>();
    for (const e of events) {
      const clears =
        e.kind === 'NodeCondition' && (e.detail === 'Ready=True' || /Pressure=False$/.test(e.detail));
      if (clears && e.node && !troubled.has(e.node) && !recoveries.has(e.node)) recoveries.set(e.node, e);
    }
    for (const [node, recovered] of recoveries) {
      this.emit({
        at: recovered.at,
        node,
        type: 'node-recovering',
        message: `${node} is recovering: ${recovered.detail}.`,
        reasons: [],
      });
    }
  }

  private modelInfo(stores: Stores | undefined): RiskModelInfo {
    const bundle = this.current?.bundle;
    return {
      origin: this.current?.origin ?? 'none',
      trainedAt: bundle?.trainedAt ?? null,
      trainedOn: bundle?.trainedOn ?? 'No model is usable: the rules baseline predicts.',
      threshold: bundle?.threshold ?? 0.5,
      // What the model reads (a model trained before a feature was added reads fewer).
      featureNames: [...(bundle?.classifier.featureNames ?? FEATURE_NAMES)],
      evaluations: bundle?.evaluations ?? [],
      importance: bundle?.importance ?? [],
      feedback: stores?.feedback.totals() ?? { useful: 0, falseAlarm: 0 },
      decisions: stores?.registry.decisions() ?? [],
    };
  }

  async handle(request: ValidRequest): Promise<ReplyEnvelope> {
    const { id } = request;
    const stores = this.storesNow();
    try {
      switch (request.method) {
        case 'risk.nodes':
          return ok(id, { at: this.latestAt, risks: this.latest });
        case 'risk.node': {
          const { node, since } = request.params as ParamsOf<'risk.node'>;
          const from = since ?? this.context.now() - DAY;
          const history = this.context.history();
          const lifecycle = history?.lifecycle.forNode(node, from - 7 * DAY, 10_000) ?? [];
          return ok(id, {
            node,
            risk: this.latest.find((r) => r.node === node) ?? null,
            points: stores?.predictions.forNode(node, from) ?? [],
            incidents: incidentEpisodes(node, lifecycle)
              .filter((e) => e.lastMs >= from)
              .map(({ startMs, lastMs, kind, what }) => ({ startMs, lastMs, kind, what })),
            events: this.stream.filter((e) => e.node === node && e.at >= from),
          });
        }
        case 'risk.events': {
          const { limit } = request.params as ParamsOf<'risk.events'>;
          return ok(id, { events: this.stream.slice(-(limit ?? 200)) });
        }
        case 'risk.model':
          return ok(id, this.modelInfo(stores));
        case 'risk.feedback': {
          const { node, at, verdict, note } = request.params as ParamsOf<'risk.feedback'>;
          if (!stores) return errorReply(id, contractError('StoreError', this.context.historyProblem()));
          stores.feedback.add({ node, at, verdict, ...(note ? { note } : {}), givenAt: this.context.now() });
          return ok(id, { stored: true, ...stores.feedback.totals() });
        }
        case 'risk.train':
          return ok(id, await this.train(stores));
        default:
          return errorReply(
            id,
            contractError('UnknownMethod', `The risk domain does not answer ${request.method}.`),
          );
      }
    } catch (error) {
      return errorReply(
        id,
        contractError('Internal', `Risk: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }

  private async train(stores: Stores | undefined) {
    if (!stores) throw new Error(this.context.historyProblem());
    if (this.training) throw new Error('A training is already running; try again when it has finished.');
    const history = this.context.history();
    if (!history) throw new Error(this.context.historyProblem());
    const run = trainOnClusterHistory({
      history,
      feedback: stores.feedback.since(0),
      now: this.context.now(),
      champion: this.current?.bundle,
    });
    this.training = run;
    try {
      const result = await run;
      stores.registry.register({
        createdAt: this.context.now(),
        champion: result.decision.replace,
        prAuc: result.decision.challengerPrAuc,
        bundle: serializeModelBundle(result.bundle),
        decision: result.decision.reason,
      });
      if (result.decision.replace) {
        this.current = { bundle: result.bundle, origin: 'trained' };
        this.live.setModel({ classifier: result.bundle.classifier, threshold: result.bundle.threshold });
      }
      return {
        replaced: result.decision.replace,
        reason: result.decision.reason,
        championPrAuc: result.decision.championPrAuc,
        challengerPrAuc: result.decision.challengerPrAuc,
      };
    } finally {
      this.training = undefined;
    }
  }
}

export const riskDomain: WorkerDomainFactory = (context) => new RiskService(context);
