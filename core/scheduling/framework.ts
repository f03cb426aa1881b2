import type { PodObject } from './kube-objects.ts';
import type { NodeInfo } from './node-info.ts';
import type { Resources } from './resources.ts';

/**
 * The scheduling framework's vocabulary (pkg/scheduler/framework): filters answer whether a node
 * can take the pod and why not, in kube-scheduler's words; scores rank the feasible nodes 0..100
 * after normalization, and each carries a reason a person can read.
 */
export const MAX_NODE_SCORE = 100;

/** The pod as plugins see it, with its requests worked out once per cycle (PreFilter/PreScore). */
export interface PodInfo {
  readonly pod: PodObject;
  /** Real requests (the filter's view). */
  readonly requests: Readonly<Resources>;
  /** Requests with 100m / 200Mi for containers that ask for nothing (the scorers' view). */
  readonly nonZeroRequests: Readonly<Resources>;
}

/**
 * Unschedulable: might fit after something changes on the node (preemption could help).
 * UnschedulableAndUnresolvable: only changing the node's labels/taints or the pod helps.
 */
export interface FilterFailure {
  readonly plugin: string;
  readonly code: 'Unschedulable' | 'UnschedulableAndUnresolvable';
  readonly reasons: readonly string[];
}

/** One node's filter or score for the pod a PreFilter/PreScore step has already read. */
export type NodeFilter = (node: NodeInfo) => FilterFailure | undefined;
export type NodeScorer = (node: NodeInfo) => number;

export interface FilterPlugin {
  readonly name: string;
  filter(pod: PodInfo, node: NodeInfo): FilterFailure | undefined;
  /**
   * PreFilter: reads the pod once per cycle (its requests, tolerations, affinity) and returns
   * the filter of one node, which then does only the per-node work. Same answers as filter().
   */
  preFilter?(pod: PodInfo): NodeFilter;
}

export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  /** Raw score of one node. */
  score(pod: PodInfo, node: NodeInfo): number;
  /** PreScore: as FilterPlugin.preFilter, the pod read once and a scorer of one node returned. */
  preScore?(pod: PodInfo): NodeScorer;
  /** NormalizeScore over the feasible nodes, in place. */
  normalize?(scores: number[]): void;
  /** A plain-words reason for a node's normalized score. */
  explain?(pod: PodInfo, node: NodeInfo, normalized: number): string;
}

/** The plugin's filter for this pod: its PreFilter's when it has one. */
export function nodeFilterOf(plugin: FilterPlugin, pod: PodInfo): NodeFilter {
  return plugin.preFilter ? plugin.preFilter(pod) : (node) => plugin.filter(pod, node);
}

/** The plugin's scorer for this pod: its PreScore's when it has one. */
export function nodeScorerOf(plugin: ScorePlugin, pod: PodInfo): NodeScorer {
  return plugin.preScore ? plugin.preScore(pod) : (node) => plugin.score(pod, node);
}

/** helper.DefaultNormalizeScore: scale to 0..max by the largest score, optionally reversed. */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: number[]): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) {
    if (reverse) scores.fill(maxPriority);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((maxPriority * (scores[i] ?? 0)) / max);
    if (reverse) s = maxPriority - s;
    scores[i] = s;
  }
}
