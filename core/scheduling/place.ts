import { placementAnswer, type PlacementAnswer } from './advice.ts';
import { foresightAdvisors, type PlacementSignals } from './advisors/index.ts';
import { evaluatePlacement } from './evaluate.ts';
import type { PodObject } from './kube-objects.ts';
import { nodeAdviceFrom, type NodeAdvice } from './node-advice.ts';
import { buildNodeInfos, type NodeInfo } from './node-info.ts';
import { defaultProfile } from './profile.ts';
import type { ClusterSnapshot } from './snapshot.ts';
import type { ScoringStrategy } from './plugins/node-resources-fit.ts';

export interface PlaceOptions {
  signals?: PlacementSignals;
  strategy?: ScoringStrategy;
}

/** The pod's placement and, beside it, what to do with nodes that keep failing (cordon, uncordon). */
export interface PlaceResult extends PlacementAnswer {
  nodeAdvice: NodeAdvice[];
}

/** Places one pod on prepared NodeInfos: every plugin, every node. */
export function placeOnNodes(
  pod: PodObject,
  nodes: readonly NodeInfo[],
  options: PlaceOptions = {},
): PlaceResult {
  const profile = defaultProfile(options.strategy);
  const advisors = foresightAdvisors(options.signals ?? {});
  return {
    ...placementAnswer(evaluatePlacement(pod, nodes, profile, advisors), profile, advisors),
    nodeAdvice: nodeAdviceFrom(nodes, options.signals),
  };
}

/** `foresight place`: a pod against a snapshot (the pod itself is left out of the snapshot's pods). */
export function placePod(pod: PodObject, snapshot: ClusterSnapshot, options: PlaceOptions = {}): PlaceResult {
  const uid = pod.metadata?.uid;
  const key = `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
  const others = snapshot.pods.filter(
    (p) =>
      !(uid
        ? p.metadata?.uid === uid
        : `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}` === key),
  );
  return placeOnNodes(pod, buildNodeInfos(snapshot.nodes, others), options);
}
