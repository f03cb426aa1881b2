import type { KubeConfig } from '@kubernetes/client-node';
import { listPageSize } from '../kube/cluster-client.ts';
import { getJson } from '../kube/raw-get.ts';
import type { NodeObject, PodObject } from './kube-objects.ts';
import type { ClusterSnapshot } from './snapshot.ts';

interface ListPage<T> {
  items?: T[];
  metadata?: { continue?: string };
}

async function listAll<T>(kubeConfig: KubeConfig, server: string, path: string): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = (await getJson(kubeConfig, server, path, {
      limit: listPageSize,
      continue: token,
    })) as ListPage<T>;
    items.push(...(page.items ?? []));
    token = page.metadata?.continue || undefined;
  } while (token);
  return items;
}

/**
 * The cluster's nodes and pods in Kubernetes JSON, listed in pages as kubectl does. Each object
 * gets apiVersion and kind (list items lack them) so the file reads like `kubectl get -o json`.
 */
export async function listClusterSnapshot(kubeConfig: KubeConfig, server: string): Promise<ClusterSnapshot> {
  const [nodes, pods] = await Promise.all([
    listAll<NodeObject>(kubeConfig, server, '/api/v1/nodes'),
    listAll<PodObject>(kubeConfig, server, '/api/v1/pods'),
  ]);
  return {
    nodes: nodes.map((n) => ({ apiVersion: 'v1', kind: 'Node', ...n })),
    pods: pods.map((p) => ({ apiVersion: 'v1', kind: 'Pod', ...p })),
  };
}
