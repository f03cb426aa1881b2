import type Database from 'better-sqlite3';
import {
  contractError,
  errorReply,
  type ParamsOf,
  type ReplyEnvelope,
  type RequestId,
  type ValidRequest,
} from '../contract/index.ts';
import { AuditLog } from '../history/audit-log.ts';
import { DEFAULT_AUTOPILOT_CONFIG, type AutopilotConfig } from '../contract/actions.ts';
import { Autopilot } from '../kube/actions/autopilot/autopilot.ts';
import { loadAutopilotConfig, saveAutopilotConfig } from '../kube/actions/autopilot/config-store.ts';
import { readNodeFacts } from '../kube/actions/autopilot/node-facts.ts';
import { OwnCordons } from '../kube/actions/autopilot/own-cordons.ts';
import { clusterNodeAdvice } from '../scheduling/cluster-node-advice.ts';
import type { NodeObject, PodObject } from '../scheduling/kube-objects.ts';
import type { NodeAdvice } from '../scheduling/node-advice.ts';
import { errorText } from '../kube/actions/action-handler.ts';
import { kubeJson, KubeStatusError } from '../kube/actions/kube-json.ts';
import {
  checkAction,
  previewAction,
  runAction,
  undoAction,
  type ActionSession,
  type RunOptions,
  type RunResult,
} from '../kube/actions/pipeline.ts';
import type { WorkerDomain, WorkerDomainContext, WorkerDomainFactory } from './domain.ts';

const ok = (id: RequestId, result: unknown): ReplyEnvelope =>
  ({ kind: 'reply', id, ok: true, result }) as ReplyEnvelope;

/**
 * Actions in the worker: RBAC checks, dry-run previews, execution with progress pushed as
 * events, the audit log (in the cluster's history database) and undo. An action is only run when
 * it can be audited; records a dead worker left "running" are marked interrupted on the next open.
 */
export class ActionsService implements WorkerDomain {
  readonly title = 'The autopilot';
  readonly methods = [
    'actions.check',
    'actions.preview',
    'actions.execute',
    'actions.undo',
    'actions.cancel',
    'actions.audit',
    'autopilot.status',
    'autopilot.configure',
  ] as const;
  private auditLog: AuditLog | undefined;
  private auditDb: Database.Database | undefined;
  private readonly running = new Map<number, AbortController>();
  private autopilotConfig: AutopilotConfig = DEFAULT_AUTOPILOT_CONFIG;
  /** One autopilot per cluster database: its memory of streaks belongs to that cluster. */
  autopilot: Autopilot;

  constructor(private readonly context: WorkerDomainContext) {
    this.autopilot = this.newAutopilot();
  }

  /** An autopilot for the cluster whose history is `db` (none yet: its own cordons in memory). */
  private newAutopilot(db?: Database.Database): Autopilot {
    return new Autopilot({
      ownCordons: new OwnCordons(db),
      session: () => {
        const session = this.session();
        return typeof session === 'string' || !session.audit ? undefined : session;
      },
      risks: () => this.context.nodeRisks(),
      nodeAdvice: (ownCordons) => this.nodeAdvice(ownCordons),
      config: () => this.autopilotConfig,
      now: this.context.now,
      emit: (decision) => this.context.push('autopilotDecision', decision),
      ...(this.context.config?.clusterTimeScale
        ? { clusterTimeScale: this.context.config.clusterTimeScale }
        : {}),
    });
  }

  /**
   * The node advice the Placement page shows, for the autopilot to follow; a node only the
   * autopilot's drain cordoned reads as schedulable (the advice has nothing to say of cordoned
   * nodes, and the autopilot must know the node still keeps failing).
   */
  private async nodeAdvice(ownCordons: ReadonlySet<string>): Promise<NodeAdvice[]> {
    const cluster = this.context.cluster();
    if (!cluster?.reader.listSchedulingObjects) return [];
    const { nodes, pods } = await cluster.reader.listSchedulingObjects();
    const asSchedulable = (nodes as NodeObject[]).map((node) =>
      ownCordons.has(node.metadata?.name ?? '')
        ? { ...node, spec: { ...node.spec, unschedulable: false } }
        : node,
    );
    const now = this.context.now();
    return clusterNodeAdvice(
      this.context.history(),
      asSchedulable,
      pods as PodObject[],
      this.context.nodeRisks(),
      now,
    );
  }

  /** After each collection: the autopilot's round (its actions run in the background). */
  async afterCollect(): Promise<void> {
    this.audit();
    try {
      await this.autopilot.round();
    } catch (error) {
      this.context.push('autopilotDecision', {
        at: this.context.now(),
        node: '',
        decision: 'hold',
        reason: `the autopilot could not read the nodes: ${errorText(error)}`,
        dryRun: this.autopilotConfig.dryRun,
      });
    }
  }

  /** The audit log of the connected cluster's history; a new database gets its leftovers marked. */
  audit(): AuditLog | undefined {
    const store = this.context.history();
    if (!store) return undefined;
    if (store.database !== this.auditDb) {
      this.auditDb = store.database;
      this.auditLog = new AuditLog(store.database);
      this.auditLog.markInterrupted(this.context.now());
      this.autopilotConfig = loadAutopilotConfig(store.database);
      this.autopilot = this.newAutopilot(store.database);
    }
    return this.auditLog;
  }

