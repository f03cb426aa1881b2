import { describe, expect, it, vi } from 'vitest';
import type { ContractHandler, EventEnvelope, ReplyEnvelope } from '../core/contract/index.ts';
import { deferredContractHandler } from './deferred-handler.ts';

vi.mock('electron', () => ({}));

const reply: ReplyEnvelope = { kind: 'reply', id: 1, ok: true, result: { node: 'n', points: [] } };
const event: EventEnvelope = {
  kind: 'event',
  name: 'nodes',
  payload: { at: 1, nodes: [], metricsAvailable: true },
};

function fakeBackend() {
  const listeners = new Set<(event: EventEnvelope) => void>();
  const backend: ContractHandler = {
    handle: vi.fn(async () => reply),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { backend, emit: (e: EventEnvelope) => listeners.forEach((l) => l(e)) };
}

describe('deferredContractHandler', () => {
  it('holds requests until the backend is up, then forwards them', async () => {
    const { backend } = fakeBackend();
    let start: (b: ContractHandler) => void = () => undefined;
    const handler = deferredContractHandler(new Promise((resolve) => (start = resolve)));
    const pending = handler.handle({ kind: 'request', id: 1, method: 'app.status' });
    start(backend);
    await expect(pending).resolves.toEqual(reply);
    expect(backend.handle).toHaveBeenCalledTimes(1);
  });

  it('answers Unavailable, with the reason, when the backend failed to start', async () => {
    const handler = deferredContractHandler(Promise.reject(new Error('no disk')));
    await expect(handler.handle({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'Unavailable', message: expect.stringContaining('no disk') },
    });
  });

  it('subscribes to events once the backend is up, and unsubscribes', async () => {
    const { backend, emit } = fakeBackend();
    const ready = Promise.resolve(backend);
    const handler = deferredContractHandler(ready);
    const received: EventEnvelope[] = [];
    const unsubscribe = handler.onEvent((e) => received.push(e));
    await ready;
    emit(event);
    unsubscribe();
    emit(event);
    expect(received).toEqual([event]);
  });

  it('never subscribes when unsubscribed before the backend is up', async () => {
    const { backend, emit } = fakeBackend();
    const ready = Promise.resolve(backend);
    const received: EventEnvelope[] = [];
    deferredContractHandler(ready).onEvent((e) => received.push(e))();
    await ready;
    emit(event);
    expect(received).toEqual([]);
  });
});
