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

describe('LLM explanations on the Scaling page', () => {
  const written = {
    status: 'written',
    plain: ['- predictive-replicas (confidence medium): Scale to 7.'],
    text: 'Scale web to 7 pods before the load comes.',
    model: 'claude-sonnet-4-5',
    message: null,
    unverifiedNumbers: [],
  };

  it('shows the button only when Settings turned LLM explanations on, and asks for the open workload', async () => {
    const calls: [string, unknown][] = [];
    let enabled = false;
    const store = createScalingStore({
      call: (method: string, params: unknown) => {
        calls.push([method, params]);
        if (method === 'settings.get') return Promise.resolve({ llm: { enabled } });
        if (method === 'scaling.workloads') return Promise.resolve({ workloads: [web] });
        if (method === 'scaling.advise') return Promise.resolve({ workload: 'shop/web' });
        return Promise.resolve(written);
      },
    } as never);
    await store.getState().loadLlmSetting();
    expect(store.getState().llmEnabled).toBe(false);
    enabled = true;
    await store.getState().loadLlmSetting();
    expect(store.getState().llmEnabled).toBe(true);
    await store.getState().loadWorkloads();
    await store.getState().open('shop/Deployment/web');
    await store.getState().explain();
    expect(calls.at(-1)).toEqual(['scaling.explainWithLlm', { workload: web }]);
    expect(store.getState()).toMatchObject({ explaining: false, explanation: written, explainError: null });
    // Opening another workload (or the same again) forgets the old explanation.
    await store.getState().open('shop/Deployment/web');
    expect(store.getState().explanation).toBeNull();
  });

  it('a failed call leaves the advice and says why; settings that cannot load hide the button', async () => {
    const store = createScalingStore({
      call: (method: string) => {
        if (method === 'scaling.workloads') return Promise.resolve({ workloads: [web] });
        if (method === 'scaling.advise') return Promise.resolve({ workload: 'shop/web' });
        return Promise.reject(new Error('The backend is gone'));
      },
    } as never);
    await store.getState().loadLlmSetting();
    expect(store.getState().llmEnabled).toBe(false);
    await store.getState().loadWorkloads();
    await store.getState().open('shop/Deployment/web');
    await store.getState().explain();
    expect(store.getState()).toMatchObject({ phase: 'done', explaining: false, explanation: null });
    expect(store.getState().explainError).toMatch(/The backend is gone/);
  });
});
