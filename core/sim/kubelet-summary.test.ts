import { describe, expect, it } from 'vitest';
import { kubeletSummary } from './kubelet-summary.ts';
import type { NodeUsageSample } from './load/usage-model.ts';

const GI = 1024 ** 3;
const MI = 1024 ** 2;

const sample: NodeUsageSample = {
  name: 'node-2',
  cpuMillis: 1500,
  memoryBytes: 6 * GI,
  diskBytes: 70 * GI,
  latencyMs: 1,
  nicErrors: { rx: 0, tx: 0 },
  cpuPressure: 0.4,
  capacity: { cpuMillis: 4000, memoryBytes: 16 * GI, diskBytes: 100 * GI },
  pods: [
    {
      namespace: 'shop',
      name: 'web-1',
      uid: 'uid-1',
      node: 'node-2',
      cpuMillis: 200,
      memoryBytes: 700 * MI,
      diskBytes: 10 * MI,
      latencyMs: 1,
      containers: [
        { name: 'app', cpuMillis: 150, memoryBytes: 600 * MI, limitMemoryBytes: 512 * MI },
        { name: 'sidecar', cpuMillis: 50, memoryBytes: 100 * MI },
      ],
    },
  ],
};

describe('kubeletSummary', () => {
  const summary = kubeletSummary(sample, Date.UTC(2025, 0, 1));

  it('reports the node filesystem and memory as the kubelet does', () => {
    expect(summary.node).toMatchObject({
      nodeName: 'node-2',
      cpu: { usageNanoCores: 1_500_000_000 },
      memory: { workingSetBytes: 6 * GI, availableBytes: 10 * GI },
      fs: {
        usedBytes: 70 * GI,
        capacityBytes: 100 * GI,
        availableBytes: 30 * GI,
        time: '2025-01-01T00:00:00Z',
      },
    });
  });

  it.each([
    ['a container over its limit holds the limit, with nothing available', 'app', 512 * MI, 0],
    ['a container without a limit has no availableBytes', 'sidecar', 100 * MI, undefined],
  ])('%s', (_what, name, workingSet, available) => {
    const stats = summary.pods[0]?.containers.find((c) => c.name === name);
    expect(stats?.memory.workingSetBytes).toBe(workingSet);
    expect(stats?.memory.availableBytes).toBe(available);
  });

  it('names each pod by podRef and reports its ephemeral storage', () => {
    expect(summary.pods[0]).toMatchObject({
      podRef: { namespace: 'shop', name: 'web-1', uid: 'uid-1' },
      'ephemeral-storage': { usedBytes: 10 * MI },
    });
  });

  it.each([
    ['a healthy NIC counts no errors', { rx: 0, tx: 0 }, 0, 0],
    ['an erring NIC reports its counters, whole', { rx: 1234.4, tx: 56.6 }, 1234, 57],
  ])('%s (node.network, inline and in interfaces)', (_what, nicErrors, rxErrors, txErrors) => {
    const network = kubeletSummary({ ...sample, nicErrors }, 0).node.network;
    expect(network).toMatchObject({ name: 'eth0', rxErrors, txErrors, time: '1970-01-01T00:00:00Z' });
    expect(network.interfaces).toEqual([{ name: 'eth0', rxErrors, txErrors }]);
  });

  it('never reports more disk used than there is', () => {
    const full = kubeletSummary({ ...sample, diskBytes: 120 * GI }, 0);
    expect(full.node.fs).toMatchObject({ usedBytes: 100 * GI, availableBytes: 0 });
  });
});
