import { describe, expect, it } from 'vitest';
import type { HostLink } from '../api/hostLink.ts';
import { connectionStatus, historyStatus } from '../testing/fixtures.ts';
import { createConnectionStore, indicatorFor, type ConnectionState } from './connectionStore.ts';

const up: HostLink = { state: 'up', failures: 0 };
const down: HostLink = {
  state: 'down',
  failures: 2,
  message: 'Lost the link to the Foresight host (code 1006).',
};

describe('connection store', () => {
  it('keeps the newest status when app.status and a connection event cross', () => {
    const store = createConnectionStore();
    const newer = connectionStatus({ state: 'disconnected', since: 2000, message: 'ECONNREFUSED' });
    store.getState().applyStatus(newer);
    store.getState().applyAppStatus({
      version: '0.1.0',
      host: 'web',
      connection: connectionStatus({ since: 1000 }),
      history: historyStatus(),
    });
    expect(store.getState().status).toBe(newer);
    expect(store.getState().app).toEqual({ version: '0.1.0', host: 'web' });
    store.getState().applyStatus(connectionStatus({ since: 3000 }));
    expect(store.getState().status?.state).toBe('connected');
  });

  it('clears the load error when app.status succeeds', () => {
    const store = createConnectionStore();
    store.getState().setLoadError('No reply');
    store.getState().applyAppStatus({
      version: '1',
      host: 'web',
      connection: connectionStatus(),
      history: historyStatus(),
    });
    expect(store.getState().loadError).toBeNull();
  });
});

describe('indicatorFor', () => {
  type Input = Pick<ConnectionState, 'status' | 'link' | 'loadError'>;
  it.each<[string, Input, ReturnType<typeof indicatorFor>]>([
    [
      'connected: no message',
      { status: connectionStatus(), link: up, loadError: null },
      { state: 'connected', context: 'foresight-demo', message: undefined },
    ],
    [
      'disconnected: the backend message',
      {
        status: connectionStatus({ state: 'disconnected', message: 'Cannot reach https://x: ECONNREFUSED' }),
        link: up,
        loadError: null,
      },
      { state: 'disconnected', context: 'foresight-demo', message: 'Cannot reach https://x: ECONNREFUSED' },
    ],
    [
      'degraded: the backend message',
      {
        status: connectionStatus({ state: 'degraded', message: 'metrics.k8s.io 503' }),
        link: up,
        loadError: null,
      },
      { state: 'degraded', context: 'foresight-demo', message: 'metrics.k8s.io 503' },
    ],
    [
      'host link down trumps a stale connected',
      { status: connectionStatus(), link: down, loadError: null },
      {
        state: 'disconnected',
        context: 'foresight-demo',
        message: 'Lost the link to the Foresight host; reconnecting…',
      },
    ],
    [
      'no status yet',
      { status: null, link: { state: 'connecting', failures: 0 }, loadError: null },
      { state: 'connecting', context: '', message: 'Waiting for the Foresight backend…' },
    ],
    [
      'no status and app.status failed',
      { status: null, link: up, loadError: 'No reply to app.status within 15 s.' },
      { state: 'disconnected', context: '', message: 'No reply to app.status within 15 s.' },
    ],
  ])('%s', (_label, input, expected) => {
    expect(indicatorFor(input)).toEqual(expected);
  });
});
