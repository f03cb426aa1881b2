import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { NodeRow } from '../contract/index.ts';
import type { ClusterReader } from '../kube/cluster-client.ts';
import { SummarySampler } from './summary-sampler.ts';

const GI = 1024 ** 3;

interface Script {
  /** What a node's kubelet answers: a summary, or an error to throw. */
  answer: (node: string) => unknown;
  asked: string[];
  inFlight: number;
  maxInFlight: number;
}

function scriptedReader(answer: Script['answer']): { reader: ClusterReader; script: Script } {
  const script: Script = { answer, asked: [], inFlight: 0, maxInFlight: 0 };
  const reader: ClusterReader = {
    context: 'test',
    server: 'https://127.0.0.1:1',
    listNodes: async () => [],
    listPods: async () => [],
    listNodeMetrics: async () => [],
    listPodFacts: async () => [],
    async getNodeSummary(node) {
      script.asked.push(node);
      script.inFlight += 1;
      script.maxInFlight = Math.max(script.maxInFlight, script.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      script.inFlight -= 1;
      const result = script.answer(node);
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { reader, script };
}

const summaryOf = (node: string, usedGi = 40) => ({
  node: { nodeName: node, fs: { usedBytes: usedGi * GI, capacityBytes: 100 * GI } },
  pods: [
    {
      podRef: { namespace: 'shop', name: 'web' },
      containers: [{ name: 'app', memory: { workingSetBytes: 300, availableBytes: 100 } }],
    },
  ],
});

const row = (name: string): NodeRow => ({
  name,
  ready: true,
  unschedulable: false,
  roles: [],
  cpuMillis: 1,
  cpuAllocatableMillis: 1000,
  memoryBytes: 1,
  memoryAllocatableBytes: 1000,
  pods: 1,
  podCapacity: 110,
});

const names = (n: number) => Array.from({ length: n }, (_, i) => `node-${String(i).padStart(2, '0')}`);
const apiError = (code: number) =>
  new ApiException(code, `HTTP ${code}`, JSON.stringify({ message: `status ${code}` }), {});

describe('SummarySampler', () => {
  it('asks every node of a small cluster each round, a bounded number at a time, and fills the rows', async () => {
    const { reader, script } = scriptedReader((node) => summaryOf(node));
    const sampler = new SummarySampler({ now: () => 1000, concurrency: 3 });
    await sampler.sample(reader, names(20));
    expect(script.asked).toHaveLength(20);
    expect(script.maxInFlight).toBe(3);
    expect(sampler.degraded).toBeUndefined();
    expect(sampler.apply([row('node-05'), row('elsewhere')])).toEqual([
      {
        ...row('node-05'),
        diskBytes: 40 * GI,
        diskCapacityBytes: 100 * GI,
        podMemoryPeak: 0.75,
        nicErrorsPerMinute: null,
        containerHoursToLimit: null,
      },
      row('elsewhere'),
    ]);
  });

  it('rotates through a large cluster so that every node is asked within the window', async () => {
    let now = 0;
    const { reader, script } = scriptedReader((node) => summaryOf(node));
    const sampler = new SummarySampler({ now: () => now, everyCollectionUpTo: 2, everyNodeWithinMs: 60_000 });
    const lastAsked = new Map<string, number>();
    for (let round = 0; round < 12; round++, now += 15_000) {
      const before = script.asked.length;
      await sampler.sample(reader, names(10));
      for (const node of script.asked.slice(before)) lastAsked.set(node, now);
      // 10 nodes over 60 s, a round every 15 s: three a round (never fewer than the floor of 2).
      expect(script.asked.length - before).toBe(round === 0 ? 2 : 3);
    }
    expect(lastAsked.size).toBe(10);
    for (const at of lastAsked.values()) expect(now - 15_000 - at).toBeLessThanOrEqual(60_000);
  });

  it.each([
    [
      'a kubelet that is down loses only its node’s figures',
      (n: string) => (n === 'node-01' ? apiError(503) : summaryOf(n)),
      undefined,
    ],
    [
      'a garbage answer loses only its node’s figures',
      (n: string) => (n === 'node-01' ? { hello: 1 } : summaryOf(n)),
      undefined,
    ],
    ['no kubelet answering degrades the signal', () => apiError(503), /no kubelet answered.*503/],
  ])('%s', async (_what, answer, message) => {
    const { reader } = scriptedReader(answer);
    const sampler = new SummarySampler({ now: () => 0 });
    await sampler.sample(reader, names(3));
    if (message) expect(sampler.degraded?.message).toMatch(message);
    else expect(sampler.degraded).toBeUndefined();
    expect(sampler.apply([row('node-01')])[0]?.diskBytes).toBeUndefined();
  });

  it('a 403 names the missing permission, stops the round, and waits before asking again', async () => {
    let now = 0;
    let forbidden = true;
    const { reader, script } = scriptedReader((n) => (forbidden ? apiError(403) : summaryOf(n)));
    const sampler = new SummarySampler({ now: () => now, concurrency: 1, refusedRetryMs: 60_000 });
    await sampler.sample(reader, names(5));
    expect(script.asked).toHaveLength(1);
    expect(sampler.degraded).toMatchObject({ kind: 'refused', status: 403 });
    expect(sampler.degraded?.message).toMatch(/"get nodes\/proxy"/);
    forbidden = false;
    now = 30_000;
    await sampler.sample(reader, names(5));
    expect(script.asked).toHaveLength(1);
    now = 61_000;
    await sampler.sample(reader, names(5));
    expect(sampler.degraded).toBeUndefined();
    expect(sampler.apply([row('node-03')])[0]?.diskBytes).toBe(40 * GI);
  });

  it('stops showing figures that are too old, and forgets nodes that are gone', async () => {
    let now = 0;
    const { reader } = scriptedReader((n) => summaryOf(n));
    const sampler = new SummarySampler({ now: () => now, maxAgeMs: 60_000 });
    await sampler.sample(reader, names(2));
    now = 59_000;
    expect(sampler.apply([row('node-00')])[0]?.podMemoryPeak).toBe(0.75);
    sampler.forget(new Set(['node-01']));
    expect(sampler.apply([row('node-00')])[0]?.podMemoryPeak).toBeUndefined();
    now = 61_000;
    expect(sampler.apply([row('node-01')])[0]?.podMemoryPeak).toBeUndefined();
  });

  it('does nothing for a reader without the node proxy', async () => {
    const sampler = new SummarySampler({ now: () => 0 });
    const { reader } = scriptedReader(() => undefined);
    delete reader.getNodeSummary;
    await sampler.sample(reader, names(2));
    expect(sampler.degraded).toBeUndefined();
    expect(sampler.apply([row('node-00')])).toEqual([row('node-00')]);
  });

  it('turns each node’s NIC error counters into errors per minute between its readings', async () => {
    let now = 0;
    const counters: Record<string, number[]> = { 'node-00': [100, 400, 30], 'node-01': [0, 0, 0] };
    let round = 0;
    const { reader } = scriptedReader((node) => {
      const errors = counters[node]?.[round] ?? 0;
      return {
        node: { nodeName: node, network: { interfaces: [{ name: 'eth0', rxErrors: errors, txErrors: 0 }] } },
        pods: [],
      };
    });
    const sampler = new SummarySampler({ now: () => now });
    const rates = () => sampler.apply([row('node-00'), row('node-01')]).map((r) => r.nicErrorsPerMinute);
    await sampler.sample(reader, names(2));
    expect(rates()).toEqual([null, null]);
    now = 60_000;
    round = 1;
    await sampler.sample(reader, names(2));
    expect(rates()).toEqual([300, 0]);
    // A reboot resets the counter: what it counted since, not a negative rate.
    now = 120_000;
    round = 2;
    await sampler.sample(reader, names(2));
    expect(rates()).toEqual([30, 0]);
  });

  it('names the container soonest to reach its memory limit at its own trend, not the fullest one', async () => {
    let now = 0;
    const MI = 1024 ** 2;
    // A steady container at 90% of its limit, and a sidecar leaking 10 MiB a minute from 30%.
    const { reader } = scriptedReader((node) => ({
      node: { nodeName: node },
      pods: [
        {
          podRef: { namespace: 'shop', name: 'web-1' },
          containers: [
            { name: 'app', memory: { workingSetBytes: 900 * MI, availableBytes: 100 * MI } },
            {
              name: 'sidecar',
              memory: { workingSetBytes: (300 + now / 6_000) * MI, availableBytes: (700 - now / 6_000) * MI },
            },
          ],
        },
      ],
    }));
    const sampler = new SummarySampler({ now: () => now });
    for (let minute = 0; minute <= 10; minute++) {
      now = minute * 60_000;
      await sampler.sample(reader, ['node-00']);
    }
    const [filled] = sampler.apply([row('node-00')]);
    expect(filled?.podMemoryPeak).toBeCloseTo(0.9, 6);
    expect(filled?.containerNearestLimit).toBe('shop/web-1/sidecar');
    // 400 MiB used of 1000 after 10 min, +600 MiB/h: 1 h left.
    expect(filled?.containerHoursToLimit).toBeCloseTo(1, 6);
  });
});
