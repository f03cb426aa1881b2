import { describe, expect, it } from 'vitest';
import { describeNode } from './node-describe.ts';
import { reducePod } from './pod-facts.ts';
import type { RawObject } from './resource-mirror.ts';

/** A Node as `kubectl get node -o json` prints it (a kind worker, trimmed of managedFields). */
const kindWorker = {
  kind: 'Node',
  apiVersion: 'v1',
  metadata: {
    name: 'kind-worker',
    creationTimestamp: '2026-11-20T08:00:00Z',
    labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'kind-worker' },
    annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
  },
  spec: {
    podCIDR: '10.244.1.0/24',
    unschedulable: true,
    taints: [
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-11-23T10:00:00Z' },
      { key: 'dedicated', value: 'gpu', effect: 'NoExecute' },
    ],
  },
  status: {
    capacity: { cpu: '4', memory: '16329564Ki', pods: '110', 'ephemeral-storage': '102626232Ki' },
    allocatable: { cpu: '3800m', memory: '15Gi', pods: '110' },
    conditions: [
      {
        type: 'MemoryPressure',
        status: 'True',
        lastHeartbeatTime: '2026-11-23T12:00:00Z',
        lastTransitionTime: '2026-11-23T11:50:00Z',
        reason: 'KubeletHasInsufficientMemory',
        message: 'kubelet has insufficient memory available',
      },
      {
        type: 'Ready',
        status: 'True',
        lastHeartbeatTime: '2026-11-23T12:00:00Z',
        lastTransitionTime: '2026-11-20T08:01:00Z',
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
      },
    ],
    addresses: [
      { type: 'InternalIP', address: '172.18.0.3' },
      { type: 'Hostname', address: 'kind-worker' },
    ],
    nodeInfo: {
      machineID: 'abc',
      kernelVersion: '6.1.0-27-amd64',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      containerRuntimeVersion: 'containerd://1.7.18',
      kubeletVersion: 'v1.31.0',
      kubeProxyVersion: 'v1.31.0',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
  },
};

function rawPod(name: string, phase: string, cpu: string, memory: string, init?: string): RawObject {
  return {
    metadata: { name, namespace: 'default' },
    spec: {
      nodeName: 'kind-worker',
      containers: [{ name: 'app', resources: { requests: { cpu, memory }, limits: { cpu, memory } } }],
      ...(init ? { initContainers: [{ name: 'setup', resources: { requests: { cpu: init } } }] } : {}),
    },
    status: { phase, containerStatuses: [{ restartCount: 0 }] },
  };
}

