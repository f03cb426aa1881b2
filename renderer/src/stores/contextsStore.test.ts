import { describe, expect, it, vi } from 'vitest';
import type { ContextsList } from '../../../core/contract/index.ts';
import { ApiError } from '../api/apiError.ts';
import { contextKey, createContextsStore, parseContextKey } from './contextsStore.ts';

const list = (selected: string): ContextsList => ({
  contexts: [
    { source: 'kubeconfig', name: 'alpha', cluster: 'a', user: 'u', namespace: '', current: true },
    { source: 'kubeconfig', name: 'beta', cluster: 'b', user: 'u', namespace: 'ns', current: false },
    {
      source: 'demo',
      name: 'foresight-demo',
      cluster: 'simulated',
      user: 'admin',
      namespace: '',
      current: false,
    },
  ],
  selected: { source: 'kubeconfig', name: selected },
  problems: [],
  files: ['/k'],
});

describe('contextsStore', () => {
  it('selects another context, telling views to clear first, and takes the new list', async () => {
    const call = vi.fn(async (method: string) => (method === 'contexts.list' ? list('alpha') : list('beta')));
    const onSwitch = vi.fn();
    const store = createContextsStore({ api: { call } as never, onSwitch });
    await store.getState().load();
    await store.getState().select({ source: 'kubeconfig', name: 'beta' });
    expect(onSwitch).toHaveBeenCalledWith({ source: 'kubeconfig', name: 'beta' });
    expect(call).toHaveBeenLastCalledWith('contexts.select', { source: 'kubeconfig', name: 'beta' });
    expect(store.getState()).toMatchObject({
      switchingTo: null,
      error: null,
      list: { selected: { name: 'beta' } },
    });
  });

  it('does nothing when the selected context is picked again', async () => {
    const call = vi.fn(async () => list('alpha'));
    const store = createContextsStore({ api: { call } as never });
    await store.getState().load();
    await store.getState().select({ source: 'kubeconfig', name: 'alpha' });
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('says why a switch failed', async () => {
    const call = vi.fn(async (method: string) => {
      if (method === 'contexts.list') return list('alpha');
      throw new ApiError('contexts.select', {
        code: 'BadRequest',
        message: 'There is no kubeconfig context "x".',
      });
    });
    const store = createContextsStore({ api: { call } as never });
    await store.getState().load();
    await store.getState().select({ source: 'kubeconfig', name: 'x' });
    expect(store.getState().error).toMatch(/Could not switch to x: .*no kubeconfig context/);
    expect(store.getState().switchingTo).toBeNull();
  });

  it.each([
    ['kubeconfig:prod:eu', { source: 'kubeconfig', name: 'prod:eu' }],
    ['demo:foresight-demo', { source: 'demo', name: 'foresight-demo' }],
    ['nonsense', null],
    ['other:x', null],
  ])('parses the option key %s', (key, ref) => {
    expect(parseContextKey(key)).toEqual(ref);
    if (ref) expect(contextKey(ref as never)).toBe(key);
  });
});
