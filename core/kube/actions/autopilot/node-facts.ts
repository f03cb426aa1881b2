import type { AutopilotConfig } from '../../../contract/actions.ts';
import type { KubeJson } from '../kube-json.ts';
import { nodeIsReady, type NodeJson } from '../node-ops.ts';
import type { NodeFacts } from './decide.ts';

const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

/** What the autopilot needs to know of a node, from the Node object itself (taints, roles, readiness). */
export function nodeFacts(node: NodeJson, config: AutopilotConfig): NodeFacts {
  const labels = node.metadata.labels ?? {};
  const taints = node.spec?.taints ?? [];
  return {
    name: node.metadata.name ?? '',
    controlPlane: CONTROL_PLANE_LABELS.some((label) => label in labels),
    schedulable:
      node.spec?.unschedulable !== true &&
      !taints.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'),
    cordoned: node.spec?.unschedulable === true,
    ready: nodeIsReady(node),
    autopilotTainted: taints.some((t) => t.key === config.taint.key && t.effect === config.taint.effect),
  };
}

export async function readNodeFacts(api: KubeJson, config: AutopilotConfig): Promise<NodeFacts[]> {
  const list = await api.get<{ items?: NodeJson[] }>('/api/v1/nodes');
  return (list.items ?? []).map((node) => nodeFacts(node, config));
}
