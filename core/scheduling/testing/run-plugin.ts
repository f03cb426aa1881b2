import { podInfoOf } from '../evaluate.ts';
import type { FilterFailure, FilterPlugin, ScorePlugin } from '../framework.ts';
import type { NodeObject, PodObject } from '../kube-objects.ts';
import { buildNodeInfos } from '../node-info.ts';

/** Score every node with one plugin, then normalize, as the upstream plugin tests do. */
export function scoreNodes(
  plugin: ScorePlugin,
  pod: PodObject,
  nodes: NodeObject[],
  existing: PodObject[] = [],
  normalize = true,
): number[] {
  const info = podInfoOf(pod);
  const scores = buildNodeInfos(nodes, existing).map((n) => plugin.score(info, n));
  if (normalize) plugin.normalize?.(scores);
  return scores;
}

export function filterNode(
  plugin: FilterPlugin,
  pod: PodObject,
  n: NodeObject,
  existing: PodObject[] = [],
): FilterFailure | undefined {
  const [info] = buildNodeInfos([n], existing);
  return plugin.filter(podInfoOf(pod), info!);
}
