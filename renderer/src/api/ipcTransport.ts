import { methodTimeoutMs, type ContractTransport, type ReplyEnvelope } from '../../../core/contract/index.ts';
import { linkUp, type HostTransport } from './hostLink.ts';
import { describeEnvelope, hostFailureReply, timeoutReply } from './replies.ts';
import { defaultRequestTimeoutMs } from './wsTransport.ts';

/** What Electron's preload exposes on `window.foresight` through contextBridge. */
export type ForesightBridge = ContractTransport;

declare global {
  interface Window {
    foresight?: ForesightBridge;
  }
}

/** True when `value` has the bridge's two functions; the preload is trusted, but not blindly. */
export function isForesightBridge(value: unknown): value is ForesightBridge {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Partial<Record<keyof ForesightBridge, unknown>>;
  return typeof candidate.request === 'function' && typeof candidate.onEvent === 'function';
}

/**
 * The contract over Electron IPC. The link is the process boundary itself, so it is always
 * up; a hung backend still must not hang the UI, hence the same timeout as the WebSocket.
 */
export function createIpcTransport(
  bridge: ForesightBridge,
  requestTimeoutMs = defaultRequestTimeoutMs,
): HostTransport {
  return {
    kind: 'electron',
    request(envelope) {
      const { id, method } = describeEnvelope(envelope);
      const deadlineMs = methodTimeoutMs(method, requestTimeoutMs);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<ReplyEnvelope>((resolve) => {
        timer = setTimeout(() => resolve(timeoutReply(id, method, deadlineMs)), deadlineMs);
      });
      const reply = bridge.request(envelope).catch((cause: unknown) => hostFailureReply(id, method, cause));
      return Promise.race([reply, timeout]).finally(() => clearTimeout(timer));
    },
    onEvent: (listener) => bridge.onEvent(listener),
    link: () => linkUp,
    onLink: () => () => {},
    close() {},
  };
}
