import { describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '../../../core/contract/index.ts';
import { createSettingsStore } from './settingsStore.ts';

const view = (paths: string[]): SettingsView => ({
  extraKubeconfigPaths: paths,
  retentionDays: 7,
  kubeconfigFiles: ['/home/me/.kube/config', ...paths],
  problems: [],
  llm: { enabled: false, model: 'claude-sonnet-4-5', keySet: false, keyStorage: 'session' },
});

describe('settingsStore', () => {
  it('adds and removes extra kubeconfig paths through settings.update, ignoring blanks and repeats', async () => {
    const call = vi.fn(async (method: string, params: unknown) => {
      if (method === 'settings.get') return view(['/a']);
      return view((params as { extraKubeconfigPaths: string[] }).extraKubeconfigPaths);
    });
    const store = createSettingsStore({ call: call as never });
    await store.getState().load();
    expect(await store.getState().addKubeconfigPath('  ')).toBe(false);
    expect(await store.getState().addKubeconfigPath('/a')).toBe(false);
    expect(await store.getState().addKubeconfigPath(' /b ')).toBe(true);
    expect(store.getState().view?.extraKubeconfigPaths).toEqual(['/a', '/b']);
    await store.getState().removeKubeconfigPath('/a');
    expect(call).toHaveBeenLastCalledWith('settings.update', { extraKubeconfigPaths: ['/b'] });
  });

  it('keeps the error of a refused update and the result of each check', async () => {
    const call = vi.fn(async (method: string) => {
      if (method === 'settings.update') throw new Error('retentionDays: too small');
      return { context: 'prod', reachable: false, message: 'connection refused', tookMs: 3 };
    });
    const store = createSettingsStore({ call: call as never });
    expect(await store.getState().update({ retentionDays: 0 })).toBe(false);
    expect(store.getState().error).toMatch(/too small/);
    // A picker entry carries more than the reference; only the reference is sent.
    const entry = {
      source: 'kubeconfig' as const,
      name: 'prod',
      cluster: 'c',
      user: 'u',
      namespace: '',
      current: false,
    };
    await store.getState().check(entry);
    expect(call).toHaveBeenLastCalledWith('contexts.check', { source: 'kubeconfig', name: 'prod' });
    expect(store.getState().checks['kubeconfig:prod']).toMatchObject({
      reachable: false,
      message: 'connection refused',
    });
  });
});
