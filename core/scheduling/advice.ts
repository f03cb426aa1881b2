import { explainNode, type AdvisoryPlugin, type Evaluation, type NodeEvaluation } from './evaluate.ts';
import { explainUnschedulable, type Unschedulable } from './explain-unschedulable.ts';
import { podName } from './kube-objects.ts';
import type { SchedulingProfile } from './profile.ts';

/** One node in the answer of `foresight place` and the Placement page. */
export interface PlacedNode {
  name: string;
  feasible: boolean;
  /** kube-scheduler's filter messages for an excluded node ("Insufficient cpu"). */
  reasons: string[];
  /** Each plugin's normalized 0–100 score before weighting, by plugin name (feasible nodes). */
  scores: Record<string, number>;
  /** Each plugin's score in plain words (for the best EXPLAINED_NODES nodes and kube-scheduler's pick). */
  explanations: Record<string, string>;
  /** Σ score × weight over kube-scheduler's plugins. */
  kubeSchedulerTotal: number;
  /** kube-scheduler's total plus Σ score × weight over Foresight's plugins that took part. */
  foresightTotal: number;
  /** 1 = Foresight's advice; null for excluded nodes. */
  rank: number | null;
}

export interface PluginUse {
  name: string;
  weight: number;
  source: 'kube-scheduler' | 'foresight';
  active: boolean;
  /** Why a Foresight plugin took no part. */
  note?: string;
}

export interface PlacementAnswer {
  pod: string;
  nodes: PlacedNode[];
  kubeSchedulerChoice: { node: string; total: number; tiedWith: string[] } | null;
  advice: { node: string; total: number; confidence: number; reasons: string[] } | null;
  plugins: PluginUse[];
  unschedulable?: Unschedulable;
}

/** How many of the best nodes get their scores in words. */
export const EXPLAINED_NODES = 25;

const byName = (a: NodeEvaluation, b: NodeEvaluation): number =>
  a.info.name < b.info.name ? -1 : a.info.name > b.info.name ? 1 : 0;

function best(feasible: readonly NodeEvaluation[], total: (n: NodeEvaluation) => number): NodeEvaluation[] {
  let top = -Infinity;
  for (const n of feasible) top = Math.max(top, total(n));
  return feasible.filter((n) => total(n) === top).sort(byName);
}

function sumWeights(plugins: readonly { weight: number }[]): number {
  return plugins.reduce((s, p) => s + p.weight, 0);
}

/**
 * How sure the advice is, 0–1: how much of Foresight's evidence took part (weight of the active
 * plugins over all of them) times how clearly the advised node leads the runner-up (a lead of a
 * tenth of the largest possible total counts as clear). A single feasible node is certain.
 */
function confidenceOf(
  evaluation: Evaluation,
  advisors: readonly AdvisoryPlugin[],
  ranked: readonly NodeEvaluation[],
): number {
  if (ranked.length === 1) return 1;
  const coverage =
    sumWeights(advisors) === 0 ? 0 : sumWeights(evaluation.activeAdvisors) / sumWeights(advisors);
  const maxTotal = 100 * sumWeights(evaluation.activeAdvisors);
  const lead = (ranked[0]?.foresightTotal ?? 0) - (ranked[1]?.foresightTotal ?? 0);
  const clarity = maxTotal === 0 ? 0 : Math.min(1, lead / (0.1 * maxTotal));
  return Math.round(coverage * (0.5 + 0.5 * clarity) * 100) / 100;
}

