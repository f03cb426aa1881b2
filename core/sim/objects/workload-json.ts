import { rfc3339 } from '../kube/time.ts';
import { formatBytes, formatCpuMillis } from '../kube/quantity.ts';
import type {
  Container,
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  IntOrString,
  Job,
  PodDisruptionBudget,
  PodSpec,
  PodTemplateSpec,
  Probe,
  ReplicaSet,
  ResourceList,
  StatefulSet,
} from '../kube/types.ts';
import type { ContainerSpec, LoadPattern, ResourceAmounts } from '../types.ts';
import { controllerReference } from './pod-json.ts';
import { templateSpecDefaults } from './pod-defaults.ts';

function amounts(values: Readonly<ResourceAmounts>): ResourceList {
  const out: ResourceList = {};
  if (values.cpuMillis !== undefined) out['cpu'] = formatCpuMillis(values.cpuMillis);
  if (values.memoryBytes !== undefined) out['memory'] = formatBytes(values.memoryBytes);
  return out;
}

/** The probe web workloads carry: what network trouble shows up through. */
export const WEB_READINESS_PROBE: Probe = {
  httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
  initialDelaySeconds: 5,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
};

export function containerToJson(container: ContainerSpec, probe?: Probe): Container {
  const resources: { requests?: ResourceList; limits?: ResourceList } = {};
  const limits = amounts(container.limits);
  const requests = amounts(container.requests);
  if (Object.keys(limits).length > 0) resources.limits = limits;
  if (Object.keys(requests).length > 0) resources.requests = requests;
  return {
    name: container.name,
    image: container.image,
    ...(probe
      ? { ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], readinessProbe: probe }
      : {}),
    resources,
  };
}

export interface WorkloadShape {
  namespace: string;
  name: string;
  labels: Readonly<Record<string, string>>;
  containers: readonly ContainerSpec[];
  pattern: LoadPattern;
}

const templates = new WeakMap<readonly ContainerSpec[], PodTemplateSpec>();

/** The pod template of a layout workload, defaulted as the API server stores it. */
export function workloadTemplate(workload: WorkloadShape): PodTemplateSpec {
  const cached = templates.get(workload.containers);
  if (cached) return cached;
  const system = workload.namespace === 'kube-system';
  const probed = workload.pattern === 'web' && !system;
  const spec: PodSpec = {
    containers: workload.containers.map((c, i) =>
      containerToJson(c, probed && i === 0 ? WEB_READINESS_PROBE : undefined),
    ),
    ...(system ? { priorityClassName: 'system-cluster-critical' } : {}),
  };
  const template: PodTemplateSpec = {
    metadata: { labels: { ...workload.labels } },
    spec: templateSpecDefaults(spec),
  };
  templates.set(workload.containers, template);
  return template;
}

export function withLabel(template: PodTemplateSpec, key: string, value: string): PodTemplateSpec {
  return {
    ...template,
    metadata: { ...template.metadata, labels: { ...template.metadata?.labels, [key]: value } },
  };
}

export function deploymentJson(input: {
  namespace: string;
  name: string;
  uid?: string;
  createdMs?: number;
  labels: Readonly<Record<string, string>>;
  replicas: number;
  template: PodTemplateSpec;
  selector?: Record<string, string>;
}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      ...(input.uid ? { uid: input.uid } : {}),
      ...(input.createdMs === undefined ? {} : { creationTimestamp: rfc3339(input.createdMs) }),
      generation: 1,
      labels: { ...input.labels },
      annotations: { 'deployment.kubernetes.io/revision': '1' },
    },
    spec: {
      replicas: input.replicas,
      selector: { matchLabels: input.selector ?? { app: input.name } },
      template: input.template,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
  };
}

