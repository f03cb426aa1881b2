import {
  nodeFilterOf,
  nodeScorerOf,
  type FilterFailure,
  type NodeFilter,
  type NodeScorer,
  type PodInfo,
  type ScorePlugin,
} from './framework.ts';
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

/** Every filter on one node: all that fail, in the profile's order. */
function failuresOf(filters: readonly NodeFilter[], node: NodeInfo): FilterFailure[] {
  let allFailures = NO_FAILURES;
  for (let f = 0; f < filters.length; f++) {
    const failure = (filters[f] as NodeFilter)(node);
    if (failure) {
      if (allFailures === NO_FAILURES) allFailures = [];
      allFailures.push(failure);
    }
  }
  return allFailures;
}

/**
 * A feasible node's scores start as a copy of this object (every plugin at 0, in scoring order):
 * one allocation with the final shape instead of an object that grows a property per plugin.
 */
function scoresTemplate(plugins: readonly ScorePlugin[]): Record<string, number> {
  const template: Record<string, number> = {};
  for (const plugin of plugins) template[plugin.name] = 0;
  return template;
}

/** Normalizes one plugin's raw scores of the feasible nodes and adds them, weighted, to the totals. */
function addScores(
  plugin: ScorePlugin,
  scores: number[],
  feasible: readonly NodeEvaluation[],
  kube: boolean,
): void {
  plugin.normalize?.(scores);
  const { name, weight } = plugin;
  for (let i = 0; i < feasible.length; i++) {
    const n = feasible[i] as NodeEvaluation;
    const s = scores[i] ?? 0;
    n.scores[name] = s;
    if (kube) n.kubeSchedulerTotal += s * weight;
    n.foresightTotal += s * weight;
  }
}

/**
 * One scheduling cycle over every node (no percentageOfNodesToScore sampling: advice looks at all
 * of them): filters, then kube-scheduler's weighted scores, then Foresight's on top. The
 * Foresight total is kube-scheduler's total plus the weighted Foresight scores, so the advice
 * never trades away a preference the pod states (affinity, taints) without a reason.
 *
 * Each plugin reads the pod once (PreFilter/PreScore). Then one pass over the nodes filters a
 * node and, when it is feasible, takes every plugin's raw score of it: a node is fetched from
 * memory once, not once per plugin (at 5,000 nodes the fetches cost more than the plugins).
 * Normalizing and weighting follow, per plugin, as upstream does.
 */
export function evaluatePlacement(
  pod: PodObject,
  nodes: readonly NodeInfo[],
  profile: SchedulingProfile,
  advisors: readonly AdvisoryPlugin[] = [],
): Evaluation {
  const info = podInfoOf(pod);
  const activeAdvisors: AdvisoryPlugin[] = [];
  const idleAdvisors: { plugin: AdvisoryPlugin; why: string }[] = [];
  for (const advisor of advisors) {
    const why = advisor.missingData();
    if (why) idleAdvisors.push({ plugin: advisor, why });
    else activeAdvisors.push(advisor);
  }
  const scorePlugins = [...profile.scores, ...activeAdvisors];
  const template = scoresTemplate(scorePlugins);
  const filters = profile.filters.map((filter) => nodeFilterOf(filter, info));
  const scorers = scorePlugins.map((plugin) => nodeScorerOf(plugin, info));
  const rawScores = scorePlugins.map((): number[] => []);
  const evaluations: NodeEvaluation[] = [];
  const feasible: NodeEvaluation[] = [];
  for (const node of nodes) {
    const allFailures = failuresOf(filters, node);
    const failure = allFailures[0];
    const evaluation: NodeEvaluation = {
      info: node,
      failure,
      allFailures,
      scores: failure ? {} : { ...template },
      explanations: undefined,
      kubeSchedulerTotal: 0,
      foresightTotal: 0,
    };
    evaluations.push(evaluation);
    if (failure) continue;
    feasible.push(evaluation);
    for (let p = 0; p < scorers.length; p++)
      (rawScores[p] as number[]).push((scorers[p] as NodeScorer)(node));
  }
  for (let p = 0; p < scorePlugins.length; p++)
    addScores(scorePlugins[p] as ScorePlugin, rawScores[p] as number[], feasible, p < profile.scores.length);
  return { pod: info, nodes: evaluations, feasible, scorePlugins, activeAdvisors, idleAdvisors };
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
