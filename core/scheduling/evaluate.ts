import type { FilterFailure, PodInfo, ScorePlugin } from './framework.ts';
import type { PodObject } from './kube-objects.ts';
import type { NodeInfo } from './node-info.ts';
import type { SchedulingProfile } from './profile.ts';
import { podRequests } from './resources.ts';

/** A Foresight plugin: a score plugin that may lack the data it needs, and then takes no part. */
export interface AdvisoryPlugin extends ScorePlugin {
  /** Why the plugin cannot score now (no history, no risk predictions), or undefined when it can. */
  missingData(): string | undefined;
}

export interface NodeEvaluation {
  readonly info: NodeInfo;
  /** The first failing filter, as kube-scheduler reports it; undefined when the node is feasible. */
  readonly failure: FilterFailure | undefined;
  /** Every failing filter: what would have to change for the pod to fit here. */
  readonly allFailures: readonly FilterFailure[];
  /** Normalized 0..100 score per plugin name (feasible nodes only). */
  readonly scores: Record<string, number>;
  /** Filled on demand by explainNode (only for the nodes a person reads). */
  explanations: Record<string, string> | undefined;
  kubeSchedulerTotal: number;
  foresightTotal: number;
}

export interface Evaluation {
  readonly pod: PodInfo;
  readonly nodes: readonly NodeEvaluation[];
  readonly feasible: readonly NodeEvaluation[];
  /** Foresight plugins that took part, and those that could not (with why). */
  /** kube-scheduler's score plugins then the active advisors: what scored the feasible nodes. */
  readonly scorePlugins: readonly ScorePlugin[];
  readonly activeAdvisors: readonly AdvisoryPlugin[];
  readonly idleAdvisors: readonly { plugin: AdvisoryPlugin; why: string }[];
}

const NO_FAILURES: FilterFailure[] = [];

export function podInfoOf(pod: PodObject): PodInfo {
  return { pod, requests: podRequests(pod), nonZeroRequests: podRequests(pod, true) };
}

function scoreAll(
  plugin: ScorePlugin,
  pod: PodInfo,
  feasible: readonly NodeEvaluation[],
  into: 'kubeSchedulerTotal' | 'foresightTotal',
): void {
  const scores = new Array<number>(feasible.length);
  for (let i = 0; i < feasible.length; i++)
    scores[i] = plugin.score(pod, (feasible[i] as NodeEvaluation).info);
  plugin.normalize?.(scores);
  const { name, weight } = plugin;
  for (let i = 0; i < feasible.length; i++) {
    const n = feasible[i] as NodeEvaluation;
    const s = scores[i] ?? 0;
    n.scores[name] = s;
    if (into === 'kubeSchedulerTotal') n.kubeSchedulerTotal += s * weight;
    n.foresightTotal += s * weight;
  }
}

/**
 * One scheduling cycle over every node (no percentageOfNodesToScore sampling: advice looks at all
 * of them): filters, then kube-scheduler's weighted scores, then Foresight's on top. The
 * Foresight total is kube-scheduler's total plus the weighted Foresight scores, so the advice
 * never trades away a preference the pod states (affinity, taints) without a reason.
 */
export function evaluatePlacement(
  pod: PodObject,
  nodes: readonly NodeInfo[],
  profile: SchedulingProfile,
  advisors: readonly AdvisoryPlugin[] = [],
): Evaluation {
  const info = podInfoOf(pod);
  const evaluations: NodeEvaluation[] = nodes.map((node) => {
    let allFailures: FilterFailure[] = NO_FAILURES;
    for (const filter of profile.filters) {
      const failure = filter.filter(info, node);
      if (failure) {
        if (allFailures === NO_FAILURES) allFailures = [];
        allFailures.push(failure);
      }
    }
    return {
      info: node,
      failure: allFailures[0],
      allFailures,
      scores: {},
      explanations: undefined,
      kubeSchedulerTotal: 0,
      foresightTotal: 0,
    };
  });
  const feasible = evaluations.filter((e) => !e.failure);
  for (const plugin of profile.scores) scoreAll(plugin, info, feasible, 'kubeSchedulerTotal');
  const activeAdvisors: AdvisoryPlugin[] = [];
  const idleAdvisors: { plugin: AdvisoryPlugin; why: string }[] = [];
  for (const advisor of advisors) {
    const why = advisor.missingData();
    if (why) idleAdvisors.push({ plugin: advisor, why });
    else {
      activeAdvisors.push(advisor);
      scoreAll(advisor, info, feasible, 'foresightTotal');
    }
  }
  return {
    pod: info,
    nodes: evaluations,
    feasible,
    scorePlugins: [...profile.scores, ...activeAdvisors],
    activeAdvisors,
    idleAdvisors,
  };
}

/**
 * Fills a feasible node's plain-words explanations. Done on demand, for the nodes a person
 * will read (the best few and kube-scheduler's pick): words for all 5,000 nodes of a large
 * cluster would cost more than ranking them.
 */
export function explainNode(evaluation: Evaluation, node: NodeEvaluation): void {
  if (node.failure || node.explanations) return;
  const explanations: Record<string, string> = {};
  for (const plugin of evaluation.scorePlugins) {
    if (plugin.explain)
      explanations[plugin.name] = plugin.explain(evaluation.pod, node.info, node.scores[plugin.name] ?? 0);
  }
  node.explanations = explanations;
}
