import type { PlacementAnswerInfo } from '../../../contract/placement.ts';
import type { ReportSource } from '../../source.ts';
import { answered } from '../availability.ts';
import type { PendingPod, PlacementSection } from './model.ts';

/** Best-ranked nodes kept per pod: enough to see the runner-up, short enough to read. */
export const bestNodes = 3;

function podOf(namespace: string, name: string, answer: PlacementAnswerInfo | string): PendingPod {
  if (typeof answer === 'string') {
    return {
      namespace,
      name,
      advice: null,
      kubeScheduler: null,
      feasibleNodes: 0,
      nodes: 0,
      best: [],
      unschedulable: null,
      problem: answer,
    };
  }
  const ranked = answer.nodes
    .filter((n): n is typeof n & { rank: number } => n.rank !== null)
    .sort((a, b) => a.rank - b.rank);
  return {
    namespace,
    name,
    advice: answer.advice
      ? {
          node: answer.advice.node,
          confidence: answer.advice.confidence,
          reasons: [...answer.advice.reasons],
        }
      : null,
    kubeScheduler: answer.kubeSchedulerChoice
      ? { node: answer.kubeSchedulerChoice.node, tiedWith: [...answer.kubeSchedulerChoice.tiedWith] }
      : null,
    feasibleNodes: answer.nodes.filter((n) => n.feasible).length,
    nodes: answer.nodes.length,
    best: ranked.slice(0, bestNodes).map((n) => ({
      node: n.name,
      rank: n.rank,
      foresightTotal: n.foresightTotal,
      kubeSchedulerTotal: n.kubeSchedulerTotal,
    })),
    unschedulable: answer.unschedulable
      ? { message: answer.unschedulable.message, changes: [...answer.unschedulable.changes] }
      : null,
    problem: null,
  };
}

export function collectPlacement(source: ReportSource): PlacementSection {
  const { pending, advice } = answered(source.reads?.placement, 'Placement advice');
  const pods = (advice?.advised ?? [])
    .map((a) => podOf(a.namespace, a.name, a.answer))
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
  return { pending, pods, leftOut: Math.max(0, pending - pods.length) };
}
