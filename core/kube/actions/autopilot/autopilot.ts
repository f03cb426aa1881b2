import type {
  Action,
  AutopilotConfig,
  AutopilotDecision,
  NodeAdviceInfo,
  NodeRisk,
} from '../../../contract/index.ts';
import { errorText } from '../action-handler.ts';
import { runAction, type ActionSession } from '../pipeline.ts';
import { decide, emptyMemory, noteRisks, type PlannedDecision } from './decide.ts';
import { readNodeFacts } from './node-facts.ts';
import { OwnCordons } from './own-cordons.ts';

export interface AutopilotDeps {
  /** The connected cluster with its audit log, or undefined while there is none. */
  session(): ActionSession | undefined;
  risks(): ReadonlyMap<string, NodeRisk>;
  /**
   * Foresight's node advice for the cluster (what placement.nodeAdvice answers). `ownCordons` are
   * the nodes the autopilot's own drain cordoned: the advice is to read them as schedulable, or a
   * cordoned node would get no cordon advice and the autopilot would lift its taint too early.
   * Read at most once a minute, and only while the config follows the advice.
   */
  nodeAdvice?(
    ownCordons: ReadonlySet<string>,
  ): readonly NodeAdviceInfo[] | Promise<readonly NodeAdviceInfo[]>;
  config(): AutopilotConfig;
  now(): number;
  /** Every decision goes to the event stream. */
  emit(decision: AutopilotDecision): void;
  /** The nodes its own drain cordoned, kept across restarts (default: in memory only). */
  ownCordons?: OwnCordons;
  /** How long a drain after the taint may wait on PodDisruptionBudgets (default: the app's 10 min). */
  drainTimeoutSeconds?: number;
  /**
   * Cluster seconds per real second (a sped-up demo; 1 or absent for a real cluster). The healthy
   * minutes and the cooldown are counted in the cluster's time, as the risk windows are: otherwise
   * on a demo at 120x a 30 min recovery would take 60 simulated hours.
   */
  clusterTimeScale?: number;
}

const KEEP_DECISIONS = 100;
/** The node advice changes with failures minutes apart: reading it after every collection is waste. */
export const NODE_ADVICE_EVERY_MS = 60_000;
/** The key of the advice's read problem among the holds (no node is named ''). */
const ADVICE_PROBLEM = '';

/**
 * Runs a round after each collection: counts new predictions, decides (decide.ts holds every
 * guardrail), and acts through the same audited pipeline as a click — taint, then drain if
 * configured, and untaint on recovery. Actions run in the background, one at a time; a hold is
 * reported when its reason changes, not every round.
 */
export class Autopilot {
  readonly memory = emptyMemory();
  readonly decisions: AutopilotDecision[] = [];
  private running: Promise<void> | undefined;
  private readonly lastHold = new Map<string, string>();
  /** Nodes its own drain cordoned: recovery uncordons them too (they were schedulable before). */
  private readonly cordonedByDrain: OwnCordons;
  /** The real time the cluster's time is counted from (only matters when the clock is scaled). */
  private readonly origin: number;
  private advice: { readAt: number; list: readonly NodeAdviceInfo[] } | undefined;

  constructor(private readonly deps: AutopilotDeps) {
    this.origin = deps.now();
    this.cordonedByDrain = deps.ownCordons ?? new OwnCordons();
  }

  /** A real time on the cluster's clock: what streaks, healthy minutes and cooldowns are measured in. */
  private clusterTime(realMs: number): number {
    const scale = this.deps.clusterTimeScale ?? 1;
    return scale === 1 ? realMs : this.origin + (realMs - this.origin) * scale;
  }

  /** Resolves when the action in flight (if any) has ended. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  async round(): Promise<void> {
    const config = this.deps.config();
    if (!config.enabled || config.paused) return;
    const session = this.deps.session();
    if (!session) return;
    const now = this.clusterTime(this.deps.now());
    // Predictions carry real time; their spacing counts on the cluster's clock, as samples do.
    const risks = new Map(
      [...this.deps.risks()].map(([node, risk]) => [node, { ...risk, at: this.clusterTime(risk.at) }]),
    );
    noteRisks(this.memory, risks, config, now);
    const readAt = this.deps.now();
    const nodes = await readNodeFacts(session.api, config);
    this.cordonedByDrain.forgetUncordoned(nodes, readAt);
    const advice = await this.nodeAdvice(config);
    const planned = decide(this.memory, {
      config,
      nodes,
      risks,
      advice,
      now,
      busy: this.running !== undefined,
    });
    for (const decision of planned) {
      if (decision.decision === 'hold') {
        if (this.lastHold.get(decision.node) === decision.reason) continue;
        this.lastHold.set(decision.node, decision.reason);
        this.record(session, config, decision, 'held');
        continue;
      }
      this.lastHold.delete(decision.node);
      this.memory.lastActionAt.set(decision.node, now);
      if (config.dryRun) {
        this.record(session, config, decision, 'dry-run');
        continue;
      }
      this.running = this.act(session, config, decision).finally(() => {
        this.running = undefined;
      });
    }
  }

  /**
   * The node advice, read again once a minute of real time (none unless the config follows it).
   * When it cannot be read the last advice stands (so a taint it asked for is not lifted), the
   * risk still acts, and the problem is reported once.
   */
  private async nodeAdvice(config: AutopilotConfig): Promise<readonly NodeAdviceInfo[]> {
    if (!config.followNodeAdvice || !this.deps.nodeAdvice) return [];
    const now = this.deps.now();
    if (this.advice && now - this.advice.readAt < NODE_ADVICE_EVERY_MS) return this.advice.list;
    try {
      this.advice = { readAt: now, list: await this.deps.nodeAdvice(this.cordonedByDrain.nodes()) };
      this.lastHold.delete(ADVICE_PROBLEM);
    } catch (error) {
      const reason = `the node advice could not be read (the last one read stands): ${errorText(error)}`;
      if (this.lastHold.get(ADVICE_PROBLEM) !== reason) {
        this.lastHold.set(ADVICE_PROBLEM, reason);
        this.push({ node: '', decision: 'hold', reason, dryRun: config.dryRun, at: now });
      }
    }
    return this.advice?.list ?? [];
  }