  session(): ActionSession | string {
    const cluster = this.context.cluster();
    if (!cluster) return 'No cluster is connected: pick a context first.';
    const audit = this.audit();
    return {
      api: kubeJson(cluster.kubeConfig, cluster.server),
      cluster: cluster.server,
      user: cluster.kubeConfig.getCurrentUser()?.name ?? cluster.context,
      ...(audit ? { audit } : {}),
      now: this.context.now,
    };
  }

  async handle(request: ValidRequest): Promise<ReplyEnvelope> {
    const { id } = request;
    const session = this.session();
    if (typeof session === 'string') return errorReply(id, contractError('Unavailable', session));
    try {
      switch (request.method) {
        case 'actions.check': {
          const { actions } = request.params as ParamsOf<'actions.check'>;
          const permissions = await Promise.all(
            actions.map((a) => checkAction(session.api, a, session.user)),
          );
          return ok(id, { permissions });
        }
        case 'actions.preview': {
          const { action } = request.params as ParamsOf<'actions.preview'>;
          return ok(id, await previewAction(session.api, action, session.user));
        }
        case 'actions.execute': {
          const { action } = request.params as ParamsOf<'actions.execute'>;
          return await this.start(id, session, (options) => runAction(session, action, options));
        }
        case 'actions.undo': {
          const { auditId } = request.params as ParamsOf<'actions.undo'>;
          const record = session.audit?.get(auditId);
          if (!record?.undo) {
            return errorReply(
              id,
              contractError(
                'BadRequest',
                record
                  ? `${record.summary} has nothing to undo, or was undone already.`
                  : `There is no action ${auditId}.`,
              ),
            );
          }
          return await this.start(id, session, (options) => undoAction(session, auditId, options));
        }
        case 'actions.cancel': {
          const { auditId } = request.params as ParamsOf<'actions.cancel'>;
          const controller = this.running.get(auditId);
          controller?.abort();
          return ok(id, { cancelled: controller !== undefined });
        }
        case 'autopilot.status':
          return ok(id, await this.autopilotStatus(session));
        case 'autopilot.configure': {
          const { config } = request.params as ParamsOf<'autopilot.configure'>;
          if (!this.auditDb)
            return errorReply(id, contractError('StoreError', this.context.historyProblem()));
          this.autopilotConfig = { ...this.autopilotConfig, ...config } as AutopilotConfig;
          saveAutopilotConfig(this.auditDb, this.autopilotConfig);
          return ok(id, await this.autopilotStatus(session));
        }
        case 'actions.audit': {
          const { limit } = request.params as ParamsOf<'actions.audit'>;
          if (!session.audit)
            return errorReply(id, contractError('StoreError', this.context.historyProblem()));
          return ok(id, { records: session.audit.list(limit ?? 200) });
        }
        default:
          return errorReply(
            id,
            contractError('UnknownMethod', `actions does not answer ${String(request.method)}.`),
          );
      }
    } catch (error) {
      const code = error instanceof KubeStatusError ? 'ClusterError' : 'Internal';
      return errorReply(id, contractError(code, errorText(error)));
    }
  }

  private async autopilotStatus(session: ActionSession) {
    const nodes = await readNodeFacts(session.api, this.autopilotConfig);
    return {
      config: this.autopilotConfig,
      tainted: nodes.filter((n) => n.autopilotTainted).map((n) => n.name),
      streaks: [...this.autopilot.memory.streaks].map(([node, count]) => ({ node, count })),
      decisions: this.autopilot.decisions,
    };
  }

  /**
   * Starts an action and answers with its audit id as soon as the record exists; progress and
   * the final record follow as events. Without an audit log nothing runs.
   */
  private start(
    id: RequestId,
    session: ActionSession,
    run: (options: RunOptions) => Promise<RunResult>,
  ): Promise<ReplyEnvelope> {
    if (!session.audit) {
      return Promise.resolve(
        errorReply(
          id,
          contractError(
            'StoreError',
            `Actions run only when they can be audited, and the history database is unavailable: ${this.context.historyProblem()}`,
          ),
        ),
      );
    }
    const audit = session.audit;
    const controller = new AbortController();
    return new Promise<ReplyEnvelope>((resolve) => {
      let started: number | undefined;
      run({
        signal: controller.signal,
        onStart: (auditId) => {
          started = auditId;
          if (auditId === undefined) return;
          this.running.set(auditId, controller);
          const record = audit.get(auditId);
          if (record) this.context.push('actionFinished', record);
          resolve(ok(id, { auditId }));
        },
        onStep: (auditId, message) => {
          if (auditId !== undefined)
            this.context.push('actionProgress', { auditId, at: this.context.now(), message });
        },
      })
        .then((result) => {
          const record = result.auditId === undefined ? undefined : audit.get(result.auditId);
          if (record) this.context.push('actionFinished', record);
        })
        .catch((error: unknown) => {
          if (started === undefined) resolve(errorReply(id, contractError('ClusterError', errorText(error))));
        })
        .finally(() => {
          if (started !== undefined) this.running.delete(started);
        });
    });
  }

  stop(): void {
    for (const controller of this.running.values()) controller.abort();
  }
}

export const actionsDomain: WorkerDomainFactory = (context) => new ActionsService(context);
