import { keys } from '../sim/store/api-resources.ts';
import type { KubeObject } from '../sim/store/kube-object.ts';
import { isoSeconds } from '../sim/store/object-store.ts';
import type { ResourceUsage } from './cluster-backend.ts';
import { formatCpuNanocores, formatMetricsBytes } from './quantity.ts';
import { jsonReply, listReply, type Reply } from './respond.ts';
import type { ApiContext, ApiRequest } from './rest/context.ts';
import { parseObjectFilter } from './rest/object-filter.ts';
import { notFound } from './status.ts';

/**
 * metrics.k8s.io/v1beta1 as metrics-server serves it, from the backend's metrics source: usage
 * now, cpu in nanocores ("123456789n") and memory in KiB ("12345Ki"), with the scrape timestamp
 * and the kubelet's averaging window. Labels come from the node or pod the metrics belong to.
 */

export const METRICS_API_VERSION = 'metrics.k8s.io/v1beta1';
const NODE_WINDOW = '20.034s';
const POD_WINDOW = '18.118s';
const GROUP = 'metrics.k8s.io';

const usageJson = (usage: ResourceUsage) => ({
  cpu: formatCpuNanocores(Math.round(usage.cpuMillis * 1_000_000)),
  memory: formatMetricsBytes(usage.memoryBytes),
});

function nodeMetricsObject(node: KubeObject, usage: ResourceUsage, at: string): KubeObject {
  return {
    kind: 'NodeMetrics',
    apiVersion: METRICS_API_VERSION,
    // metrics-server stamps creationTimestamp with the time of the request and sets no uid.
    metadata: { name: node.metadata.name ?? '', creationTimestamp: at, labels: { ...node.metadata.labels } },
    timestamp: at,
    window: NODE_WINDOW,
    usage: usageJson(usage),
  };
}

function podMetricsObject(
  pod: KubeObject,
  containers: readonly (ResourceUsage & { name: string })[],
  at: string,
): KubeObject {
  return {
    kind: 'PodMetrics',
    apiVersion: METRICS_API_VERSION,
    metadata: {
      name: pod.metadata.name ?? '',
      namespace: pod.metadata.namespace ?? '',
      creationTimestamp: at,
      labels: { ...pod.metadata.labels },
    },
    timestamp: at,
    window: POD_WINDOW,
    containers: containers.map((c) => ({ name: c.name, usage: usageJson(c) })),
  };
}

export function nodeMetricsHandler(ctx: ApiContext, req: ApiRequest): Reply {
  const at = isoSeconds(ctx.backend.now());
  const usage = new Map<string, ResourceUsage>();
  for (const sample of ctx.backend.nodeMetrics()) usage.set(sample.name, sample);
  const build = (node: KubeObject) => {
    const sample = usage.get(node.metadata.name ?? '');
    return sample && nodeMetricsObject(node, sample, at);
  };
  if (req.info.verb === 'get') {
    const node = ctx.store.get(keys.nodes, undefined, req.info.name);
    const object = node && build(node);
    if (!object) throw notFound('nodes', req.info.name, GROUP);
    return jsonReply(object);
  }
  const filter = parseObjectFilter(req.query, req.resource);
  const items = ctx.store
    .list(keys.nodes)
    .map(build)
    .filter((m): m is KubeObject => m !== undefined && (!filter || filter(m)));
  return metricsList('NodeMetricsList', items, ctx);
}

export function podMetricsHandler(ctx: ApiContext, req: ApiRequest): Reply {
  const at = isoSeconds(ctx.backend.now());
  const namespace = req.info.namespace || undefined;
  const build = (
    namespaceOf: string,
    name: string,
    containers: readonly (ResourceUsage & { name: string })[],
  ) => {
    const pod = ctx.store.get(keys.pods, namespaceOf, name);
    return pod && podMetricsObject(pod, containers, at);
  };
  if (req.info.verb === 'get') {
    for (const sample of ctx.backend.podMetrics(namespace)) {
      if (sample.name !== req.info.name || sample.namespace !== req.info.namespace) continue;
      const object = build(sample.namespace, sample.name, sample.containers);
      if (object) return jsonReply(object);
    }
    throw notFound('pods', req.info.name, GROUP);
  }
  const filter = parseObjectFilter(req.query, req.resource);
  const items: KubeObject[] = [];
  for (const sample of ctx.backend.podMetrics(namespace)) {
    const object = build(sample.namespace, sample.name, sample.containers);
    if (object && (!filter || filter(object))) items.push(object);
  }
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
  items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return metricsList('PodMetricsList', items, ctx);
}

function metricsList(kind: string, items: readonly KubeObject[], ctx: ApiContext): Reply {
  return listReply(
    {
      kind,
      apiVersion: METRICS_API_VERSION,
      metadata: { resourceVersion: String(ctx.store.resourceVersion) },
    },
    'items',
    items,
    (item) => item,
  );
}