describe('describeNode', () => {
  it('reads what kubectl describe node shows', () => {
    const details = describeNode(kindWorker, { pods: [] }, 1000);
    expect(details).toMatchObject({
      name: 'kind-worker',
      at: 1000,
      createdAt: '2026-11-20T08:00:00Z',
      unschedulable: true,
      taints: [
        { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
        { key: 'dedicated', value: 'gpu', effect: 'NoExecute' },
      ],
      info: {
        kubeletVersion: 'v1.31.0',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.1.0-27-amd64',
        containerRuntimeVersion: 'containerd://1.7.18',
        architecture: 'amd64',
        operatingSystem: 'linux',
      },
      addresses: [
        { type: 'InternalIP', address: '172.18.0.3' },
        { type: 'Hostname', address: 'kind-worker' },
      ],
      capacity: { cpu: '4', memory: '16329564Ki', pods: '110', 'ephemeral-storage': '102626232Ki' },
      allocatable: { cpu: '3800m', memory: '15Gi', pods: '110' },
      labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'kind-worker' },
      pods: [],
      podCount: 0,
      allocated: {
        cpuMillis: { requests: 0, limits: 0, allocatable: 3800 },
        memoryBytes: { requests: 0, limits: 0, allocatable: 15 * 2 ** 30 },
      },
    });
    expect(details.conditions).toEqual([
      {
        type: 'MemoryPressure',
        status: 'True',
        reason: 'KubeletHasInsufficientMemory',
        message: 'kubelet has insufficient memory available',
        lastTransitionTime: '2026-11-23T11:50:00Z',
        lastHeartbeatTime: '2026-11-23T12:00:00Z',
        bad: true,
      },
      {
        type: 'Ready',
        status: 'True',
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
        lastTransitionTime: '2026-11-20T08:01:00Z',
        lastHeartbeatTime: '2026-11-23T12:00:00Z',
        bad: false,
      },
    ]);
  });

  it.each([
    ['no nodeInfo (a node still registering)', { metadata: { name: 'n' }, status: {} }],
    [
      'nodeInfo without a kubelet version',
      { metadata: { name: 'n' }, status: { nodeInfo: { osImage: '' } } },
    ],
    ['nothing but garbage', 'not a node'],
  ])('%s: no system info, no made-up fields', (_name, raw) => {
    const details = describeNode(raw, {}, 5);
    expect(details.info).toBeUndefined();
    expect(details).toMatchObject({
      unschedulable: false,
      taints: [],
      conditions: [],
      addresses: [],
      capacity: {},
      labels: {},
      podCount: 0,
    });
    expect(details.allocated.cpuMillis.allocatable).toBe(0);
  });

  it.each([
    ['a decimal CPU and SI memory', { cpu: '1.5', memory: '8G' }, 1500, 8e9],
    ['nano cores and Ki', { cpu: '2000000000n', memory: '1024Ki' }, 2000, 2 ** 20],
    ['an exponent', { cpu: '4e0', memory: '1e9' }, 4000, 1e9],
    ['a quantity that does not parse counts as nothing allocatable', { cpu: 'many', memory: '' }, 0, 0],
  ])('allocatable with odd quantities: %s', (_name, allocatable, cpu, memory) => {
    const details = describeNode({ metadata: { name: 'n' }, status: { allocatable } }, {}, 0);
    expect(details.allocated.cpuMillis.allocatable).toBe(cpu);
    expect(details.allocated.memoryBytes.allocatable).toBe(memory);
  });

  it('lists non-terminated pods sorted, sums their requests and limits (init counted as kubectl does)', () => {
    const pods = [
      rawPod('web-b', 'Running', '500m', '256Mi'),
      rawPod('job-done', 'Succeeded', '4', '4Gi'),
      rawPod('crashed', 'Failed', '4', '4Gi'),
      rawPod('web-a', 'Pending', '250m', '128Mi', '1'),
    ].map(reducePod);
    const details = describeNode(kindWorker, { pods }, 0);
    expect(details.pods.map((p) => [p.name, p.phase, p.cpuRequestMillis])).toEqual([
      ['web-a', 'Pending', 1000],
      ['web-b', 'Running', 500],
    ]);
    expect(details.podCount).toBe(2);
    expect(details.allocated.cpuMillis).toEqual({ requests: 1500, limits: 750, allocatable: 3800 });
    expect(details.allocated.memoryBytes.requests).toBe(384 * 2 ** 20);
  });

  it('cuts the list at 500 pods but sums them all', () => {
    const pods = Array.from({ length: 510 }, (_, i) =>
      reducePod(rawPod(`p-${String(i).padStart(3, '0')}`, 'Running', '10m', '1Mi')),
    );
    const details = describeNode(kindWorker, { pods }, 0);
    expect(details.pods).toHaveLength(500);
    expect(details.pods.at(-1)?.name).toBe('p-499');
    expect(details.podCount).toBe(510);
    expect(details.allocated.cpuMillis.requests).toBe(5100);
  });

  it('carries why the pods are missing', () => {
    const details = describeNode(kindWorker, { problem: 'may not list pods' }, 0);
    expect(details).toMatchObject({ pods: [], podCount: 0, podsProblem: 'may not list pods' });
  });
});
