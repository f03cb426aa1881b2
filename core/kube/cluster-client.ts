import { CoreV1Api, CustomObjectsApi, type V1Node } from '@kubernetes/client-node';
import { getJson } from './raw-get.ts';
import type { LoadedKubeconfig } from './kubeconfig.ts';

/** metrics.k8s.io objects, reduced to what Foresight reads. */
export interface NodeMetrics {
  metadata: { name: string };
  usage: { cpu?: string; memory?: string };
}

/** Where a pod runs and whether it still holds resources: all the collector keeps of a pod. */
export interface PodPlacement {
  nodeName: string | undefined;
  phase: string | undefined;
}

/**
 * The reads the collector needs, behind one small interface so that the collection logic can
 * be exercised against any cluster (the demo server in tests, a real one in the app).
 */
export interface ClusterReader {
  readonly context: string;
  readonly server: string;
  listNodes(): Promise<V1Node[]>;
  listPods(): Promise<PodPlacement[]>;
  listNodeMetrics(): Promise<NodeMetrics[]>;
}

/** Page size for list calls: what kubectl uses for chunked lists. */
export const listPageSize = 500;

async function listAllPages<T>(
  fetchPage: (cont: string | undefined) => Promise<{ items: T[]; metadata?: { _continue?: string } }>,
): Promise<T[]> {
  const all: T[] = [];
  let cont: string | undefined;
  do {
    const page = await fetchPage(cont);
    for (const item of page.items) all.push(item);
    cont = page.metadata?._continue || undefined;
  } while (cont);
  return all;
}

interface RawPodPage {
  items?: Array<{ spec?: { nodeName?: string }; status?: { phase?: string } }>;
  metadata?: { continue?: string };
}

/**
 * Pods are by far the largest list (up to 150,000 in a cluster at the upstream limits), so
 * they are read as plain JSON and reduced to placements page by page: memory stays bounded by
 * one page of full objects.
 */
async function listPodPlacements(loaded: LoadedKubeconfig): Promise<PodPlacement[]> {
  const placements: PodPlacement[] = [];
  let cont: string | undefined;
  do {
    const page = (await getJson(loaded.kubeConfig, loaded.server, '/api/v1/pods', {
      limit: listPageSize,
      continue: cont,
    })) as RawPodPage;
    for (const pod of page.items ?? []) {
      placements.push({ nodeName: pod.spec?.nodeName, phase: pod.status?.phase });
    }
    cont = page.metadata?.continue || undefined;
  } while (cont);
  return placements;
}

function isNodeMetricsList(value: unknown): value is { items: NodeMetrics[] } {
  return !!value && typeof value === 'object' && Array.isArray((value as { items?: unknown }).items);
}

export function createClusterReader(loaded: LoadedKubeconfig): ClusterReader {
  const core = loaded.kubeConfig.makeApiClient(CoreV1Api);
  const custom = loaded.kubeConfig.makeApiClient(CustomObjectsApi);
  return {
    context: loaded.context,
    server: loaded.server,
    listNodes: () => listAllPages((cont) => core.listNode({ limit: listPageSize, _continue: cont })),
    listPods: () => listPodPlacements(loaded),
    async listNodeMetrics() {
      const list: unknown = await custom.listClusterCustomObject({
        group: 'metrics.k8s.io',
        version: 'v1beta1',
        plural: 'nodes',
      });
      if (!isNodeMetricsList(list)) throw new Error('metrics.k8s.io returned something that is not a list');
      return list.items;
    },
  };
}
