import { describe, expect, it } from 'vitest';
import { createPlacementStore, placementSource } from './placementStore.ts';

describe('placementSource', () => {
  it.each([
    { state: { input: 'spec', specText: '  ', chosen: '' }, expected: 'Paste a pod spec first.' },
    {
      state: { input: 'spec', specText: 'containers: []', chosen: '' },
      expected: { kind: 'spec', text: 'containers: []' },
    },
    {
      state: { input: 'pending', specText: '', chosen: 'shop/web-1' },
      expected: { kind: 'pending', namespace: 'shop', name: 'web-1' },
    },
    { state: { input: 'pending', specText: '', chosen: '' }, expected: 'Choose a pending pod first.' },
    {
      state: { input: 'workload', specText: '', chosen: 'StatefulSet/db/pg' },
      expected: { kind: 'workload', workloadKind: 'StatefulSet', namespace: 'db', name: 'pg' },
    },
  ] as const)('$state.input $state.chosen', ({ state, expected }) => {
    expect(placementSource(state)).toEqual(expected);
  });
});

describe('createPlacementStore', () => {
  it('asks nothing of the backend without input, and shows the backend error as it says it', async () => {
    const calls: string[] = [];
    const store = createPlacementStore({
      call: (method: string) => {
        calls.push(method);
        return Promise.reject(new Error('The spec does not parse as YAML at line 2'));
      },
    } as never);
    await store.getState().rank();
    expect(calls).toEqual([]);
    expect(store.getState().error).toBe('Paste a pod spec first.');
    store.getState().setSpecText('kind: Pod\nspec: [');
    await store.getState().rank();
    expect(calls).toEqual(['placement.advise']);
    expect(store.getState()).toMatchObject({
      phase: 'failed',
      error: 'The spec does not parse as YAML at line 2',
    });
  });

  it('keeps the node advice of the newest ranking, and of a load without a pod', async () => {
    const cordon = {
      node: 'node-03',
      action: 'cordon',
      reasons: ['failed twice'],
      since: '2026-01-01T00:00:00Z',
    };
    let advice: unknown[] = [cordon];
    const store = createPlacementStore({
      call: (method: string) =>
        Promise.resolve(
          method === 'placement.nodeAdvice'
            ? advice
            : { pod: 'p', nodes: [], plugins: [], nodeAdvice: advice },
        ),
    } as never);
    expect(store.getState().nodeAdvice).toBeNull();
    await store.getState().loadNodeAdvice();
    expect(store.getState().nodeAdvice).toEqual([cordon]);
    advice = [];
    // A fresh read is not repeated within the age asked for; an older one is.
    await store.getState().refreshNodeAdvice(60_000);
    expect(store.getState().nodeAdvice).toEqual([cordon]);
    await store.getState().refreshNodeAdvice(0);
    expect(store.getState().nodeAdvice).toEqual([]);
    advice = [cordon];
    await store.getState().loadNodeAdvice();
    advice = [];
    store.getState().setSpecText('containers: []');
    await store.getState().rank();
    expect(store.getState().nodeAdvice).toEqual([]);
  });

  it('says why the node advice could not be read, and forgets it on the next good read', async () => {
    let fail = true;
    const store = createPlacementStore({
      call: () =>
        fail
          ? Promise.reject(new Error('No cluster is connected: pick a context first.'))
          : Promise.resolve([]),
    } as never);
    await store.getState().loadNodeAdvice();
    expect(store.getState()).toMatchObject({
      nodeAdvice: null,
      nodeAdviceError: 'No cluster is connected: pick a context first.',
    });
    fail = false;
    await store.getState().loadNodeAdvice();
    expect(store.getState()).toMatchObject({ nodeAdvice: [], nodeAdviceError: null });
  });
});
