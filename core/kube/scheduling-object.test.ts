import { describe, expect, it } from 'vitest';
import type { RawObject } from './resource-mirror.ts';

/** Test objects carry fields RawObject does not name (uid, labels…): as the API sends them. */
const raw = (object: object) => object as RawObject;
import { trimNode, trimPod } from './scheduling-object.ts';

const fullPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-1',
    namespace: 'shop',
    uid: 'u1',
    labels: { app: 'web' },
    annotations: {
      'kubernetes.io/config.mirror': 'abc',
      'kubectl.kubernetes.io/last-applied-configuration': '{…}',
    },
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d', uid: 'r1', controller: true },
    ],
    managedFields: [{ manager: 'kubectl' }],
  },
  spec: {
    nodeName: 'node-1',
    containers: [
      {
        name: 'app',
        image: 'nginx',
        env: [{ name: 'A', value: 'b' }],
        resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } },
      },
    ],
    initContainers: [
      { name: 'proxy', image: 'envoy', restartPolicy: 'Always', resources: { requests: { cpu: '50m' } } },
    ],
    overhead: { cpu: '10m' },
    tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }],
    nodeSelector: { disk: 'ssd' },
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } },
    priority: 1000,
    volumes: [{ name: 'data', emptyDir: {} }],
  },
  status: { phase: 'Running', podIP: '10.0.0.1', containerStatuses: [{ restartCount: 2 }] },
};

describe('trimPod', () => {
  it('keeps what kube-scheduler reads and drops the rest', () => {
    expect(trimPod(fullPod)).toEqual({
      metadata: {
        name: 'web-1',
        namespace: 'shop',
        uid: 'u1',
        labels: { app: 'web' },
        annotations: { 'kubernetes.io/config.mirror': 'abc' },
        ownerReferences: [{ kind: 'ReplicaSet', name: 'web-7d', controller: true }],
      },
      spec: {
        nodeName: 'node-1',
        containers: [
          {
            name: 'app',
            resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } },
          },
        ],
        initContainers: [{ name: 'proxy', restartPolicy: 'Always', resources: { requests: { cpu: '50m' } } }],
        overhead: { cpu: '10m' },
        tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }],
        nodeSelector: { disk: 'ssd' },
        affinity: fullPod.spec.affinity,
        priority: 1000,
      },
      status: { phase: 'Running' },
    });
  });

  it('survives a pod with nothing in it', () => {
    expect(trimPod({ metadata: { name: 'p' } })).toEqual({
      metadata: { name: 'p', namespace: '' },
      spec: { containers: [] },
      status: {},
    });
  });
});

describe('trimNode', () => {
  it('keeps labels, taints, unschedulable, allocatable, capacity and condition statuses', () => {
    const node = trimNode(
      raw({
        metadata: { name: 'n1', labels: { zone: 'a' }, annotations: { big: 'x' } },
        spec: { unschedulable: true, taints: [{ key: 'k', effect: 'NoSchedule' }], podCIDR: '10.0.0.0/24' },
        status: {
          allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
          capacity: { cpu: '4' },
          conditions: [{ type: 'Ready', status: 'True', message: 'kubelet is posting ready status' }],
          images: [{ names: ['nginx'] }],
        },
      }),
    );
    expect(node).toEqual({
      metadata: { name: 'n1', labels: { zone: 'a' } },
      spec: { unschedulable: true, taints: [{ key: 'k', effect: 'NoSchedule' }] },
      status: {
        allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
        capacity: { cpu: '4' },
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    });
  });
});
