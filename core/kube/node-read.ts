import { ApiException, type KubeConfig } from '@kubernetes/client-node';
import type { NodeDetails } from '../contract/nodes.ts';
import type { ClusterReader } from './cluster-client.ts';
import { describeClusterError } from './cluster-errors.ts';
import { describeNode, type NodePodsRead } from './node-describe.ts';
import { reducePod, type PodFacts } from './pod-facts.ts';
import { getJson } from './raw-get.ts';
import type { RawObject } from './resource-mirror.ts';

/** What node reads need of the connected cluster. */
export interface NodeReadAccess {
  readonly kubeConfig: KubeConfig;
  readonly server: string;
  readonly reader: Pick<ClusterReader, 'listPodFacts'>;
}

/** A node that cannot be described, in words that say what to do. */
export class NodeReadError extends Error {
  override readonly name = 'NodeReadError';
}

function nodeProblem(error: unknown, node: string, server: string): NodeReadError {
  if (error instanceof ApiException && error.code === 404)
    return new NodeReadError(`${node} no longer exists; it was removed from the cluster.`);
  if (error instanceof ApiException && error.code === 403)
    return new NodeReadError(
      `Forbidden (403): this user may not \`get nodes\`, so ${node} cannot be described. ` +
        'Ask for a ClusterRole that allows get on nodes, or pick another context.',
    );
  return new NodeReadError(describeClusterError(error, server, `reading node ${node}`).message);
}

/** kubectl's own query: the pods bound to the node, read when the collector does not mirror pods. */
async function listPodsOnNode(access: NodeReadAccess, node: string): Promise<PodFacts[]> {
  const list = (await getJson(access.kubeConfig, access.server, '/api/v1/pods', {
    fieldSelector: `spec.nodeName=${node}`,
  })) as { items?: RawObject[] };
  return (list.items ?? []).map(reducePod);
}

/** The mirrored pods when they are there (no extra request); else a list; else why not. */
async function podsOnNode(access: NodeReadAccess, node: string): Promise<NodePodsRead> {
  try {
    const mirrored = await access.reader.listPodFacts?.();
    if (mirrored) return { pods: mirrored.filter((p) => p.nodeName === node) };
  } catch {
    // The mirror is still syncing or failing: ask the API server directly.
  }
  try {
    return { pods: await listPodsOnNode(access, node) };
  } catch (error) {
    const forbidden = error instanceof ApiException && error.code === 403;
    return {
      problem: forbidden
        ? 'The pods on this node are not shown: this user may not `list pods` (Forbidden, 403).'
        : describeClusterError(error, access.server, `listing the pods on ${node}`).message,
    };
  }
}

/**
 * `kubectl describe node`: the Node fresh from the API server (nothing is kept per node), and the
 * pods on it. Throws NodeReadError when the node itself cannot be read.
 */
export async function readNodeDetails(
  access: NodeReadAccess,
  node: string,
  now: () => number,
): Promise<NodeDetails> {
  let raw: unknown;
  try {
    raw = await getJson(access.kubeConfig, access.server, `/api/v1/nodes/${encodeURIComponent(node)}`);
  } catch (error) {
    throw nodeProblem(error, node, access.server);
  }
  return describeNode(raw, await podsOnNode(access, node), now());
}
