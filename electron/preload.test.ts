import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ContractTransport, EventEnvelope } from '../core/contract/index.ts';
import {
  BRIDGE_KEY,
  CONTRACT_CHANNELS,
  CONTRACT_EVENT_CHANNEL,
  CONTRACT_REQUEST_CHANNEL,
  SAVE_FILE_CHANNEL,
} from './channels.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

// The fakes exist before vi.mock's factory runs (it is hoisted above the imports).
const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipcRenderer = {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ kind: 'reply' })),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
    once: vi.fn(),
    removeAllListeners: vi.fn(),
  };
  const exposed = new Map<string, unknown>();
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => void exposed.set(key, api)),
  };
  return { ipcRenderer, contextBridge, exposed, listeners };
});

vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));

let bridge: ContractTransport & { saveFile(file: unknown): Promise<unknown> };

beforeAll(async () => {
  await import('./preload.ts');
  bridge = fake.exposed.get(BRIDGE_KEY) as typeof bridge;
});

function emitFromMain(channel: string, ...args: unknown[]): void {
  const senderEvent = { sender: fake.ipcRenderer, senderId: 0 };
  for (const listener of fake.listeners.get(channel) ?? []) (listener as Listener)(senderEvent, ...args);
}

function channelsUsed(): string[] {
  const { invoke, on, removeListener, send, sendSync, once, removeAllListeners } = fake.ipcRenderer;
  return [invoke, on, removeListener, send, sendSync, once, removeAllListeners].flatMap((fn) =>
    fn.mock.calls.map((call: unknown[]) => String(call[0])),
  );
}

const nodesEvent: EventEnvelope = {
  kind: 'event',
  name: 'nodes',
  payload: { at: 1, nodes: [], metricsAvailable: true },
};

describe('preload', () => {
  it('exposes exactly request, onEvent and saveFile as window.foresight, once', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledWith('foresight', expect.anything());
    expect(Object.keys(bridge).sort()).toEqual(['onEvent', 'request', 'saveFile']);
    expect(typeof bridge.request).toBe('function');
    expect(typeof bridge.onEvent).toBe('function');
    expect(Object.values(bridge)).not.toContain(fake.ipcRenderer);
  });

  it('sends requests on the request channel and returns the reply', async () => {
    const envelope = { kind: 'request', id: 7, method: 'app.status', params: {} };
    await expect(bridge.request(envelope)).resolves.toEqual({ kind: 'reply' });
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(CONTRACT_REQUEST_CHANNEL, envelope);
  });

  it('delivers events without the IPC event object, until unsubscribed', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args: unknown[]) => void received.push(args));
    expect(fake.ipcRenderer.on).toHaveBeenLastCalledWith(CONTRACT_EVENT_CHANNEL, expect.any(Function));

    emitFromMain(CONTRACT_EVENT_CHANNEL, nodesEvent);
    expect(received).toEqual([[nodesEvent]]);

    unsubscribe();
    emitFromMain(CONTRACT_EVENT_CHANNEL, nodesEvent);
    expect(received).toHaveLength(1);
    expect(fake.listeners.get(CONTRACT_EVENT_CHANNEL)?.size).toBe(0);
  });

  it('saves files on the save channel, passing on only the name, type and bytes', async () => {
    const file = { fileName: 'r.pdf', mimeType: 'application/pdf', base64: 'JVBERg==', path: '/etc/passwd' };
    await bridge.saveFile(file);
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(SAVE_FILE_CHANNEL, {
      fileName: 'r.pdf',
      mimeType: 'application/pdf',
      base64: 'JVBERg==',
    });
  });

  it('refuses a listener that is not a function', () => {
    expect(() => bridge.onEvent('nope' as unknown as (event: EventEnvelope) => void)).toThrow(TypeError);
  });

  it('never touches a channel other than the declared ones', () => {
    expect(channelsUsed().length).toBeGreaterThan(0);
    for (const channel of channelsUsed()) expect(CONTRACT_CHANNELS).toContain(channel);
    expect(fake.ipcRenderer.send).not.toHaveBeenCalled();
    expect(fake.ipcRenderer.sendSync).not.toHaveBeenCalled();
  });
});
