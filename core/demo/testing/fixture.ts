import { keys } from '../../sim/store/api-resources.ts';
import type { KubeObject, OwnerReference } from '../../sim/store/kube-object.ts';
import { isoSeconds, ObjectStore } from '../../sim/store/object-store.ts';
import type { ClusterBackend, NodeUsage, PodUsage } from '../cluster-backend.ts';

/**
 * A small cluster as plain Kubernetes JSON in an ObjectStore, for the demo server's tests: what
 * core/sim's Simulation will hand the server, built by hand and frozen in time, so tests can
 * compare answers with exactly what they stored. Not a test file itself.
 */

export const FIXTURE_NOW_MS = Date.UTC(2025, 5, 2, 14, 30, 0);
const DAY_MS = 86_400_000;

export interface FixtureBackend extends ClusterBackend {
  /** Simulated now; tests move it by hand. */
  clock: { now: number };
  /** Node and pod usage the metrics API reports (pods: by `namespace/name`). */
  usage: { nodes: Map<string, NodeUsage>; pods: Map<string, PodUsage> };
}

export function fixtureBackend(
  options: { finishesPodDeletion?: boolean; historyLimit?: number } = {},
): FixtureBackend {
  const clock = { now: FIXTURE_NOW_MS };
  let uid = 0;
  const store = new ObjectStore({
    now: () => clock.now,
    newUid: () => `00000000-0000-4000-8000-${String(++uid).padStart(12, '0')}`,
    ...(options.historyLimit === undefined ? {} : { historyLimit: options.historyLimit }),
  });
  const usage = { nodes: new Map<string, NodeUsage>(), pods: new Map<string, PodUsage>() };
  return {
    store,
    clock,
    usage,
    now: () => clock.now,
    kubernetesVersion: 'v1.31.4',
    finishesPodDeletion: options.finishesPodDeletion ?? false,
    nodeMetrics: () => usage.nodes.values(),
    *podMetrics(namespace?: string) {
      for (const pod of usage.pods.values())
        if (namespace === undefined || pod.namespace === namespace) yield pod;
    },
  };
}

const ago = (days: number) => isoSeconds(FIXTURE_NOW_MS - days * DAY_MS);

