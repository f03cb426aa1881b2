import type { InstanceType, LoadPattern, ResourceAmounts } from './types.ts';

/** The fixed vocabulary the simulated cluster is built from. */

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

export const KUBERNETES_VERSION = 'v1.31.4';
export const REGION = 'us-east-1';
export const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;

export const CONTROL_PLANE_INSTANCE: InstanceType = {
  name: 'm5.xlarge',
  cpuMillis: 4000,
  memoryBytes: 16 * GIB,
  ephemeralStorageBytes: 100 * GIB,
};

/** Worker shapes with their share of the fleet: mostly general purpose, some memory/CPU heavy. */
export const WORKER_INSTANCES: readonly { type: InstanceType; weight: number }[] = [
  {
    type: { name: 'm5.xlarge', cpuMillis: 4000, memoryBytes: 16 * GIB, ephemeralStorageBytes: 100 * GIB },
    weight: 4,
  },
  {
    type: { name: 'm5.2xlarge', cpuMillis: 8000, memoryBytes: 32 * GIB, ephemeralStorageBytes: 100 * GIB },
    weight: 3,
  },
  {
    type: { name: 'r5.xlarge', cpuMillis: 4000, memoryBytes: 32 * GIB, ephemeralStorageBytes: 100 * GIB },
    weight: 1,
  },
  {
    type: { name: 'c5.2xlarge', cpuMillis: 8000, memoryBytes: 16 * GIB, ephemeralStorageBytes: 100 * GIB },
    weight: 1,
  },
];

export const NAMESPACE_NAMES = ['default', 'kube-system', 'shop', 'payments', 'monitoring'] as const;

export interface WorkloadTemplate {
  name: string;
  image: string;
  pattern: LoadPattern;
}

/** Cluster add-ons with their upstream requests, placed before any application pod. */
export interface SystemWorkload extends WorkloadTemplate {
  replicas: number;
  requests: ResourceAmounts;
  limits: ResourceAmounts;
}

export const SYSTEM_WORKLOADS: readonly SystemWorkload[] = [
  {
    name: 'coredns',
    image: 'registry.k8s.io/coredns/coredns:v1.11.3',
    pattern: 'web',
    replicas: 2,
    requests: { cpuMillis: 100, memoryBytes: 70 * MIB },
    limits: { memoryBytes: 170 * MIB },
  },
  {
    name: 'metrics-server',
    image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2',
    pattern: 'steady',
    replicas: 1,
    requests: { cpuMillis: 100, memoryBytes: 200 * MIB },
    limits: {},
  },
];

