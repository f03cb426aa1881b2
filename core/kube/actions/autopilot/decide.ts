import type { AutopilotConfig, NodeAdviceInfo, NodeRisk } from '../../../contract/index.ts';

/**
 * The autopilot's decisions as a pure function of what it knows, so each guardrail can be tested
 * on its own: at most one node in action at a time, at most a share of the nodes tainted, never
 * the last schedulable node, never a control-plane node, a cooldown per node, a kill switch.
 * Foresight's node advice to cordon a node (it keeps failing) is a second reason to taint it,
 * held back by the same guardrails, and keeps the node from recovery while it holds.
 */

/** What the autopilot reads about each node (from the API server, not the snapshot). */
export interface NodeFacts {
  name: string;
  controlPlane: boolean;
  /** Not cordoned and no NoSchedule/NoExecute taint: new pods can land here. */
  schedulable: boolean;
  /** spec.unschedulable: cordoned (by anyone). */
  cordoned: boolean;
  ready: boolean;
  /** Carries the autopilot's own taint. */
  autopilotTainted: boolean;
}

/** What the autopilot remembers between rounds (per worker; node taints are the durable part). */
export interface AutopilotMemory {
  streaks: Map<string, number>;
  /** When the node last went below the threshold (cleared while it is at or above). */
  healthySince: Map<string, number>;
  lastActionAt: Map<string, number>;
  /** The prediction time last counted: one prediction, or one sample's, is never counted twice. */
  lastRiskAt: Map<string, number>;
}

export const emptyMemory = (): AutopilotMemory => ({
  streaks: new Map(),
  healthySince: new Map(),
  lastActionAt: new Map(),
  lastRiskAt: new Map(),
});

export interface PlannedDecision {
  node: string;
  decision: 'taint' | 'untaint' | 'hold';
  reason: string;
}

const MINUTE = 60_000;

/**
 * A prediction counts as at risk when its probability reaches the threshold, or when the risk
 * domain itself calls the node at-risk: its level folds in the rules baseline and the streaming
 * detector, which alarm before the model's probability moves (for instance in a cluster's first hour).
 */
export function atOrAboveThreshold(risk: NodeRisk, config: AutopilotConfig): boolean {
  return risk.probability >= config.threshold || risk.level === 'at-risk';
}

/**
 * Predictions closer together than this count once. The risk engine samples a node once a
 * minute but predicts at every collection (every 15 s on a live cluster), so three predictions
 * in a row could otherwise be three readings of one sample, 30 s apart.
 */
export const PREDICTION_SPACING_MS = 55_000;

/**
 * Counts each new prediction at least PREDICTION_SPACING_MS after the last one counted: a streak
 * grows while the risk stays at or above the threshold.
 */
