import { describe, expect, it } from 'vitest';
import type { ClusterReader, PodMetrics } from '../kube/cluster-client.ts';
import { reducePod } from '../kube/pod-facts.ts';
import type { HistoryKeeper } from './history-keeper.ts';
import { UsageSampler } from './usage-sampler.ts';

// A scripted reader: pod metrics fail while `forbidden` is set (as with a 403), then answer.
function scriptedReader(state: { forbidden: boolean; polls: number }): ClusterReader {
  const pod = reducePod({
    metadata: { name: 'web-1', namespace: 'shop' },
    spec: { nodeName: 'n1', containers: [] },
  });
  const metrics: PodMetrics[] = [
    {
      metadata: { name: 'web-1', namespace: 'shop' },
      containers: [{ name: 'app', usage: { cpu: '5m', memory: '1Mi' } }],
    },
  ];
  return {
    context: 'test',
    server: 'https://127.0.0.1:1',
    listNodes: async () => [],
    listPods: async () => [],
    listNodeMetrics: async () => [],
    listPodFacts: async () => [pod],
    listPodMetrics: async () => {
      state.polls += 1;
      if (state.forbidden) throw Object.assign(new Error('forbidden'), { code: 403 });
      return metrics;
    },
  };
}

describe('UsageSampler', () => {
  it('samples once per interval, retries a failure at the next collection, and says what is missing', async () => {
    let now = 0;
    const state = { forbidden: true, polls: 0 };
    const recorded: number[] = [];
    const history = { recordUsage: (at: number) => recorded.push(at) > 0 } as unknown as HistoryKeeper;
    const sampler = new UsageSampler(300_000, () => now, 15_000);
    const reader = scriptedReader(state);

    await sampler.sampleIfDue(reader, history);
    expect(sampler.degraded?.message).toMatch(/Per-pod usage unavailable/);
    now = 10_000;
    await sampler.sampleIfDue(reader, history);
    expect(state.polls).toBe(1);

    state.forbidden = false;
    now = 15_000;
    await sampler.sampleIfDue(reader, history);
    expect(sampler.degraded).toBeUndefined();
    expect(recorded).toEqual([15_000]);

    now = 200_000;
    await sampler.sampleIfDue(reader, history);
    now = 315_000;
    await sampler.sampleIfDue(reader, history);
    expect(recorded).toEqual([15_000, 315_000]);
  });
});
