import type { Simulation } from '../sim/simulation.ts';
import type { SimNode, SimPod } from '../sim/types.ts';
import { nodeUsageAt, type NodeUsageTable } from '../sim/usage.ts';
import { METRICS_GROUP, METRICS_VERSION } from './discovery.ts';
import type { KubeObject } from './objects.ts';
import { podLabels, timestamp } from './objects.ts';
import { formatCpuNanocores, formatMetricsBytes } from './quantity.ts';
import { getHandler, listHandler, type ResourceDefinition } from './resource-routes.ts';
import type { RequestContext, Router } from './router.ts';
import type { DemoStore } from './store.ts';

/**
 * metrics.k8s.io/v1beta1 as metrics-server serves it: usage now, cpu in nanocores ("123456789n")
 * and memory in KiB ("12345Ki"), with the scrape timestamp and the kubelet's averaging window.
 */

const API_VERSION = `${METRICS_GROUP}/${METRICS_VERSION}`;
const BASE = `/apis/${API_VERSION}`;
const NODE_WINDOW = '20.034s';
const POD_WINDOW = '18.118s';

function cpu(millis: number): string {
  return formatCpuNanocores(Math.round(millis * 1_000_000));
}

function nodeMetricsObject(node: SimNode, tMs: number, cpuMillis: number, memoryBytes: number): KubeObject {
  const at = timestamp(tMs);
  return {
    kind: 'NodeMetrics',
    apiVersion: API_VERSION,
    // metrics-server stamps creationTimestamp with the time of the request and sets no uid.
    metadata: { name: node.name, creationTimestamp: at, labels: { ...node.labels } },
    timestamp: at,
    window: NODE_WINDOW,
    usage: { cpu: cpu(cpuMillis), memory: formatMetricsBytes(memoryBytes) },
  };
}

function podMetricsObject(sim: Simulation, pod: SimPod, tMs: number): KubeObject {
  const at = timestamp(tMs);
  return {
    kind: 'PodMetrics',
    apiVersion: API_VERSION,
    metadata: {
      name: pod.name,
      namespace: pod.namespace,
      creationTimestamp: at,
      labels: { ...podLabels(pod) },
    },
    timestamp: at,
    window: POD_WINDOW,
    containers: sim.containerUsage(pod, tMs).map((c) => ({
      name: c.name,
      usage: { cpu: cpu(c.cpuMillis), memory: formatMetricsBytes(c.memoryBytes) },
    })),
  };
}

export function addMetricsRoutes(router: Router, store: DemoStore): void {
  const { sim } = store;
  const common = {
    group: METRICS_GROUP,
    listApiVersion: API_VERSION,
    resourceVersion: () => sim.resourceVersion(),
  };
  const byName = { 'metadata.name': (n: SimNode) => n.name };

  // One definition per request: the usage it reports belongs to that request's instant.
  const nodeDefinition = (toObject: (node: SimNode) => KubeObject): ResourceDefinition<SimNode> => ({
    ...common,
    resource: 'nodes',
    listKind: 'NodeMetricsList',
    index: store.nodes,
    namespaced: false,
    fields: byName,
    labelsOf: (n) => n.labels,
    toObject,
  });
  const podDefinition = (tMs: number): ResourceDefinition<SimPod> => ({
    ...common,
    resource: 'pods',
    listKind: 'PodMetricsList',
    index: store.pods,
    namespaced: true,
    fields: { 'metadata.name': (p) => p.name, 'metadata.namespace': (p) => p.namespace },
    labelsOf: podLabels,
    toObject: (p) => podMetricsObject(sim, p, tMs),
  });

  const listNodes = (ctx: RequestContext) => {
    // A list covers most nodes: one pass over all pods beats one pass per node.
    let table: NodeUsageTable | undefined;
    const tMs = sim.now();
    return listHandler(
      nodeDefinition((node) => {
        table ??= sim.usageAt(tMs);
        return nodeMetricsObject(
          node,
          tMs,
          table.cpuMillis[node.index] ?? 0,
          table.memoryBytes[node.index] ?? 0,
        );
      }),
    )(ctx);
  };
  const getNode = (ctx: RequestContext) => {
    const tMs = sim.now();
    return getHandler(
      nodeDefinition((node) => {
        const usage = nodeUsageAt(sim.cluster, node, tMs);
        return nodeMetricsObject(node, tMs, usage.cpuMillis, usage.memoryBytes);
      }),
    )(ctx);
  };

  router
    .add(`${BASE}/nodes`, { GET: listNodes })
    .add(`${BASE}/nodes/:name`, { GET: getNode })
    .add(`${BASE}/pods`, { GET: (ctx) => listHandler(podDefinition(sim.now()))(ctx) })
    .add(`${BASE}/namespaces/:namespace/pods`, { GET: (ctx) => listHandler(podDefinition(sim.now()))(ctx) })
    .add(`${BASE}/namespaces/:namespace/pods/:name`, {
      GET: (ctx) => getHandler(podDefinition(sim.now()))(ctx),
    });
}
