import type { PlacedNode, PlacementAnswer } from '../../core/scheduling/advice.ts';
import { fullestShare, LOAD_AWARE } from '../../core/scheduling/advisors/load-aware.ts';
import { NETWORK_HEALTH } from '../../core/scheduling/advisors/network-health.ts';
import { RISK_AWARE } from '../../core/scheduling/advisors/risk-aware.ts';
import type { PlacementSignals } from '../../core/scheduling/advisors/signals.ts';
import { STABILITY, troubleOf } from '../../core/scheduling/advisors/stability.ts';
import type { PodInfo } from '../../core/scheduling/framework.ts';
import type { NodeInfo } from '../../core/scheduling/node-info.ts';
import {
  LOAD_CONCERN_SHARE,
  NIC_ERRORS_CONCERN_PER_MINUTE,
  RISK_CONCERN_PROBABILITY,
  TROUBLE_CONCERN,
} from './placement-replay-shapes.ts';

/**
 * The advice gates of test/bench/placement-replay.md's gate rule: the pod advice departs from
 * kube-scheduler's pick only with a reason. (α) and (γ) depart when kube-scheduler's pick is past
 * a concern line on Foresight's evidence, (β) when Foresight's best leads it clearly. Each reads
 * the product's answer (place()'s totals, kube-scheduler's pick, Foresight's best) and the
 * signals the plugins read; it changes nothing in the product.
 */
export interface GateContext {
  pod: PodInfo;
  nodes: ReadonlyMap<string, NodeInfo>;
  signals: PlacementSignals;
}

export interface GateChoice {
  node: string;
  /** The plugins whose concern line kube-scheduler's pick is past (empty for (β)). */
  kubeLines: string[];
}

export type AdviceGate = (answer: PlacementAnswer, context: GateContext) => GateChoice | undefined;

/** Whether a node is past a plugin's concern line; false where the plugin has no reading of it. */
type ConcernLine = (context: GateContext, node: string) => boolean;

const LINES: Readonly<Record<string, ConcernLine>> = {
  [LOAD_AWARE]: ({ pod, nodes, signals }, node) => {
    const usage = signals.usage?.get(node);
    const info = nodes.get(node);
    if (!usage || !info) return false;
    const share = fullestShare(pod, info, usage);
    return Math.max(share.cpu, share.memory) > LOAD_CONCERN_SHARE;
  },
  [STABILITY]: ({ signals }, node) => troubleOf(signals.disruptions?.get(node)) > TROUBLE_CONCERN,
  [NETWORK_HEALTH]: ({ signals }, node) =>
    (signals.nicErrors?.get(node) ?? 0) > NIC_ERRORS_CONCERN_PER_MINUTE,
  [RISK_AWARE]: ({ signals }, node) =>
    (signals.risks?.get(node)?.probability ?? 0) > RISK_CONCERN_PROBABILITY,
};

const activeForesight = (answer: PlacementAnswer) =>
  answer.plugins.filter((p) => p.source === 'foresight' && p.active);

/** The concern lines a node is past; a plugin that takes no part (no data) draws none. */
export function linesCrossed(answer: PlacementAnswer, context: GateContext, node: string): string[] {
  return activeForesight(answer)
    .filter((p) => LINES[p.name]?.(context, node) === true)
    .map((p) => p.name);
}

/** The node with the highest total, the first by name among equals (as kube-scheduler's pick is). */
function topBy(nodes: readonly PlacedNode[], total: (n: PlacedNode) => number): PlacedNode | undefined {
  let top: PlacedNode | undefined;
  for (const n of nodes)
    if (!top || total(n) > total(top) || (total(n) === total(top) && n.name < top.name)) top = n;
  return top;
}

/**
 * A concern gate: kube-scheduler's pick unless it is past a line; then the best of the feasible
 * nodes past no line by `replacement`, or Foresight's advice as shipped (its best total) when
 * every feasible node is past one.
 */
function concernGate(replacement: (n: PlacedNode) => number): AdviceGate {
  return (answer, context) => {
    const kube = answer.kubeSchedulerChoice?.node;
    const best = answer.advice?.node;
    if (kube === undefined || best === undefined) return undefined;
    const kubeLines = linesCrossed(answer, context, kube);
    if (kubeLines.length === 0) return { node: kube, kubeLines };
    const clear = answer.nodes.filter(
      (n) => n.feasible && n.name !== kube && linesCrossed(answer, context, n.name).length === 0,
    );
    return { node: topBy(clear, replacement)?.name ?? best, kubeLines };
  };
}

/** (α) The concern gate, Foresight's best total among the nodes past no line. */
export const concernGateForesightBest = concernGate((n) => n.foresightTotal);
/** (γ) The concern gate, kube-scheduler's best total among the nodes past no line. */
export const concernGateKubeBest = concernGate((n) => n.kubeSchedulerTotal);

/** A clear lead: a tenth of the largest possible total of the active Foresight plugins (confidenceOf's). */
export function clearLead(answer: PlacementAnswer): number {
  return 0.1 * 100 * activeForesight(answer).reduce((s, p) => s + p.weight, 0);
}

/** (β) kube-scheduler's pick unless Foresight's best leads it, in Foresight total, by a clear lead. */
export const clearLeadGate: AdviceGate = (answer) => {
  const kube = answer.kubeSchedulerChoice?.node;
  const best = answer.advice;
  if (kube === undefined || !best) return undefined;
  const kubeTotal = answer.nodes.find((n) => n.name === kube)?.foresightTotal ?? 0;
  const lead = best.total - kubeTotal;
  return { node: lead > 0 && lead >= clearLead(answer) ? best.node : kube, kubeLines: [] };
};

/** The gates by the names the rule gives them (`PLACEMENT_REPLAY_GATE`). */
export const ADVICE_GATES: Readonly<Record<string, AdviceGate>> = {
  alpha: concernGateForesightBest,
  beta: clearLeadGate,
  gamma: concernGateKubeBest,
};
