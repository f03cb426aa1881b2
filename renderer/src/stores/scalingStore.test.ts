import { describe, expect, it } from 'vitest';
import { createScalingStore } from './scalingStore.ts';

const web = { namespace: 'shop', kind: 'Deployment', name: 'web' } as const;

describe('createScalingStore', () => {
  it('lists workloads, opens one, and shows the backend error in its own words', async () => {
    const calls: [string, unknown][] = [];
    const store = createScalingStore({
      call: (method: string, params: unknown) => {
        calls.push([method, params]);
        if (method === 'scaling.workloads') return Promise.resolve({ workloads: [web] });
        return Promise.reject(new Error('Only 2 five-minute buckets of usage are recorded for shop/web'));
      },
    } as never);
    await store.getState().loadWorkloads();
    expect(store.getState().workloads).toEqual([web]);
    await store.getState().open('shop/Deployment/web');
    expect(calls.at(-1)).toEqual(['scaling.advise', { workload: web }]);
    expect(store.getState()).toMatchObject({ phase: 'failed', advice: null });
    expect(store.getState().error).toMatch(/Only 2 five-minute buckets/);
  });

  it('choosing nothing (or a workload that went away) asks nothing', async () => {
    const calls: string[] = [];
    const store = createScalingStore({
      call: (method: string) => {
        calls.push(method);
        return Promise.resolve({ workloads: [] });
      },
    } as never);
    await store.getState().open('shop/Deployment/gone');
    expect(calls).toEqual([]);
    expect(store.getState()).toMatchObject({ chosen: '', phase: 'idle' });
  });
});