/** Application namespaces, how much of the cluster each gets, and the workloads that live there. */
export const APP_NAMESPACES: readonly {
  name: string;
  weight: number;
  workloads: readonly WorkloadTemplate[];
}[] = [
  {
    name: 'shop',
    weight: 5,
    workloads: [
      { name: 'frontend', image: 'ghcr.io/foresight-demo/shop-frontend:2.14.1', pattern: 'web' },
      { name: 'cart', image: 'ghcr.io/foresight-demo/cart:1.9.0', pattern: 'web' },
      { name: 'catalog', image: 'ghcr.io/foresight-demo/catalog:3.2.4', pattern: 'web' },
      { name: 'checkout', image: 'ghcr.io/foresight-demo/checkout:1.22.3', pattern: 'web' },
      { name: 'search', image: 'ghcr.io/foresight-demo/search:0.18.2', pattern: 'web' },
      { name: 'recommendations', image: 'ghcr.io/foresight-demo/recommendations:1.4.0', pattern: 'web' },
      { name: 'inventory', image: 'ghcr.io/foresight-demo/inventory:2.0.7', pattern: 'steady' },
      { name: 'shipping', image: 'ghcr.io/foresight-demo/shipping:1.1.5', pattern: 'web' },
      { name: 'image-resizer', image: 'ghcr.io/foresight-demo/image-resizer:0.9.3', pattern: 'batch' },
    ],
  },
  {
    name: 'payments',
    weight: 3,
    workloads: [
      { name: 'payments-api', image: 'ghcr.io/foresight-demo/payments-api:4.3.1', pattern: 'web' },
      { name: 'ledger', image: 'ghcr.io/foresight-demo/ledger:2.8.0', pattern: 'steady' },
      { name: 'fraud-detector', image: 'ghcr.io/foresight-demo/fraud-detector:1.12.2', pattern: 'web' },
      { name: 'billing-worker', image: 'ghcr.io/foresight-demo/billing-worker:3.0.4', pattern: 'batch' },
      { name: 'invoice-renderer', image: 'ghcr.io/foresight-demo/invoice-renderer:1.6.1', pattern: 'batch' },
    ],
  },
  {
    name: 'monitoring',
    weight: 1,
    workloads: [
      { name: 'grafana', image: 'docker.io/grafana/grafana:11.2.2', pattern: 'web' },
      {
        name: 'kube-state-metrics',
        image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0',
        pattern: 'steady',
      },
      { name: 'alertmanager', image: 'quay.io/prometheus/alertmanager:v0.27.0', pattern: 'steady' },
      { name: 'loki-gateway', image: 'docker.io/nginxinc/nginx-unprivileged:1.27-alpine', pattern: 'web' },
    ],
  },
  {
    name: 'default',
    weight: 1,
    workloads: [
      { name: 'nginx', image: 'docker.io/library/nginx:1.27.2', pattern: 'web' },
      { name: 'api-gateway', image: 'ghcr.io/foresight-demo/api-gateway:5.1.0', pattern: 'web' },
      { name: 'report-generator', image: 'ghcr.io/foresight-demo/report-generator:0.4.2', pattern: 'batch' },
    ],
  },
];

/** Sidecars some application pods carry, with requests relative to the main container. */
export const SIDECARS: readonly { name: string; image: string; share: number }[] = [
  { name: 'envoy', image: 'docker.io/envoyproxy/envoy:v1.31.2', share: 0.15 },
  { name: 'log-shipper', image: 'docker.io/fluent/fluent-bit:3.1.9', share: 0.08 },
];

/** Node agents every node runs, as DaemonSets that tolerate every taint. */
export interface DaemonSetTemplate {
  namespace: string;
  name: string;
  image: string;
  requests: ResourceAmounts;
  limits: ResourceAmounts;
  priorityClassName?: string;
}

export const DAEMON_SETS: readonly DaemonSetTemplate[] = [
  {
    namespace: 'kube-system',
    name: 'kube-proxy',
    image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
    requests: { cpuMillis: 100 },
    limits: {},
    priorityClassName: 'system-node-critical',
  },
  {
    namespace: 'monitoring',
    name: 'node-exporter',
    image: 'quay.io/prometheus/node-exporter:v1.8.2',
    requests: { cpuMillis: 50, memoryBytes: 64 * MIB },
    limits: { memoryBytes: 180 * MIB },
  },
];

/** One database, to have one StatefulSet; fewer replicas on clusters with fewer workers. */
export const STATEFUL_SET = {
  namespace: 'payments',
  name: 'postgres',
  image: 'docker.io/library/postgres:16.4',
  replicas: 3,
  requests: { cpuMillis: 250, memoryBytes: 512 * MIB },
  limits: { memoryBytes: 1024 * MIB },
} as const;

/** A nightly backup that finished before the simulation starts, to have one Job. */
export const COMPLETED_JOB = {
  namespace: 'monitoring',
  name: 'db-backup',
  image: 'ghcr.io/foresight-demo/db-backup:1.3.0',
  requests: { cpuMillis: 100, memoryBytes: 128 * MIB },
  limits: { memoryBytes: 256 * MIB },
  /** How long before the start it began and how long it ran. */
  startedBeforeMs: 2 * 3_600_000,
  durationMs: 95_000,
} as const;
