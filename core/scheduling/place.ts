import { placementAnswer, type PlacementAnswer } from './advice.ts';
import { foresightAdvisors, type PlacementSignals } from './advisors/index.ts';
import { evaluatePlacement } from './evaluate.ts';
import type { PodObject } from './kube-objects.ts';
import { buildNodeInfos, type NodeInfo } from './node-info.ts';
import { defaultProfile } from './profile.ts';
import type { ClusterSnapshot } from './snapshot.ts';
import type { ScoringStrategy } from './plugins/node-resources-fit.ts';

export interface PlaceOptions {
  signals?: PlacementSignals;
  strategy?: ScoringStrategy;
}

/** Places one pod on prepared NodeInfos: every plugin, every node. */
export function placeOnNodes(
  pod: PodObject,
  nodes: readonly NodeInfo[],
  options: PlaceOptions = {},
): PlacementAnswer {
  const profile = defaultProfile(options.strategy);
  const advisors = foresightAdvisors(options.signals ?? {});
  return placementAnswer(evaluatePlacement(pod, nodes, profile, advisors), profile, advisors);
}

/** `foresight place`: a pod against a snapshot (the pod itself is left out of the snapshot's pods). */
export function placePod(
  pod: PodObject,
  snapshot: ClusterSnapshot,
  options: PlaceOptions = {},
): PlacementAnswer {
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
