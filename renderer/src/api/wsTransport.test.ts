import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventEnvelope, ReplyEnvelope } from '../../../core/contract/index.ts';
import { fakeSocketFactory } from '../testing/fakeSocket.ts';
import type { HostLink } from './hostLink.ts';
import { createWsTransport } from './wsTransport.ts';

function request(id: string | number, method = 'app.status') {
  return { kind: 'request', id, method, params: {} };
}

function setup(requestTimeoutMs = 1000) {
  const factory = fakeSocketFactory();
  const transport = createWsTransport({
    url: 'ws://127.0.0.1:1/contract?token=t',
    openSocket: factory.open,
    requestTimeoutMs,
    backoff: (failures) => failures * 100,
  });
  const links: HostLink[] = [];
  transport.onLink((link) => links.push(link));
  return { factory, transport, links };
}

/** Lets promise callbacks run without moving fake time. */
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createWsTransport', () => {
  it('queues requests until the socket opens, then sends them in order', () => {
    const { factory, transport } = setup();
    void transport.request(request(1));
    void transport.request(request(2, 'nodes.list'));
    expect(factory.last().sent).toEqual([]);
    factory.last().handlers.open();
    expect(
      factory
        .last()
        .requests()
        .map((r) => [r.id, r.method]),
    ).toEqual([
      [1, 'app.status'],
      [2, 'nodes.list'],
    ]);
    expect(transport.link().state).toBe('up');
  });

  it('matches replies to requests by id, whatever order they arrive in', async () => {
    const { factory, transport } = setup();
    factory.last().handlers.open();
    const first = transport.request(request('a'));
    const second = transport.request(request('b'));
    factory.last().reply('b', { n: 2 });
    factory.last().reply('a', { n: 1 });
    await expect(first).resolves.toMatchObject({ ok: true, id: 'a', result: { n: 1 } });
    await expect(second).resolves.toMatchObject({ ok: true, id: 'b', result: { n: 2 } });
  });

  it('passes error replies through untouched', async () => {
    const { factory, transport } = setup();
    factory.last().handlers.open();
    const pending = transport.request(request(7));
    const error = { code: 'ClusterError', message: 'connect ECONNREFUSED' };
    factory.last().handlers.message(JSON.stringify({ kind: 'reply', id: 7, ok: false, error }));
    await expect(pending).resolves.toEqual({ kind: 'reply', id: 7, ok: false, error });
  });

  it('times out a request with a clear Unavailable error and ignores a late reply', async () => {
    const { factory, transport } = setup(1000);
    factory.last().handlers.open();
    let reply: ReplyEnvelope | undefined;
    void transport.request(request(1, 'nodes.list')).then((r) => (reply = r));
    await vi.advanceTimersByTimeAsync(999);
    expect(reply).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(reply).toMatchObject({ ok: false, id: 1, error: { code: 'Unavailable' } });
    expect(reply && !reply.ok ? reply.error.message : '').toBe('No reply to nodes.list within 1 s.');
    factory.last().reply(1, {});
    await flush();
    expect(reply?.ok).toBe(false);
  });

  it('delivers events to every listener until it unsubscribes', () => {
    const { factory, transport } = setup();
    factory.last().handlers.open();
    const a: EventEnvelope[] = [];
    const b: EventEnvelope[] = [];
    transport.onEvent((e) => a.push(e));
    const stopB = transport.onEvent((e) => b.push(e));
    const event = { kind: 'event', name: 'history', payload: { x: 1 } };
    factory.last().handlers.message(JSON.stringify(event));
    stopB();
    factory.last().handlers.message(JSON.stringify(event));
    expect(a).toHaveLength(2);
    expect(b).toEqual([event]);
  });

  it.each([
    ['not JSON', 'hello'],
    ['a reply without an ok flag', JSON.stringify({ kind: 'reply', id: 1 })],
    ['an unknown kind', JSON.stringify({ kind: 'gossip' })],
  ])('ignores %s without failing pending requests', async (_label, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { factory, transport } = setup();
    factory.last().handlers.open();
    const pending = transport.request(request(1));
    factory.last().handlers.message(message);
    factory.last().reply(1, 'fine');
    await expect(pending).resolves.toMatchObject({ ok: true, result: 'fine' });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it.each([
    ['no id', { kind: 'request', method: 'app.status' }, 'A request needs an id.'],
    ['not an object', 42, 'A request needs an id.'],
  ])('refuses a request with %s', async (_label, envelope, message) => {
    const { transport } = setup();
    await expect(transport.request(envelope)).resolves.toMatchObject({
      ok: false,
      error: { code: 'BadRequest', message },
    });
  });

  it('refuses a second request with an id that is still pending', async () => {
    const { factory, transport } = setup();
    factory.last().handlers.open();
    void transport.request(request(1));
    await expect(transport.request(request(1))).resolves.toMatchObject({
      ok: false,
      error: { code: 'BadRequest' },
    });
    expect(factory.last().sent).toHaveLength(1);
  });

  it('fails requests in flight when the socket drops, reports the link down, and reconnects with back-off', async () => {
    const { factory, transport, links } = setup(60_000);
    factory.last().handlers.open();
    const inFlight = transport.request(request(1));
    factory.last().handlers.close(1006, '');
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'Unavailable' } });
    expect(transport.link()).toMatchObject({ state: 'down', failures: 1 });
    expect(transport.link().message).toContain('code 1006');

    // Made while down: waits for the next socket instead of failing.
    const queued = transport.request(request(2));
    await vi.advanceTimersByTimeAsync(99);
    expect(factory.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(factory.sockets).toHaveLength(2);

    // The second attempt fails too: the next delay grows.
    factory.last().handlers.close(1006, '');
    expect(transport.link().failures).toBe(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(factory.sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(factory.sockets).toHaveLength(3);

    factory.last().handlers.open();
    expect(
      factory
        .last()
        .requests()
        .map((r) => r.id),
    ).toEqual([2]);
    factory.last().reply(2, 'back');
    await expect(queued).resolves.toMatchObject({ ok: true, result: 'back' });
    expect(links.map((l) => l.state)).toEqual(['up', 'down', 'down', 'up']);
    expect(transport.link().failures).toBe(0);
  });

  it('ignores callbacks from a socket it has replaced', () => {
    const { factory, transport } = setup();
    const stale = factory.last();
    stale.handlers.close(1006, '');
    vi.advanceTimersByTime(100);
    factory.last().handlers.open();
    stale.handlers.close(1006, '');
    expect(transport.link().state).toBe('up');
  });

  it('on close, answers everything pending, closes the socket and stops reconnecting', async () => {
    const { factory, transport } = setup();
    factory.last().handlers.open();
    const pending = transport.request(request(1));
    transport.close();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'Unavailable' } });
    expect(factory.last().closedWith).toEqual({ code: 1000, reason: 'renderer closed' });
    factory.last().handlers.close(1000, '');
    vi.advanceTimersByTime(60_000);
    expect(factory.sockets).toHaveLength(1);
  });
});