function adviceReasons(evaluation: Evaluation, advised: NodeEvaluation, kube: NodeEvaluation): string[] {
  const reasons: string[] = [];
  const advisors = evaluation.activeAdvisors;
  if (advisors.length === 0) {
    reasons.push(
      `Foresight's own plugins lack data, so the advice is kube-scheduler's pick: ${kube.info.name}.`,
    );
  } else if (advised === kube) {
    reasons.push(`Foresight agrees with kube-scheduler on ${advised.info.name}.`);
    for (const a of advisors) {
      const why = advised.explanations?.[a.name];
      if (why) reasons.push(`${advised.info.name}: ${why}.`);
    }
  } else {
    const worse = advisors
      .filter((a) => (kube.scores[a.name] ?? 0) < (advised.scores[a.name] ?? 0))
      .map((a) => kube.explanations?.[a.name])
      .filter((w): w is string => Boolean(w));
    reasons.push(
      `${kube.info.name} looks best on paper (kube-scheduler total ${kube.kubeSchedulerTotal}, from requests), but ${worse.join('; ') || 'Foresight scores it lower'}.`,
    );
    const better = advisors
      .filter((a) => (advised.scores[a.name] ?? 0) > (kube.scores[a.name] ?? 0))
      .map((a) => advised.explanations?.[a.name])
      .filter((w): w is string => Boolean(w));
    reasons.push(`${advised.info.name}: ${better.join('; ') || 'a better Foresight total'}.`);
  }
  for (const idle of evaluation.idleAdvisors) reasons.push(`${idle.plugin.name} took no part: ${idle.why}.`);
  return reasons;
}

/** The whole answer: every node ranked or excluded with reasons, kube-scheduler's pick, the advice. */
export function placementAnswer(
  evaluation: Evaluation,
  profile: SchedulingProfile,
  advisors: readonly AdvisoryPlugin[],
): PlacementAnswer {
  const ranked = [...evaluation.feasible].sort((a, b) => b.foresightTotal - a.foresightTotal || byName(a, b));
  const kubeTop = best(evaluation.feasible, (n) => n.kubeSchedulerTotal);
  const kube = kubeTop[0];
  // Among equal Foresight totals, prefer kube-scheduler's own pick: no change without a reason.
  const foresightTop = best(evaluation.feasible, (n) => n.foresightTotal);
  const advised = kube && foresightTop.includes(kube) ? kube : foresightTop[0];
  if (advised) {
    ranked.splice(ranked.indexOf(advised), 1);
    ranked.unshift(advised);
  }
  for (const n of ranked.slice(0, EXPLAINED_NODES)) explainNode(evaluation, n);
  if (kube) explainNode(evaluation, kube);
  const rankOf = new Map(ranked.map((n, i) => [n, i + 1]));
  const excluded = evaluation.nodes.filter((n) => n.failure).sort(byName);
  const nodes: PlacedNode[] = [...ranked, ...excluded].map((n) => ({
    name: n.info.name,
    feasible: !n.failure,
    reasons: n.failure ? (n.failure.reasons as string[]) : [],
    scores: n.scores,
    explanations: n.explanations ?? {},
    kubeSchedulerTotal: n.kubeSchedulerTotal,
    foresightTotal: n.foresightTotal,
    rank: rankOf.get(n) ?? null,
  }));
  const idle = new Map(evaluation.idleAdvisors.map((i) => [i.plugin, i.why]));
  const plugins: PluginUse[] = [
    ...profile.scores.map((p) => ({
      name: p.name,
      weight: p.weight,
      source: 'kube-scheduler' as const,
      active: true,
    })),
    ...advisors.map((p) => {
      const note = idle.get(p);
      return {
        name: p.name,
        weight: p.weight,
        source: 'foresight' as const,
        active: !note,
        ...(note ? { note } : {}),
      };
    }),
  ];
  const answer: PlacementAnswer = {
    pod: podName(evaluation.pod.pod),
    nodes,
    kubeSchedulerChoice: kube
      ? {
          node: kube.info.name,
          total: kube.kubeSchedulerTotal,
          tiedWith: kubeTop.slice(1).map((n) => n.info.name),
        }
      : null,
    advice:
      advised && kube
        ? {
            node: advised.info.name,
            total: advised.foresightTotal,
            confidence: confidenceOf(evaluation, advisors, ranked),
            reasons: adviceReasons(evaluation, advised, kube),
          }
        : null,
    plugins,
  };
  if (!kube) answer.unschedulable = explainUnschedulable(evaluation);
  return answer;
}
