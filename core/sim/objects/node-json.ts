import { stableUid } from '../ids.ts';
import { nodeInternalIP, nodePodCIDR } from '../network.ts';
import { rfc3339 } from '../kube/time.ts';
import { formatBytes, formatCount, formatCpuMillis } from '../kube/quantity.ts';
import type { Node, NodeCondition, Taint as TaintJson } from '../kube/types.ts';
import type { NodeResources, SimNamespace, SimNode, Taint } from '../types.ts';
import type { KubeObject } from '../store/kube-object.ts';
import { hexId } from './hex.ts';

/**
 * Layout records (see cluster.ts) as v1 JSON, field for field what a kubeadm/EKS cluster returns,
 * trimmed of fields no client of ours or kubectl's needs (managedFields, images).
 */

export function resourceListJson(resources: NodeResources): Record<string, string> {
  return {
    cpu: formatCpuMillis(resources.cpuMillis),
    'ephemeral-storage': formatBytes(resources.ephemeralStorageBytes),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: formatBytes(resources.memoryBytes),
    pods: formatCount(resources.pods),
  };
}

export function taintJson(taint: Taint): TaintJson {
  return {
    key: taint.key,
    ...(taint.value === undefined ? {} : { value: taint.value }),
    effect: taint.effect,
    // The API keeps timeAdded only for NoExecute taints (it times evictions).
    ...(taint.effect === 'NoExecute' && taint.addedMs !== undefined
      ? { timeAdded: rfc3339(taint.addedMs) }
      : {}),
  };
}

/** The four conditions a healthy kubelet reports, heartbeating at `heartbeatMs`. */
export function healthyNodeConditions(heartbeatMs: number, sinceMs: number): NodeCondition[] {
  const condition = (type: string, status: 'True' | 'False', reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: rfc3339(heartbeatMs),
    lastTransitionTime: rfc3339(sinceMs),
    reason,
    message,
  });
  return [
    condition(
      'MemoryPressure',
      'False',
      'KubeletHasSufficientMemory',
      'kubelet has sufficient memory available',
    ),
    condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

export function nodeToJson(seed: number, node: SimNode, kubernetesVersion: string, nowMs: number): Node {
  const ip = nodeInternalIP(node.index);
  const spec: Record<string, unknown> = {
    podCIDR: nodePodCIDR(node.index),
    podCIDRs: [nodePodCIDR(node.index)],
    providerID: `aws:///${node.zone}/i-${hexId(seed, 1, node.index, 17)}`,
  };
  if (node.taints.length > 0) spec['taints'] = node.taints.map(taintJson);
  // The API omits false booleans (omitempty).
  if (node.unschedulable) spec['unschedulable'] = true;
  return {
    kind: 'Node',
    apiVersion: 'v1',
    metadata: {
      name: node.name,
      uid: stableUid(seed, 'node', node.index),
      creationTimestamp: rfc3339(node.createdMs),
      labels: { ...node.labels },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
    status: {
      capacity: resourceListJson(node.capacity),
      allocatable: resourceListJson(node.allocatable),
      conditions: healthyNodeConditions(nowMs, node.createdMs + 60_000),
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'InternalDNS', address: `ip-${ip.replaceAll('.', '-')}.ec2.internal` },
        { type: 'Hostname', address: node.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hexId(seed, 2, node.index, 32),
        systemUUID: stableUid(seed, 'node', node.index + 1_000_000).toUpperCase(),
        bootID: stableUid(seed, 'node', node.index + 2_000_000),
        kernelVersion: '6.1.115-126.197.amzn2023.x86_64',
        osImage: 'Amazon Linux 2023.6.20241121',
        containerRuntimeVersion: 'containerd://1.7.23',
        kubeletVersion: kubernetesVersion,
        kubeProxyVersion: kubernetesVersion,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

export function namespaceToJson(seed: number, namespace: SimNamespace): KubeObject {
  return {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: {
      name: namespace.name,
      uid: stableUid(seed, 'namespace', namespace.index),
      creationTimestamp: rfc3339(namespace.createdMs),
      labels: { ...namespace.labels },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}