export function noteRisks(
  memory: AutopilotMemory,
  risks: ReadonlyMap<string, NodeRisk>,
  config: AutopilotConfig,
  now: number,
): void {
  for (const [node, risk] of risks) {
    if (risk.at - (memory.lastRiskAt.get(node) ?? -Infinity) < PREDICTION_SPACING_MS) continue;
    memory.lastRiskAt.set(node, risk.at);
    if (atOrAboveThreshold(risk, config)) {
      memory.streaks.set(node, (memory.streaks.get(node) ?? 0) + 1);
      memory.healthySince.delete(node);
    } else {
      memory.streaks.delete(node);
      if (!memory.healthySince.has(node)) memory.healthySince.set(node, now);
    }
  }
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

function riskWords(risk: NodeRisk | undefined, config: AutopilotConfig, streak: number): string {
  if (!risk) return '';
  const why = risk.reasons.length ? `: ${risk.reasons.slice(0, 3).join('; ')}` : '';
  const what =
    risk.probability >= config.threshold
      ? `risk ${risk.probability.toFixed(2)} ≥ ${config.threshold}`
      : `at-risk (risk ${risk.probability.toFixed(2)})`;
  return `${what} for ${streak} consecutive predictions (${risk.source})${why}`;
}

export interface RoundInput {
  config: AutopilotConfig;
  nodes: readonly NodeFacts[];
  risks: ReadonlyMap<string, NodeRisk>;
  /** Foresight's node advice (placement.nodeAdvice); only its cordon advice counts, and only with followNodeAdvice. */
  advice?: readonly NodeAdviceInfo[];
  now: number;
  /** An action of the autopilot is still running. */
  busy: boolean;
}

/** The cordon advice the autopilot follows, by node: none unless configured to follow it. */
function cordonAdvice(input: RoundInput): Map<string, NodeAdviceInfo> {
  if (!input.config.followNodeAdvice) return new Map();
  return new Map((input.advice ?? []).filter((a) => a.action === 'cordon').map((a) => [a.node, a]));
}

/** Why a node is to be tainted: the advice (it already needs two failures, so no streak), the streak, or both. */
function taintWords(
  advice: NodeAdviceInfo | undefined,
  risk: NodeRisk | undefined,
  config: AutopilotConfig,
  streak: number,
): string {
  const words = [
    advice ? `node advice: ${advice.reasons[0] ?? 'cordon it'}` : '',
    streak >= config.consecutive ? riskWords(risk, config, streak) : '',
  ];
  return words.filter(Boolean).join('; and ');
}

/** This round's decisions: at most one action, and a hold with the guardrail's reason for the rest. */
export function decide(memory: AutopilotMemory, input: RoundInput): PlannedDecision[] {
  const { config, nodes, risks, now, busy } = input;
  if (!config.enabled || config.paused) return [];
  const advised = cordonAdvice(input);
  const decisions: PlannedDecision[] = [];
  let acting: string | undefined;
  const hold = (node: string, reason: string) => decisions.push({ node, decision: 'hold', reason });

  const recovered = nodes.filter((n) => {
    const since = memory.healthySince.get(n.name);
    return n.autopilotTainted && since !== undefined && now - since >= config.healthyMinutes * MINUTE;
  });
  for (const node of recovered) {
    const minutes = Math.round((now - (memory.healthySince.get(node.name) ?? now)) / MINUTE);
    const advice = advised.get(node.name);
    if (advice)
      hold(
        node.name,
        `its risk recovered, but node advice still says to keep it cordoned: ${advice.reasons[0] ?? ''}`,
      );
    else if (busy || acting)
      hold(node.name, `recovered, but one node at a time: ${acting ?? 'another action'} is in progress`);
    else {
      acting = node.name;
      decisions.push({
        node: node.name,
        decision: 'untaint',
        reason: `recovered: below ${config.threshold} and not at risk for ${minutes} min (≥ ${config.healthyMinutes} min)`,
      });
    }
  }

  const taintedNow = nodes.filter((n) => n.autopilotTainted).length;
  const allowedTainted = Math.floor(config.maxTaintedFraction * nodes.length);
  const actNow = (n: NodeFacts) =>
    advised.has(n.name) || (memory.streaks.get(n.name) ?? 0) >= config.consecutive;
  // A node that keeps failing goes first: its failures are observed, a risk is a prediction.
  const candidates = nodes
    .filter((n) => !n.autopilotTainted && actNow(n))
    .sort(
      (a, b) =>
        Number(advised.has(b.name)) - Number(advised.has(a.name)) ||
        (risks.get(b.name)?.probability ?? 0) - (risks.get(a.name)?.probability ?? 0),
    );
  for (const node of candidates) {
    const streak = memory.streaks.get(node.name) ?? 0;
    const last = memory.lastActionAt.get(node.name);
    const otherSchedulable = nodes.filter(
      (n) => n.name !== node.name && n.schedulable && n.ready && !n.controlPlane && !n.autopilotTainted,
    ).length;
    if (node.controlPlane) hold(node.name, 'a control-plane node: the autopilot never acts on these');
    else if (last !== undefined && now - last < config.cooldownMinutes * MINUTE)
      hold(
        node.name,
        `cooldown: its last autopilot action was ${Math.round((now - last) / MINUTE)} min ago (cooldown ${config.cooldownMinutes} min)`,
      );
    else if (taintedNow + 1 > allowedTainted)
      hold(
        node.name,
        `at most ${percent(config.maxTaintedFraction)} of the nodes (${allowedTainted} of ${nodes.length}) may carry the autopilot's taint, and ${taintedNow} already do`,
      );
    else if (otherSchedulable === 0)
      hold(node.name, 'it is the last schedulable node: tainting it would leave new pods nowhere to go');
    else if (busy || acting)
      hold(node.name, `one node at a time: ${acting ?? 'another action'} is in progress`);
    else {
      acting = node.name;
      decisions.push({
        node: node.name,
        decision: 'taint',
        reason: taintWords(advised.get(node.name), risks.get(node.name), config, streak),
      });
    }
  }
  return decisions;
}
