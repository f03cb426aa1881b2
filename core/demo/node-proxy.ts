import { kubeletSummary } from '../sim/kubelet-summary.ts';
import type { NodeUsageSample } from '../sim/load/usage-model.ts';
import { keys } from '../sim/store/api-resources.ts';
import type { ClusterBackend, NodeUsage } from './cluster-backend.ts';
import { jsonReply, type Reply } from './respond.ts';
import type { ApiContext, ApiRequest } from './rest/context.ts';
import { ApiError, notFound } from './status.ts';

/**
 * `GET /api/v1/nodes/{node}/proxy/stats/summary`: the kubelet's Summary API through the API
 * server's node proxy, from the simulator's usage of that node. As on a real cluster: an
 * unknown node is 404 from the API server; a node whose kubelet does not answer is 503; any
 * other kubelet path is the kubelet's own 404.
 */
export function nodeProxyHandler(ctx: ApiContext, req: ApiRequest): Reply {
  const name = req.info.name;
  if (!ctx.store.get(keys.nodes, undefined, name)) throw notFound('nodes', name);
  const path = (req.info.proxyPath ?? '').replace(/\/+$/, '');
  if (path !== 'stats/summary') {
    throw new ApiError(
      404,
      'NotFound',
      `the kubelet on ${name} serves no /${path} (this demo serves /stats/summary)`,
    );
  }
  const sample = recentUsage(ctx.backend).get(name);
  if (!sample || !isFullSample(sample) || ctx.backend.kubeletUp?.(name) === false) {
    throw new ApiError(
      503,
      'ServiceUnavailable',
      `error trying to reach service: the kubelet on node ${name} does not answer`,
    );
  }
  return jsonReply(kubeletSummary(sample, ctx.backend.now()));
}

/**
 * Every node's usage, reused for 10 s of cluster time: a kubelet's stats are that old too (its
 * housekeeping interval), and a round over every node would otherwise recompute the whole
 * cluster's usage once per node.
 */
const usageCache = new WeakMap<ClusterBackend, { at: number; byName: Map<string, NodeUsage> }>();
const statsMaxAgeMs = 10_000;

function recentUsage(backend: ClusterBackend): Map<string, NodeUsage> {
  const now = backend.now();
  const cached = usageCache.get(backend);
  if (cached && now >= cached.at && now - cached.at < statsMaxAgeMs) return cached.byName;
  const byName = new Map<string, NodeUsage>();
  for (const usage of backend.nodeMetrics()) byName.set(usage.name, usage);
  usageCache.set(backend, { at: now, byName });
  return byName;
}

/** The simulator's samples carry disk and pods; a backend with CPU and memory only cannot answer. */
function isFullSample(sample: object): sample is NodeUsageSample {
  const s = sample as Partial<NodeUsageSample>;
  return typeof s.diskBytes === 'number' && typeof s.capacity === 'object' && Array.isArray(s.pods);
}
