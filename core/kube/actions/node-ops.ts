import type { DryRun } from './drain-run.ts';
import type { KubeJson } from './kube-json.ts';

/** The parts of a Node that actions read. */
export interface NodeJson {
  metadata: { name?: string; resourceVersion?: string; labels?: Record<string, string> };
  spec?: { unschedulable?: boolean; taints?: TaintJson[] };
  status?: { conditions?: { type?: string; status?: string; reason?: string }[] };
}

export interface TaintJson {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export const nodePath = (node: string) => `/api/v1/nodes/${encodeURIComponent(node)}`;

export const dryRunQuery = (dryRun: DryRun) => (dryRun === 'server' ? { dryRun: 'All' } : {});

export function readNode(api: KubeJson, node: string): Promise<NodeJson> {
  return api.get<NodeJson>(nodePath(node));
}

export function nodeIsReady(node: NodeJson): boolean {
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/**
 * Cordons (or uncordons) by patching spec.unschedulable, as `kubectl cordon` does; a client dry
 * run sends nothing, a server dry run asks the server to validate without storing.
 */
export async function cordonNode(
  api: KubeJson,
  node: string,
  unschedulable: boolean,
  dryRun: DryRun,
): Promise<NodeJson | undefined> {
  if (dryRun === 'client') return undefined;
  return api.patch<NodeJson>(
    nodePath(node),
    { spec: { unschedulable: unschedulable ? true : null } },
    dryRunQuery(dryRun),
    'strategic',
  );
}
