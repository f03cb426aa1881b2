import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReplyEnvelope } from '../../../core/contract/index.ts';
import { createIpcTransport, isForesightBridge } from './ipcTransport.ts';
import { contractSocketUrl } from './createTransport.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('isForesightBridge', () => {
  it.each<[unknown, boolean]>([
    [undefined, false],
    [{}, false],
    [{ request: () => 1 }, false],
    [{ request: () => 1, onEvent: () => 1 }, true],
  ])('%o → %s', (value, expected) => {
    expect(isForesightBridge(value)).toBe(expected);
  });
});

describe('createIpcTransport', () => {
  const envelope = { kind: 'request', id: 3, method: 'nodes.list', params: {} };

  it('turns a rejected IPC call into an Unavailable reply', async () => {
    const transport = createIpcTransport({
      request: () => Promise.reject(new Error('ipc closed')),
      onEvent: () => () => {},
    });
    await expect(transport.request(envelope)).resolves.toMatchObject({
      id: 3,
      ok: false,
      error: { code: 'Unavailable', message: 'The host could not deliver nodes.list: ipc closed' },
    });
    expect(transport.link().state).toBe('up');
  });

  it('times out a request the backend never answers', async () => {
    vi.useFakeTimers();
    const transport = createIpcTransport(
      { request: () => new Promise<ReplyEnvelope>(() => {}), onEvent: () => () => {} },
      500,
    );
    const reply = transport.request(envelope);
    await vi.advanceTimersByTimeAsync(500);
    await expect(reply).resolves.toMatchObject({ ok: false, error: { code: 'Unavailable' } });
  });
});

describe('contractSocketUrl', () => {
  it.each([
    [
      { protocol: 'http:', host: '127.0.0.1:5123', search: '?token=abc' },
      'ws://127.0.0.1:5123/contract?token=abc',
    ],
    [
      { protocol: 'https:', host: 'example:443', search: '?x=1&token=a%2Bb' },
      'wss://example:443/contract?token=a%2Bb',
    ],
    [{ protocol: 'http:', host: '127.0.0.1:1', search: '' }, 'ws://127.0.0.1:1/contract?token='],
  ])('%o → %s', (location, expected) => {
    expect(contractSocketUrl(location)).toBe(expected);
  });
});
