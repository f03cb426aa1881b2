import { describe, expect, it } from 'vitest';
import type { ScalingAdviceInfo, ScalingWorkloadRef } from '../../../core/contract/index.ts';
import { bySavings, createScalingOverviewStore, roundKey, summarize } from './scalingOverviewStore.ts';

const ref = (name: string): ScalingWorkloadRef => ({ namespace: 'shop', kind: 'Deployment', name });

function advice(savings: number): ScalingAdviceInfo {
  const change = (current: number, recommended: number) => ({ current, recommended, changePercent: 0 });
  return {
    confidence: 'medium',
    replicas: { current: 4, neededNow: 3, predictive: 2 },
    rightSizing: {
      cpuRequestMillis: change(900, 500),
      memoryRequestBytes: change(2 ** 31, 2 ** 30),
      memoryLimitBytes: change(2 ** 32, 2 ** 31),
      severity: 'medium',
      confidence: 'medium',
      reasoning: '',
    },
    cost: {
      currency: 'USD',
      today: 100,
      recommended: 100 - savings,
      monthlySavings: savings,
      scheduled: 0,
      fixedAtPeak: 0,
    },
  } as unknown as ScalingAdviceInfo;
}

describe('summarize', () => {
  it('keeps what the table shows: replicas now and advised, requests now and recommended, the saving', () => {
    expect(summarize(ref('web'), advice(42))).toEqual({
      key: 'shop/Deployment/web',
      workload: ref('web'),
      confidence: 'medium',
      replicas: { current: 4, advised: 2 },
      cpuRequestMillis: { current: 900, recommended: 500 },
      memoryRequestBytes: { current: 2 ** 31, recommended: 2 ** 30 },
      severity: 'medium',
      currency: 'USD',
      monthlySavings: 42,
    });
  });

  it('sorts the largest saving first, workloads without advice last by name', () => {
    const rows = [
      { key: 'b', workload: ref('b'), problem: 'too little history' },
      summarize(ref('small'), advice(5)),
      { key: 'a', workload: ref('a'), problem: 'too little history' },
      summarize(ref('big'), advice(90)),
    ].sort(bySavings);
    expect(rows.map((r) => r.key)).toEqual(['shop/Deployment/big', 'shop/Deployment/small', 'a', 'b']);
  });
});

describe('roundKey', () => {
  it('changes with the cluster and with the workloads listed', () => {
    const key = roundKey('prod@https://prod', [ref('a'), ref('b')]);
    expect(roundKey('prod@https://prod', [ref('a'), ref('b')])).toBe(key);
    expect(roundKey('dev@https://dev', [ref('a'), ref('b')])).not.toBe(key);
    expect(roundKey('prod@https://prod', [ref('a')])).not.toBe(key);
  });
});

describe('createScalingOverviewStore', () => {
  it('advises every workload, at most two at a time, and keeps each failure with its reason', async () => {
    let inFlight = 0;
    let most = 0;
    const store = createScalingOverviewStore({
      call: async (_method: string, params: { workload: ScalingWorkloadRef }) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        if (params.workload.name === 'new')
          throw new Error('Only 2 five-minute buckets of usage are recorded');
        return advice(params.workload.name.length);
      },
    } as never);
    await store.getState().advise([ref('a'), ref('new'), ref('abc'), ref('ab')], 'prod@https://prod');
    const state = store.getState();
    expect(most).toBe(2);
    expect(state).toMatchObject({ total: 4, done: 4, running: false, round: 'prod@https://prod' });
    expect(state.rows.map((r) => r.workload.name)).toEqual(['abc', 'ab', 'a', 'new']);
    expect(state.rows.at(-1)).toMatchObject({ problem: expect.stringMatching(/Only 2 five-minute buckets/) });
  });

  it('a second call while one round runs does not start another', async () => {
    let calls = 0;
    const store = createScalingOverviewStore({
      call: async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return advice(1);
      },
    } as never);
    await Promise.all([store.getState().advise([ref('a')], 'c'), store.getState().advise([ref('a')], 'c')]);
    expect(calls).toBe(1);
  });
});