  /** A decision that changes nothing (held, or dry-run mode) is still audited and pushed. */
  private record(
    session: ActionSession,
    config: AutopilotConfig,
    planned: PlannedDecision,
    status: 'held' | 'dry-run',
  ): void {
    const now = this.deps.now();
    const words =
      status === 'held'
        ? `held back from acting on node ${planned.node}`
        : `would ${planned.decision} node ${planned.node} (dry-run mode)`;
    const auditId = session.audit?.start({
      cluster: session.cluster,
      user: session.user,
      origin: 'autopilot',
      action: `autopilot-${planned.decision}`,
      target: `node/${planned.node}`,
      params: { decision: planned.decision, taint: config.taint, reason: planned.reason },
      summary: `Autopilot ${words}`,
      startedAt: now,
    });
    if (auditId !== undefined) {
      session.audit?.progress(auditId, now, planned.reason);
      session.audit?.finish(auditId, status, planned.reason, now);
    }
    this.push({
      ...planned,
      dryRun: status === 'dry-run',
      at: now,
      ...(auditId === undefined ? {} : { auditId }),
    });
  }

  private async act(
    session: ActionSession,
    config: AutopilotConfig,
    planned: PlannedDecision,
  ): Promise<void> {
    const { key, value, effect } = config.taint;
    const action: Action =
      planned.decision === 'taint'
        ? { kind: 'taint', node: planned.node, key, ...(value ? { value } : {}), effect }
        : { kind: 'untaint', node: planned.node, key, effect };
    const note = `autopilot: ${planned.reason}`;
    try {
      const result = await runAction(session, action, { origin: 'autopilot', note });
      const failed = result.status === 'succeeded' ? '' : ` — it did not complete: ${result.outcome}`;
      this.push({
        node: planned.node,
        decision: planned.decision === 'taint' ? 'taint' : 'untaint',
        reason: planned.reason + failed,
        dryRun: false,
        at: this.deps.now(),
        ...(result.auditId === undefined ? {} : { auditId: result.auditId }),
      });
      if (
        planned.decision === 'untaint' &&
        result.status === 'succeeded' &&
        this.cordonedByDrain.has(planned.node)
      ) {
        this.cordonedByDrain.remove(planned.node);
        await runAction(
          session,
          { kind: 'uncordon', node: planned.node },
          { origin: 'autopilot', note: 'autopilot: recovered, so the cordon of its drain is lifted too' },
        );
      }
      if (planned.decision === 'taint' && config.drain && result.status === 'succeeded') {
        const drain = await runAction(
          session,
          {
            kind: 'drain',
            node: planned.node,
            options: {
              ignoreDaemonSets: true,
              deleteEmptyDirData: true,
              ...(this.deps.drainTimeoutSeconds === undefined
                ? {}
                : { timeoutSeconds: this.deps.drainTimeoutSeconds }),
            },
          },
          { origin: 'autopilot', note: `autopilot: drain after taint (${planned.reason})` },
        );
        if (drain.undo?.kind === 'uncordon') this.cordonedByDrain.add(planned.node, this.deps.now());
        this.push({
          node: planned.node,
          decision: 'drain',
          reason: `configured to drain tainted nodes; PodDisruptionBudgets respected: ${drain.outcome}`,
          dryRun: false,
          at: this.deps.now(),
          ...(drain.auditId === undefined ? {} : { auditId: drain.auditId }),
        });
      }
    } catch (error) {
      this.push({
        node: planned.node,
        decision: 'hold',
        reason: `could not ${planned.decision}: ${errorText(error)}`,
        dryRun: false,
        at: this.deps.now(),
      });
    }
  }

  private push(decision: AutopilotDecision): void {
    this.decisions.unshift(decision);
    this.decisions.splice(KEEP_DECISIONS);
    this.deps.emit(decision);
  }
}