export function namespaceJson(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, creationTimestamp: ago(90), labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export interface NodeInput {
  name: string;
  role?: 'control-plane' | 'worker';
  ip: string;
  taints?: { key: string; value?: string; effect: string }[];
  unschedulable?: boolean;
  ready?: boolean;
}

export function nodeJson(input: NodeInput): KubeObject {
  const role = input.role ?? 'worker';
  const spec: Record<string, unknown> = { podCIDR: '10.244.0.0/24' };
  if (input.taints?.length) spec.taints = input.taints;
  if (input.unschedulable) spec.unschedulable = true;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: input.name,
      creationTimestamp: ago(120),
      labels: {
        'kubernetes.io/hostname': input.name,
        'kubernetes.io/os': 'linux',
        [`node-role.kubernetes.io/${role}`]: '',
      },
    },
    spec,
    status: {
      capacity: { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' },
      allocatable: { cpu: '3920m', memory: '15Gi', pods: '110', 'ephemeral-storage': '95Gi' },
      conditions: [
        {
          type: 'Ready',
          status: input.ready === false ? 'False' : 'True',
          reason: input.ready === false ? 'KubeletNotReady' : 'KubeletReady',
          message: input.ready === false ? 'container runtime is down' : 'kubelet is posting ready status',
          lastHeartbeatTime: isoSeconds(FIXTURE_NOW_MS),
          lastTransitionTime: ago(120),
        },
      ],
      addresses: [
        { type: 'InternalIP', address: input.ip },
        { type: 'Hostname', address: input.name },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.31.4',
        osImage: 'Ubuntu 24.04 LTS',
        kernelVersion: '6.8.0-45-generic',
        containerRuntimeVersion: 'containerd://1.7.22',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

export interface PodInput {
  namespace: string;
  name: string;
  node?: string;
  labels?: Record<string, string>;
  owner?: OwnerReference;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  ready?: boolean;
  ip?: string;
  /** Adds an emptyDir volume (drain needs --delete-emptydir-data for these). */
  emptyDir?: boolean;
  gracePeriodSeconds?: number;
}

export function podJson(input: PodInput): KubeObject {
  const phase = input.phase ?? 'Running';
  const running = phase === 'Running';
  const ready = input.ready ?? running;
  const started = ago(3);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      creationTimestamp: started,
      labels: { ...input.labels },
      ...(input.owner ? { ownerReferences: [input.owner] } : {}),
    },
    spec: {
      containers: [
        {
          name: 'main',
          image: 'registry.example.com/app:1.0',
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
          ...(input.emptyDir ? { volumeMounts: [{ name: 'scratch', mountPath: '/scratch' }] } : {}),
        },
      ],
      ...(input.emptyDir ? { volumes: [{ name: 'scratch', emptyDir: {} }] } : {}),
      ...(input.node ? { nodeName: input.node } : {}),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: input.gracePeriodSeconds ?? 30,
      schedulerName: 'default-scheduler',
    },
    status: {
      phase,
      conditions: [
        { type: 'PodScheduled', status: input.node ? 'True' : 'False', lastTransitionTime: started },
        { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: started },
      ],
      ...(input.ip ? { podIP: input.ip, podIPs: [{ ip: input.ip }] } : {}),
      containerStatuses: running
        ? [
            {
              name: 'main',
              ready,
              restartCount: 0,
              image: 'registry.example.com/app:1.0',
              state: { running: { startedAt: started } },
            },
          ]
        : [],
      qosClass: 'Burstable',
    },
  };
}

export function ownerRef(kind: string, object: KubeObject): OwnerReference {
  return {
    apiVersion: object.apiVersion,
    kind,
    name: object.metadata.name ?? '',
    uid: object.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

const template = (labels: Record<string, string>) => ({
  metadata: { labels },
  spec: { containers: [{ name: 'main', image: 'registry.example.com/app:1.0' }] },
});

/**
 * The standard fixture: a control plane and three workers; shop/web (a Deployment with its
 * ReplicaSet and three pods, one per worker) guarded by a PDB that allows one disruption;
 * a node-exporter DaemonSet on every node; an HPA, a Job, events about node-1.
 */
export function standardCluster(options: Parameters<typeof fixtureBackend>[0] = {}): FixtureBackend {
  const backend = fixtureBackend(options);
  const { store } = backend;
  const add = (key: string, object: KubeObject) => store.create(key, object);

  for (const name of ['default', 'kube-system', 'shop']) add(keys.namespaces, namespaceJson(name));
  const nodes = [
    nodeJson({
      name: 'control-plane',
      role: 'control-plane',
      ip: '10.0.0.10',
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    }),
    nodeJson({ name: 'node-1', ip: '10.0.0.11' }),
    nodeJson({ name: 'node-2', ip: '10.0.0.12' }),
    nodeJson({ name: 'node-3', ip: '10.0.0.13' }),
  ];
  for (const node of nodes) add(keys.nodes, node);
  const workers = ['node-1', 'node-2', 'node-3'];

  const webLabels = { app: 'web' };
  const deployment = add(keys.deployments, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', creationTimestamp: ago(10), labels: webLabels },
    spec: { replicas: 3, selector: { matchLabels: webLabels }, template: template(webLabels) },
    status: {
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    },
  });
  const rsLabels = { ...webLabels, 'pod-template-hash': '5d4f8c7b9' };
  const replicaSet = add(keys.replicasets, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-5d4f8c7b9',
      namespace: 'shop',
      creationTimestamp: ago(10),
      labels: rsLabels,
      ownerReferences: [ownerRef('Deployment', deployment)],
    },
    spec: { replicas: 3, selector: { matchLabels: rsLabels }, template: template(rsLabels) },
    status: { observedGeneration: 1, replicas: 3, readyReplicas: 3, availableReplicas: 3 },
  });
  workers.forEach((node, i) =>
    add(
      keys.pods,
      podJson({
        namespace: 'shop',
        name: `web-5d4f8c7b9-${['abcde', 'fghij', 'klmno'][i]}`,
        node,
        labels: rsLabels,
        owner: ownerRef('ReplicaSet', replicaSet),
        ip: `10.244.${i + 1}.10`,
        emptyDir: i === 0,
        gracePeriodSeconds: 5,
      }),
    ),
  );

  const exporterLabels = { app: 'node-exporter' };
  const daemonSet = add(keys.daemonsets, {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'node-exporter', namespace: 'kube-system', creationTimestamp: ago(100) },
    spec: { selector: { matchLabels: exporterLabels }, template: template(exporterLabels) },
    status: {
      desiredNumberScheduled: 4,
      currentNumberScheduled: 4,
      numberReady: 4,
      updatedNumberScheduled: 4,
      numberAvailable: 4,
    },
  });
  nodes.forEach((node, i) =>
    add(
      keys.pods,
      podJson({
        namespace: 'kube-system',
        name: `node-exporter-${['q2x7k', 'r4v8m', 's6w9n', 't8z2p'][i]}`,
        node: node.metadata.name ?? '',
        labels: exporterLabels,
        owner: ownerRef('DaemonSet', daemonSet),
        ip: `10.0.0.${10 + i}`,
      }),
    ),
  );

  add(keys.poddisruptionbudgets, {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'web-pdb', namespace: 'shop', creationTimestamp: ago(10) },
    spec: { minAvailable: 2, selector: { matchLabels: webLabels } },
    status: {
      observedGeneration: 1,
      disruptionsAllowed: 1,
      currentHealthy: 3,
      desiredHealthy: 2,
      expectedPods: 3,
    },
  });
  add(keys.horizontalpodautoscalers, {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'shop', creationTimestamp: ago(10) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
    },
    status: {
      currentReplicas: 3,
      desiredReplicas: 3,
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 45 } } }],
    },
  });
  add(keys.jobs, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'nightly-report', namespace: 'shop', creationTimestamp: ago(1) },
    spec: {
      completions: 1,
      parallelism: 1,
      template: { ...template({ job: 'nightly' }), spec: { ...template({}).spec, restartPolicy: 'Never' } },
    },
    status: {
      succeeded: 1,
      startTime: ago(1),
      completionTime: isoSeconds(FIXTURE_NOW_MS - DAY_MS + 90_000),
      conditions: [{ type: 'Complete', status: 'True' }],
    },
  });
  const node1 = store.get(keys.nodes, undefined, 'node-1');
  add(keys.events, {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'node-1.17f0a1b2c3d4e5f6', namespace: 'default', creationTimestamp: ago(0.01) },
    involvedObject: { kind: 'Node', name: 'node-1', uid: 'node-1', apiVersion: 'v1' },
    reason: 'NodeHasSufficientMemory',
    message: 'Node node-1 status is now: NodeHasSufficientMemory',
    source: { component: 'kubelet', host: 'node-1' },
    firstTimestamp: ago(0.01),
    lastTimestamp: ago(0.01),
    count: 1,
    type: 'Normal',
  });
  add(keys.events, {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'node-1.17f0a1b2c3d4e5f7', namespace: 'default', creationTimestamp: ago(0.02) },
    involvedObject: { kind: 'Node', name: 'node-1', uid: node1?.metadata.uid ?? '', apiVersion: 'v1' },
    reason: 'RegisteredNode',
    message: 'Node node-1 event: Registered Node node-1 in Controller',
    source: { component: 'node-controller' },
    firstTimestamp: ago(0.02),
    lastTimestamp: ago(0.02),
    count: 1,
    type: 'Normal',
  });

  for (const [i, node] of nodes.entries()) {
    const name = node.metadata.name ?? '';
    backend.usage.nodes.set(name, { name, cpuMillis: 400 + 100 * i, memoryBytes: (2 + i) * 1024 ** 3 });
  }
  for (const pod of store.list(keys.pods)) {
    const { namespace = '', name = '' } = pod.metadata;
    backend.usage.pods.set(`${namespace}/${name}`, {
      namespace,
      name,
      containers: [{ name: 'main', cpuMillis: 25, memoryBytes: 64 * 1024 ** 2 }],
    });
  }
  return backend;
}
