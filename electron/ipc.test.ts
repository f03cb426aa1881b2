import { describe, expect, it, vi } from 'vitest';
import type { ContractHandler, EventEnvelope, ReplyEnvelope } from '../core/contract/index.ts';
import { CONTRACT_EVENT_CHANNEL, CONTRACT_REQUEST_CHANNEL } from './channels.ts';
import { registerContractIpc, type EventTargetLike, type InvokeEventLike, type IpcMainLike } from './ipc.ts';
import { isTrustedFrame, type FrameLike } from './trusted-sender.ts';

vi.mock('electron', () => ({}));

const appUrl = 'file:///app/dist/renderer/index.html';
const okReply: ReplyEnvelope = { kind: 'reply', id: 1, ok: true, result: { node: 'n', points: [] } };
const request = { kind: 'request', id: 1, method: 'app.status', params: {} };
const nodesEvent: EventEnvelope = {
  kind: 'event',
  name: 'nodes',
  payload: { at: 1, nodes: [], metricsAvailable: false },
};

type InvokeListener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

function setup(handle: ContractHandler['handle'] = async () => okReply) {
  const listeners = new Map<string, InvokeListener>();
  const ipcMain: IpcMainLike = {
    handle: vi.fn((channel: string, listener: InvokeListener) => void listeners.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void listeners.delete(channel)),
  };
  let emit: (event: EventEnvelope) => void = () => undefined;
  const unsubscribe = vi.fn();
  const handler = {
    handle: vi.fn(handle),
    onEvent: vi.fn((listener: (event: EventEnvelope) => void) => {
      emit = listener;
      return unsubscribe;
    }),
  };
  const targets: EventTargetLike[] = [];
  const dispose = registerContractIpc({
    ipcMain,
    handler,
    isTrustedSender: (frame) => isTrustedFrame(frame, appUrl),
    eventTargets: () => targets,
  });
  const invoke = (frame: FrameLike | null, raw: unknown) => {
    const listener = listeners.get(CONTRACT_REQUEST_CHANNEL);
    if (!listener) throw new Error('no handler registered');
    return listener({ senderFrame: frame }, raw);
  };
  return {
    ipcMain,
    handler,
    targets,
    dispose,
    invoke,
    emit: (e: EventEnvelope) => emit(e),
    unsubscribe,
    listeners,
  };
}

function target(url: string, destroyed = false) {
  const send = vi.fn<EventTargetLike['send']>();
  const result: EventTargetLike = { mainFrame: { url, parent: null }, isDestroyed: () => destroyed, send };
  return { ...result, send };
}

describe('registerContractIpc', () => {
  it('handles only the request channel', () => {
    const { ipcMain } = setup();
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle).toHaveBeenCalledWith(CONTRACT_REQUEST_CHANNEL, expect.any(Function));
  });

  it('forwards requests from the app frame to the backend and returns its reply', async () => {
    const { handler, invoke } = setup();
    await expect(invoke({ url: appUrl, parent: null }, request)).resolves.toEqual(okReply);
    expect(handler.handle).toHaveBeenCalledWith(request);
  });

  it.each<[string, FrameLike | null]>([
    ['a web page', { url: 'https://evil.example/', parent: null }],
    ['another local file', { url: 'file:///tmp/evil.html', parent: null }],
    ['an iframe inside the app', { url: appUrl, parent: { url: appUrl, parent: null } }],
    ['devtools', { url: 'devtools://devtools/bundled/devtools_app.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses %s without calling the backend', async (_name, frame) => {
    const { handler, invoke } = setup();
    const reply = (await invoke(frame, request)) as ReplyEnvelope;
    expect(reply).toMatchObject({ kind: 'reply', id: null, ok: false, error: { code: 'BadRequest' } });
    expect(handler.handle).not.toHaveBeenCalled();
  });

  it('turns a throwing backend into a typed Internal reply', async () => {
    const { invoke } = setup(async () => {
      throw new Error('boom');
    });
    const reply = (await invoke({ url: appUrl, parent: null }, request)) as ReplyEnvelope;
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'Internal', message: expect.stringContaining('boom') },
    });
  });

  it('pushes events only to live windows showing the app', () => {
    const { targets, emit } = setup();
    const app = target(appUrl);
    const elsewhere = target('https://example.com/');
    const closed = target(appUrl, true);
    targets.push(app, elsewhere, closed);
    emit(nodesEvent);
    expect(app.send).toHaveBeenCalledWith(CONTRACT_EVENT_CHANNEL, nodesEvent);
    expect(elsewhere.send).not.toHaveBeenCalled();
    expect(closed.send).not.toHaveBeenCalled();
  });

  it('undoes the wiring when disposed', () => {
    const { dispose, ipcMain, unsubscribe, listeners } = setup();
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(CONTRACT_REQUEST_CHANNEL);
    expect(listeners.size).toBe(0);
    expect(unsubscribe).toHaveBeenCalled();
  });
});
