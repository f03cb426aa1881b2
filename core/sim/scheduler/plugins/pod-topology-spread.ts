import { MAX_NODE_SCORE, type ScorePlugin } from '../framework.ts';

export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/**
 * PodTopologySpread scoring with the system default constraints (hostname, maxSkew 3; zone,
 * maxSkew 5; both ScheduleAnyway): fewer pods of the same owner in a node's host and zone is
 * better. The counts come with the pod (PodInfo.siblings*), computed once per cycle.
 */
function weight(domains: number): number {
  return Math.log(domains + 2);
}

export const podTopologySpread: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  score(pod, node) {
    const byNode = pod.siblingsByNode;
    const byZone = pod.siblingsByZone;
    if (!byNode || !byZone) return 0;
    const zone = node.node.metadata.labels?.[ZONE_LABEL];
    let score = (byNode.get(node.name) ?? 0) * weight(pod.nodeCount ?? 1) + (3 - 1);
    if (zone !== undefined) score += (byZone.get(zone) ?? 0) * weight(byZone.size) + (5 - 1);
    return Math.round(score);
  },
  normalize(scores) {
    let max = 0;
    let min = Infinity;
    for (const s of scores) {
      max = Math.max(max, s);
      min = Math.min(min, s);
    }
    for (let i = 0; i < scores.length; i++) {
      scores[i] =
        max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - (scores[i] ?? 0))) / max);
    }
  },
};
