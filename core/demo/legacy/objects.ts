import { stableUid } from '../../sim/ids.ts';
import { nodeInternalIP, nodePodCIDR, podIP } from '../../sim/network.ts';
import { noise3 } from '../../sim/random.ts';
import type { Simulation } from '../../sim/simulation.ts';
import type {
  ContainerSpec,
  NodeResources,
  ResourceAmounts,
  SimNamespace,
  SimNode,
  SimPod,
  SimWorkload,
  Taint,
} from '../../sim/types.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import { formatBytes, formatCount, formatCpuMillis } from '../quantity.ts';

/**
 * Today's simulation records as Kubernetes v1 JSON, field for field what a kubeadm/EKS cluster
 * returns (trimmed of fields no client of ours or kubectl's needs, such as managedFields and
 * images). Used once, to load the ObjectStore the server serves (see sim-backend.ts); goes away
 * when core/sim keeps its cluster as Kubernetes JSON itself.
 */

/** RFC 3339 at whole seconds, as the API server writes metav1.Time. */
export function timestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function nodeObject(sim: Simulation, node: SimNode): KubeObject {
  const now = sim.now();
  const created = timestamp(node.createdMs);
  const ip = nodeInternalIP(node.index);
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: timestamp(now),
    lastTransitionTime: created,
    reason,
    message,
  });
  const spec: Record<string, unknown> = {
    podCIDR: nodePodCIDR(node.index),
    podCIDRs: [nodePodCIDR(node.index)],
    providerID: `aws:///${node.zone}/i-${hexId(sim.seed, 1, node.index, 17)}`,
  };
  if (node.taints.length > 0) spec.taints = node.taints.map(taintJson);
  // The API omits false booleans (omitempty).
  if (node.unschedulable) spec.unschedulable = true;
  return {
    kind: 'Node',
    apiVersion: 'v1',
    metadata: {
      name: node.name,
      uid: stableUid(sim.seed, 'node', node.index),
      resourceVersion: String(node.resourceVersion),
      creationTimestamp: created,
      labels: { ...node.labels },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
    status: {
      capacity: resourceList(node.capacity),
      allocatable: resourceList(node.allocatable),
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'InternalDNS', address: `ip-${ip.replaceAll('.', '-')}.ec2.internal` },
        { type: 'Hostname', address: node.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hexId(sim.seed, 2, node.index, 32),
        systemUUID: stableUid(sim.seed, 'node', node.index + 1_000_000).toUpperCase(),
        bootID: stableUid(sim.seed, 'node', node.index + 2_000_000),
        kernelVersion: '6.1.115-126.197.amzn2023.x86_64',
        osImage: 'Amazon Linux 2023.6.20241121',
        containerRuntimeVersion: 'containerd://1.7.23',
        kubeletVersion: sim.cluster.kubernetesVersion,
        kubeProxyVersion: sim.cluster.kubernetesVersion,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

const podLabelCache = new WeakMap<SimWorkload, Readonly<Record<string, string>>>();

/** A pod's labels: its workload's plus pod-template-hash. Shared per workload, so read-only. */
export function podLabels(pod: SimPod): Readonly<Record<string, string>> {
  let labels = podLabelCache.get(pod.workload);
  if (!labels) {
    labels = Object.freeze({ ...pod.workload.labels, 'pod-template-hash': pod.workload.templateHash });
    podLabelCache.set(pod.workload, labels);
  }
  return labels;
}

export function podObject(sim: Simulation, pod: SimPod): KubeObject {
  const { workload } = pod;
  const node = sim.cluster.nodes[pod.nodeIndex] as SimNode;
  const replicaSet = `${workload.name}-${workload.templateHash}`;
  const created = timestamp(pod.createdMs);
  const startedMs = pod.createdMs + 1000 + Math.floor(noise3(sim.seed, 3, pod.index, 0) * 4000);
  const readyAt = timestamp(startedMs + 2000);
  const condition = (type: string, at: string) => ({
    type,
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: at,
  });
  const systemCritical = pod.namespace === 'kube-system';
  const ip = podIP(pod.nodeIndex, pod.ipSlot);
  const hostIP = nodeInternalIP(pod.nodeIndex);

  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name: pod.name,
      generateName: `${replicaSet}-`,
      namespace: pod.namespace,
      uid: stableUid(sim.seed, 'pod', pod.index),
      resourceVersion: String(pod.resourceVersion),
      creationTimestamp: created,
      labels: { ...podLabels(pod) },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: replicaSet,
          uid: stableUid(sim.seed, 'replicaSet', workload.index),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      containers: workload.containers.map(containerJson),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      serviceAccount: 'default',
      nodeName: node.name,
      securityContext: {},
      schedulerName: 'default-scheduler',
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
      ...(systemCritical
        ? { priorityClassName: 'system-cluster-critical', priority: 2_000_000_000 }
        : { priority: 0 }),
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    },
    status: {
      phase: pod.phase,
      conditions: [
        condition('PodReadyToStartContainers', readyAt),
        condition('Initialized', created),
        condition('Ready', readyAt),
        condition('ContainersReady', readyAt),
        condition('PodScheduled', created),
      ],
      hostIP,
      hostIPs: [{ ip: hostIP }],
      podIP: ip,
      podIPs: [{ ip }],
      startTime: created,
      containerStatuses: workload.containers.map((c, i) => containerStatus(sim, pod, c, i, startedMs)),
      qosClass: workload.qosClass,
    },
  };
}

export function namespaceObject(sim: Simulation, namespace: SimNamespace): KubeObject {
  return {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: {
      name: namespace.name,
      uid: stableUid(sim.seed, 'namespace', namespace.index),
      resourceVersion: String(namespace.resourceVersion),
      creationTimestamp: timestamp(namespace.createdMs),
      labels: { ...namespace.labels },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

/** When the pod's first container last restarted: between its start and the simulation start. */
export function lastRestartMs(sim: Simulation, pod: SimPod): number | undefined {
  if (pod.restartCount === 0) return undefined;
  const span = Math.max(0, sim.clock.startMs - pod.createdMs - 60_000);
  return Math.min(
    sim.clock.startMs,
    pod.createdMs + 30_000 + Math.floor(noise3(sim.seed, 4, pod.index, 0) * span),
  );
}

function containerStatus(
  sim: Simulation,
  pod: SimPod,
  container: ContainerSpec,
  i: number,
  startedMs: number,
) {
  // Restarts are charged to the main container; sidecars have been steady.
  const restarted = i === 0 ? lastRestartMs(sim, pod) : undefined;
  const status: Record<string, unknown> = {
    name: container.name,
    state: { running: { startedAt: timestamp(restarted ?? startedMs) } },
    lastState: {},
    ready: true,
    restartCount: i === 0 ? pod.restartCount : 0,
    image: container.image,
    imageID: `${container.image.split(':')[0]}@sha256:${hexId(sim.seed, 5, pod.workload.index * 8 + i, 64)}`,
    containerID: `containerd://${hexId(sim.seed, 6, pod.index * 8 + i, 64)}`,
    started: true,
  };
  if (restarted !== undefined) {
    const oom = noise3(sim.seed, 7, pod.index, 0) < 0.5;
    status.lastState = {
      terminated: {
        exitCode: oom ? 137 : 1,
        reason: oom ? 'OOMKilled' : 'Error',
        startedAt: timestamp(startedMs),
        finishedAt: timestamp(restarted - 1000),
        containerID: `containerd://${hexId(sim.seed, 8, pod.index * 8 + i, 64)}`,
      },
    };
  }
  return status;
}

function containerJson(container: ContainerSpec) {
  const resources: Record<string, Record<string, string>> = {};
  const requests = amounts(container.requests);
  const limits = amounts(container.limits);
  if (Object.keys(limits).length > 0) resources.limits = limits;
  if (Object.keys(requests).length > 0) resources.requests = requests;
  return {
    name: container.name,
    image: container.image,
    resources,
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: 'IfNotPresent',
  };
}

function amounts(values: Readonly<ResourceAmounts>): Record<string, string> {
  const out: Record<string, string> = {};
  if (values.cpuMillis !== undefined) out.cpu = formatCpuMillis(values.cpuMillis);
  if (values.memoryBytes !== undefined) out.memory = formatBytes(values.memoryBytes);
  return out;
}

function resourceList(resources: NodeResources): Record<string, string> {
  return {
    cpu: formatCpuMillis(resources.cpuMillis),
    'ephemeral-storage': formatBytes(resources.ephemeralStorageBytes),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: formatBytes(resources.memoryBytes),
    pods: formatCount(resources.pods),
  };
}

function taintJson(taint: Taint) {
  return {
    key: taint.key,
    ...(taint.value === undefined ? {} : { value: taint.value }),
    effect: taint.effect,
    // The API keeps timeAdded only for NoExecute taints (it times evictions).
    ...(taint.effect === 'NoExecute' && taint.addedMs !== undefined
      ? { timeAdded: timestamp(taint.addedMs) }
      : {}),
  };
}

/** Deterministic hex of any length, for IDs that only need to look right and stay stable. */
function hexId(seed: number, stream: number, index: number, length: number): string {
  let out = '';
  for (let word = 0; out.length < length; word++) {
    out += Math.floor(noise3(seed, 100 + stream, index, word) * 4_294_967_296)
      .toString(16)
      .padStart(8, '0');
  }
  return out.slice(0, length);
}