/** The ReplicaSet a Deployment controller creates for a template hash (deployment/sync.go). */
export function replicaSetForDeployment(input: {
  deployment: Deployment;
  hash: string;
  replicas: number;
  revision: number;
  uid?: string;
  createdMs?: number;
}): ReplicaSet {
  const { deployment, hash } = input;
  const template: PodTemplateSpec = withLabel(deployment.spec.template, 'pod-template-hash', hash);
  const replicas = deployment.spec.replicas ?? 1;
  const surge = deployment.spec.strategy?.rollingUpdate?.maxSurge ?? '25%';
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${deployment.metadata.name}-${hash}`,
      namespace: deployment.metadata.namespace,
      ...(input.uid ? { uid: input.uid } : {}),
      ...(input.createdMs === undefined ? {} : { creationTimestamp: rfc3339(input.createdMs) }),
      labels: { ...template.metadata?.labels },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + surgeCount(surge, replicas)),
        'deployment.kubernetes.io/revision': String(input.revision),
      },
      ownerReferences: [controllerReference(deployment)],
    },
    spec: {
      replicas: input.replicas,
      selector: {
        matchLabels: { ...deployment.spec.selector.matchLabels, 'pod-template-hash': hash },
        ...(deployment.spec.selector.matchExpressions
          ? { matchExpressions: deployment.spec.selector.matchExpressions }
          : {}),
      },
      template,
      ...(deployment.spec.minReadySeconds ? { minReadySeconds: deployment.spec.minReadySeconds } : {}),
    },
  };
}

function surgeCount(value: IntOrString, replicas: number): number {
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(value);
  return percent ? Math.ceil((Number(percent[1]) * replicas) / 100) : Number(value) || 0;
}

export function daemonSetJson(input: {
  namespace: string;
  name: string;
  uid?: string;
  createdMs?: number;
  labels: Record<string, string>;
  template: PodTemplateSpec;
}): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      ...(input.uid ? { uid: input.uid } : {}),
      ...(input.createdMs === undefined ? {} : { creationTimestamp: rfc3339(input.createdMs) }),
      generation: 1,
      labels: input.labels,
      annotations: { 'deprecated.daemonset.template.generation': '1' },
    },
    spec: {
      selector: { matchLabels: { ...input.labels } },
      template: input.template,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    },
  };
}

export function statefulSetJson(input: {
  namespace: string;
  name: string;
  uid?: string;
  createdMs?: number;
  labels: Record<string, string>;
  replicas: number;
  template: PodTemplateSpec;
}): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      ...(input.uid ? { uid: input.uid } : {}),
      ...(input.createdMs === undefined ? {} : { creationTimestamp: rfc3339(input.createdMs) }),
      generation: 1,
      labels: input.labels,
    },
    spec: {
      replicas: input.replicas,
      selector: { matchLabels: { ...input.labels } },
      template: input.template,
      serviceName: input.name,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
    },
  };
}

export function jobJson(input: {
  namespace: string;
  name: string;
  uid: string;
  createdMs?: number;
  labels: Record<string, string>;
  completions: number;
  parallelism: number;
  template: PodTemplateSpec;
}): Job {
  const selectorLabels = { 'batch.kubernetes.io/controller-uid': input.uid };
  const template: PodTemplateSpec = {
    metadata: {
      labels: {
        ...input.template.metadata?.labels,
        ...selectorLabels,
        'batch.kubernetes.io/job-name': input.name,
        'controller-uid': input.uid,
        'job-name': input.name,
      },
    },
    spec: input.template.spec,
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: input.uid,
      ...(input.createdMs === undefined ? {} : { creationTimestamp: rfc3339(input.createdMs) }),
      generation: 1,
      labels: { ...input.labels, ...template.metadata?.labels },
    },
    spec: {
      parallelism: input.parallelism,
      completions: input.completions,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: selectorLabels },
      template,
    },
  };
}

export function podDisruptionBudgetJson(input: {
  namespace: string;
  name: string;
  uid?: string;
  createdMs?: number;
  selector: Record<string, string>;
  minAvailable?: IntOrString;
  maxUnavailable?: IntOrString;
}): PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      ...(input.uid ? { uid: input.uid } : {}),
      ...(input.createdMs === undefined ? {} : { creationTimestamp: rfc3339(input.createdMs) }),
      generation: 1,
    },
    spec: {
      ...(input.minAvailable === undefined ? {} : { minAvailable: input.minAvailable }),
      ...(input.maxUnavailable === undefined ? {} : { maxUnavailable: input.maxUnavailable }),
      selector: { matchLabels: input.selector },
    },
  };
}

export function horizontalPodAutoscalerJson(input: {
  namespace: string;
  name: string;
  uid?: string;
  createdMs?: number;
  target: { kind: string; name: string; apiVersion?: string };
  minReplicas: number;
  maxReplicas: number;
  cpuUtilization: number;
}): HorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      ...(input.uid ? { uid: input.uid } : {}),
      ...(input.createdMs === undefined ? {} : { creationTimestamp: rfc3339(input.createdMs) }),
      generation: 1,
    },
    spec: {
      scaleTargetRef: {
        apiVersion: input.target.apiVersion ?? 'apps/v1',
        kind: input.target.kind,
        name: input.target.name,
      },
      minReplicas: input.minReplicas,
      maxReplicas: input.maxReplicas,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: input.cpuUtilization },
          },
        },
      ],
    },
  };
}
