import { describe, expect, it, vi } from 'vitest';
import type { EventName, MethodName, PayloadOf, ResultOf } from '../../../core/contract/index.ts';
import { ApiError } from '../api/apiError.ts';
import type { ApiClient } from '../api/client.ts';
import type { HostLink } from '../api/hostLink.ts';
import { connectionStatus, historyStatus, nodeRow, snapshot } from '../testing/fixtures.ts';
import { connectStores, createStores } from './connectStores.ts';

type Answers = { [M in MethodName]?: () => Promise<ResultOf<M>> };

/** An api whose calls answer from `answers` and whose events the test emits by hand. */
function fakeApi(answers: Answers) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: string[] = [];
  const api: ApiClient = {
    call(method) {
      calls.push(method);
      const answer = answers[method];
      if (!answer) return Promise.reject(new Error(`unexpected ${method}`));
      return answer() as never;
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  const emit = <E extends EventName>(name: E, payload: PayloadOf<E>) =>
    listeners.get(name)?.forEach((listener) => listener(payload));
  return { api, emit, calls };
}

function fakeLink(initial: HostLink) {
  let link = initial;
  const listeners = new Set<(link: HostLink) => void>();
  return {
    link: () => link,
    onLink(listener: (link: HostLink) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: HostLink) {
      link = next;
      listeners.forEach((listener) => listener(next));
    },
  };
}

const appStatus: ResultOf<'app.status'> = {
  version: '0.1.0',
  host: 'web',
  connection: connectionStatus(),
  history: historyStatus({ sampleCount: 42 }),
};

describe('connectStores', () => {
  it('loads app.status and nodes.list once the link is up, and again after every reconnect', async () => {
    const { api, calls } = fakeApi({
      'app.status': async () => appStatus,
      'nodes.list': async () => snapshot(10, [nodeRow()]),
    });
    const link = fakeLink({ state: 'connecting', failures: 0 });
    const stores = createStores();
    connectStores(api, link, stores);
    expect(calls).toEqual([]);

    link.set({ state: 'up', failures: 0 });
    await vi.waitFor(() => expect(stores.nodes.getState().snapshot?.at).toBe(10));
    expect(stores.connection.getState().status?.context).toBe('foresight-demo');
    expect(stores.history.getState().status?.sampleCount).toBe(42);

    link.set({ state: 'down', failures: 1, message: 'gone' });
    expect(stores.connection.getState().link.state).toBe('down');
    link.set({ state: 'up', failures: 0 });
    await vi.waitFor(() => expect(calls).toHaveLength(4));
  });

  it('applies pushed events to the matching store', () => {
    const { api, emit } = fakeApi({});
    const stores = createStores();
    connectStores(api, fakeLink({ state: 'connecting', failures: 0 }), stores);
    emit('connection', connectionStatus({ state: 'degraded', message: 'metrics down', since: 5 }));
    emit('history', historyStatus({ state: 'unavailable', message: 'disk full' }));
    emit('nodes', snapshot(7, [nodeRow({ name: 'x' })]));
    expect(stores.connection.getState().status?.state).toBe('degraded');
    expect(stores.history.getState().status?.message).toBe('disk full');
    expect(stores.nodes.getState().snapshot?.nodes[0]?.name).toBe('x');
  });

  it('records start-up failures where the UI shows them', async () => {
    const failure = new ApiError('app.status', {
      code: 'Unavailable',
      message: 'Backend starting.',
      hint: 'Wait.',
    });
    const { api } = fakeApi({
      'app.status': () => Promise.reject(failure),
      'nodes.list': () =>
        Promise.reject(new ApiError('nodes.list', { code: 'ClusterError', message: 'ECONNREFUSED' })),
    });
    const stores = createStores();
    connectStores(api, fakeLink({ state: 'up', failures: 0 }), stores);
    await vi.waitFor(() => expect(stores.nodes.getState().loadError).toBe('ECONNREFUSED'));
    expect(stores.connection.getState().loadError).toBe('Backend starting. Wait.');
  });

  it('stops listening when disconnected', () => {
    const { api, emit } = fakeApi({});
    const stores = createStores();
    const stop = connectStores(api, fakeLink({ state: 'connecting', failures: 0 }), stores);
    stop();
    emit('nodes', snapshot(7, []));
    expect(stores.nodes.getState().snapshot).toBeNull();
  });
});
