import { describe, expect, it, vi } from 'vitest';
import type {
  ContractTransport,
  EventEnvelope,
  ReplyEnvelope,
  ResultOf,
} from '../../../core/contract/index.ts';
import { connectionStatus, historyStatus, snapshot } from '../testing/fixtures.ts';
import { ApiError, describeFailure } from './apiError.ts';
import { createApiClient } from './client.ts';

/** A transport that answers every request with `answer(envelope)` and lets the test emit events. */
function fakeTransport(answer: (envelope: { id: number; method: string }) => ReplyEnvelope) {
  const listeners = new Set<(event: EventEnvelope) => void>();
  const sent: unknown[] = [];
  const transport: ContractTransport = {
    request: async (envelope) => {
      sent.push(envelope);
      return answer(envelope as { id: number; method: string });
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (name: string, payload: unknown) =>
    listeners.forEach((listener) => listener({ kind: 'event', name, payload } as EventEnvelope));
  return { transport, sent, emit };
}

const appStatus: ResultOf<'app.status'> = {
  version: '0.1.0',
  host: 'web',
  connection: connectionStatus(),
  history: historyStatus(),
};

describe('createApiClient.call', () => {
  it('sends a request envelope with a fresh id and returns the validated result', async () => {
    const { transport, sent } = fakeTransport(({ id }) => ({
      kind: 'reply',
      id,
      ok: true,
      result: appStatus,
    }));
    const api = createApiClient(transport);
    await expect(api.call('app.status', {})).resolves.toEqual(appStatus);
    await api.call('app.status', {});
    expect(sent).toEqual([
      { kind: 'request', id: 1, method: 'app.status', params: {} },
      { kind: 'request', id: 2, method: 'app.status', params: {} },
    ]);
  });

  it('throws an ApiError carrying the contract error of an error reply', async () => {
    const error = {
      code: 'ClusterError' as const,
      message: 'connect ECONNREFUSED',
      hint: 'Is the cluster up?',
    };
    const { transport } = fakeTransport(({ id }) => ({ kind: 'reply', id, ok: false, error }));
    const failure = await createApiClient(transport)
      .call('nodes.list', {})
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ method: 'nodes.list', code: 'ClusterError', error });
    expect(describeFailure(failure)).toBe('connect ECONNREFUSED Is the cluster up?');
  });

  it.each([
    ['a missing field', { at: 1, nodes: [] }, 'metricsAvailable'],
    ['a wrong type', { at: 'now', nodes: [], metricsAvailable: true }, 'at'],
  ])('turns a result with %s into an Internal ApiError', async (_label, result, path) => {
    const { transport } = fakeTransport(
      ({ id }) => ({ kind: 'reply', id, ok: true, result }) as unknown as ReplyEnvelope,
    );
    const failure = await createApiClient(transport)
      .call('nodes.list', {})
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'Internal' });
    expect((failure as ApiError).error.message).toContain(path);
  });
});

describe('createApiClient.on', () => {
  it('delivers only the named event, and only payloads that match its schema', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { transport, emit } = fakeTransport(() => {
      throw new Error('unused');
    });
    const received: unknown[] = [];
    const stop = createApiClient(transport).on('nodes', (payload) => received.push(payload));
    const good = snapshot(5, []);
    emit('history', historyStatus());
    emit('nodes', { at: 'bad' });
    emit('nodes', good);
    stop();
    emit('nodes', snapshot(6, []));
    expect(received).toEqual([good]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
