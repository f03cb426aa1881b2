import type { NodeRisk } from '../contract/risk.ts';
import type { HistoryStore } from '../history/store.ts';
import { signalsFromHistory } from './history-signals.ts';
import type { NodeObject, PodObject } from './kube-objects.ts';
import { nodeAdviceFrom, type NodeAdvice } from './node-advice.ts';
import { buildNodeInfos } from './node-info.ts';

/**
 * The node advice for the cluster as it is now, from Foresight's history: what the Placement page
 * shows without a pod and what the autopilot follows. One function, so the two never disagree.
 */
export function clusterNodeAdvice(
  history: HistoryStore | undefined,
  nodes: readonly NodeObject[],
  pods: readonly PodObject[],
  risks: ReadonlyMap<string, NodeRisk>,
  now: number,
): NodeAdvice[] {
  const infos = buildNodeInfos(nodes, pods);
  return nodeAdviceFrom(infos, signalsFromHistory(history, infos, risks, now));
}
