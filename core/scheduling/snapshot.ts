import type { NodeObject, PodObject } from './kube-objects.ts';
import { parseDocument } from './pod-spec.ts';

/** The cluster as `foresight snapshot` writes it: nodes and pods in Kubernetes JSON. */
export interface ClusterSnapshot {
  nodes: NodeObject[];
  pods: PodObject[];
}

export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a snapshot: `{"nodes": [...], "pods": [...]}` (what `foresight snapshot` prints) or a
 * kubectl List (`kubectl get nodes,pods -A -o json`). A snapshot without nodes is refused with
 * how to take one.
 */
export function snapshotFromText(text: string): ClusterSnapshot {
  let doc: unknown;
  try {
    doc = parseDocument(text, 'snapshot');
  } catch (error) {
    throw new SnapshotError((error as Error).message);
  }
  if (!isRecord(doc))
    throw new SnapshotError('The snapshot must be an object {"nodes": [...], "pods": [...]}.');
  let nodes: unknown[] = [];
  let pods: unknown[] = [];
  if (Array.isArray(doc['items'])) {
    for (const item of doc['items']) {
      if (!isRecord(item)) continue;
      if (item['kind'] === 'Node') nodes.push(item);
      else if (item['kind'] === 'Pod') pods.push(item);
    }
  } else {
    if (doc['nodes'] !== undefined && !Array.isArray(doc['nodes']))
      throw new SnapshotError('"nodes" must be a list of Node objects.');
    if (doc['pods'] !== undefined && !Array.isArray(doc['pods']))
      throw new SnapshotError('"pods" must be a list of Pod objects.');
    nodes = (doc['nodes'] as unknown[] | undefined) ?? [];
    pods = (doc['pods'] as unknown[] | undefined) ?? [];
  }
  if (nodes.length === 0)
    throw new SnapshotError(
      'The snapshot has no nodes, so there is nowhere to place a pod. Take one with `foresight snapshot [--context NAME] > cluster.json`.',
    );
  nodes.forEach((n, i) => {
    if (!isRecord(n) || !isRecord(n['metadata']) || typeof n['metadata']['name'] !== 'string')
      throw new SnapshotError(`nodes[${i}] is not a Node (it needs metadata.name).`);
  });
  pods.forEach((p, i) => {
    if (!isRecord(p) || !isRecord(p['spec']))
      throw new SnapshotError(`pods[${i}] is not a Pod (it needs a spec).`);
  });
  return { nodes: nodes as NodeObject[], pods: pods as PodObject[] };
}
