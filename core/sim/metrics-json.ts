import { rfc3339 } from './kube/time.ts';
import type { KubeObject } from './store/kube-object.ts';
import { formatCpuNanocores, formatMetricsBytes } from './kube/quantity.ts';
import type { NodeUsageSample, PodUsageSample } from './load/usage-model.ts';

/**
 * metrics.k8s.io/v1beta1 objects as metrics-server serves them: usage now, cpu in nanocores
 * ("123456789n") and memory in KiB ("12345Ki"), with the scrape time and the kubelet's window.
 */

export const METRICS_API_VERSION = 'metrics.k8s.io/v1beta1';
const NODE_WINDOW = '20.034s';
const POD_WINDOW = '18.118s';

function cpu(millis: number): string {
  return formatCpuNanocores(Math.round(millis * 1_000_000));
}

export function nodeMetricsJson(
  sample: Pick<NodeUsageSample, 'name' | 'cpuMillis' | 'memoryBytes'>,
  tMs: number,
  labels: Readonly<Record<string, string>> = {},
): KubeObject {
  const at = rfc3339(tMs);
  return {
    kind: 'NodeMetrics',
    apiVersion: METRICS_API_VERSION,
    // metrics-server stamps creationTimestamp with the time of the request and sets no uid.
    metadata: { name: sample.name, creationTimestamp: at, labels: { ...labels } },
    timestamp: at,
    window: NODE_WINDOW,
    usage: { cpu: cpu(sample.cpuMillis), memory: formatMetricsBytes(sample.memoryBytes) },
  };
}

export function podMetricsJson(
  sample: Pick<PodUsageSample, 'name' | 'namespace' | 'containers'>,
  tMs: number,
  labels: Readonly<Record<string, string>> = {},
): KubeObject {
  const at = rfc3339(tMs);
  return {
    kind: 'PodMetrics',
    apiVersion: METRICS_API_VERSION,
    metadata: {
      name: sample.name,
      namespace: sample.namespace,
      creationTimestamp: at,
      labels: { ...labels },
    },
    timestamp: at,
    window: POD_WINDOW,
    containers: sample.containers.map((c) => ({
      name: c.name,
      // The kernel never lets a container hold more than its limit; the kubelet reports what it holds.
      usage: {
        cpu: cpu(c.cpuMillis),
        memory: formatMetricsBytes(
          c.limitMemoryBytes === undefined ? c.memoryBytes : Math.min(c.memoryBytes, c.limitMemoryBytes),
        ),
      },
    })),
  };
}
