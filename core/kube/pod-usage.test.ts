import { describe, expect, it } from 'vitest';
import type { PodMetrics } from './cluster-client.ts';
import type { PodFacts } from './pod-facts.ts';
import { reducePod } from './pod-facts.ts';
import { joinPodUsage, workloadUsage } from './pod-usage.ts';

function pod(name: string, owner: string | undefined, node: string, cpu: string, memory: string): PodFacts {
  return reducePod({
    metadata: {
      name,
      namespace: 'shop',
      ...(owner ? { ownerReferences: [{ kind: 'ReplicaSet', name: owner, controller: true }] } : {}),
    },
    spec: {
      nodeName: node,
      containers: [
        { name: 'app', resources: { requests: { cpu, memory } } },
        { name: 'sidecar', resources: { requests: { cpu: '50m' } } },
      ],
    },
    status: { phase: 'Running' },
  });
}

const metrics = (name: string, cpu: string, memory: string): PodMetrics => ({
  metadata: { name, namespace: 'shop' },
  containers: [
    { name: 'app', usage: { cpu, memory } },
    { name: 'sidecar', usage: { cpu: '10m', memory: '1Mi' } },
  ],
});

const pods = new Map(
  [
    pod('web-1', 'web-7d', 'node-1', '200m', '100Mi'),
    pod('web-2', 'web-7d', 'node-2', '200m', '100Mi'),
    pod('debug', undefined, 'node-1', '100m', '10Mi'),
  ].map((p) => [`${p.namespace}/${p.name}`, p]),
);
const ownerOf = (kind: string, _ns: string, name: string) =>
  kind === 'ReplicaSet' && name === 'web-7d' ? { kind: 'Deployment', name: 'web' } : undefined;

describe('joinPodUsage', () => {
  const usage = joinPodUsage(
    [
      metrics('web-1', '90m', '63Mi'),
      metrics('web-2', '290m', '99Mi'),
      metrics('debug', '0', '0'),
      metrics('gone', '1', '1'),
    ],
    pods,
    ownerOf,
  );

  it('sums containers, adds the node, the workload and the requests, and skips unknown pods', () => {
    expect(usage.map((u) => u.pod)).toEqual(['web-1', 'web-2', 'debug']);
    expect(usage[0]).toEqual({
      namespace: 'shop',
      pod: 'web-1',
      node: 'node-1',
      workload: { kind: 'Deployment', name: 'web' },
      cpuMillis: 100,
      memoryBytes: 64 * 2 ** 20,
      cpuRequestMillis: 250,
      memoryRequestBytes: 100 * 2 ** 20,
    });
    expect(usage[2]?.workload).toBeUndefined();
  });

  it('totals a workload’s pods and keeps its busiest pod', () => {
    expect(workloadUsage(usage)).toEqual([
      {
        namespace: 'shop',
        kind: 'Deployment',
        name: 'web',
        pods: 2,
        cpuMillis: 400,
        cpuMaxMillis: 300,
        memoryBytes: 164 * 2 ** 20,
        memoryMaxBytes: 100 * 2 ** 20,
        cpuRequestMillis: 500,
        memoryRequestBytes: 200 * 2 ** 20,
      },
    ]);
  });
});
