import {
  contractError,
  errorReply,
  eventEnvelopeSchema,
  methodTimeoutMs,
  replyEnvelopeSchema,
  type EventEnvelope,
  type ReplyEnvelope,
} from '../../../core/contract/index.ts';
import { reconnectDelay } from './backoff.ts';
import type { HostLink, HostTransport } from './hostLink.ts';
import { describeEnvelope, hostFailureReply, linkLostReply, timeoutReply } from './replies.ts';
import type { SocketConnection, SocketFactory } from './socket.ts';

export interface WsTransportOptions {
  url: string;
  openSocket: SocketFactory;
  /** How long a request may wait for its reply, including time queued while the link is down. */
  requestTimeoutMs?: number;
  /** Delay before reconnect attempt n (1-based). */
  backoff?: (failures: number) => number;
}

interface Pending {
  method: string;
  text: string;
  sent: boolean;
  timer: ReturnType<typeof setTimeout>;
  resolve: (reply: ReplyEnvelope) => void;
}

export const defaultRequestTimeoutMs = 15_000;

/**
 * The contract over one WebSocket to the web host. Requests are matched to replies by id;
 * requests made while the link is down wait (up to their timeout) and go out when it is back.
 * A request already sent when the socket drops is answered with an error at once: the host
 * forgets a connection's requests when it closes, so its reply can never arrive.
 */
export function createWsTransport(options: WsTransportOptions): HostTransport {
  const timeoutMs = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
  const backoff = options.backoff ?? reconnectDelay;
  const pending = new Map<string | number, Pending>();
  const eventListeners = new Set<(event: EventEnvelope) => void>();
  const linkListeners = new Set<(link: HostLink) => void>();

  let link: HostLink = { state: 'connecting', failures: 0 };
  let socket: SocketConnection | null = null;
  let isOpen = false;
  let closed = false;
  let generation = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  function setLink(next: HostLink): void {
    link = next;
    for (const listener of linkListeners) listener(link);
  }

  function settle(id: string | number, reply: ReplyEnvelope): void {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(reply);
  }

  function transmit(id: string | number, entry: Pending): void {
    if (!socket || !isOpen || entry.sent) return;
    try {
      socket.send(entry.text);
      entry.sent = true;
    } catch (cause) {
      settle(id, hostFailureReply(id, entry.method, cause));
    }
  }

  function handleMessage(data: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      console.warn('Foresight: ignored a non-JSON message from the host');
      return;
    }
    const reply = replyEnvelopeSchema.safeParse(parsed);
    if (reply.success) {
      // The id is what we sent; the api client validates the result against the method's schema.
      if (reply.data.id !== null) settle(reply.data.id, reply.data as ReplyEnvelope);
      else console.warn('Foresight: host rejected a request it could not read:', reply.data);
      return;
    }
    const event = eventEnvelopeSchema.safeParse(parsed);
    if (event.success) {
      // Payloads are checked per event name by the api client, which knows the schemas' types.
      const envelope = event.data as EventEnvelope;
      for (const listener of eventListeners) listener(envelope);
      return;
    }
    console.warn('Foresight: ignored a message that is neither a reply nor an event');
  }

  function connect(): void {
    reconnectTimer = null;
    const mine = ++generation;
    const current = (): boolean => mine === generation && !closed;
    socket = options.openSocket(options.url, {
      open() {
        if (!current()) return;
        isOpen = true;
        setLink({ state: 'up', failures: 0 });
        for (const [id, entry] of pending) transmit(id, entry);
      },
      message(data) {
        if (current()) handleMessage(data);
      },
      close(code, reason) {
        if (!current()) return;
        isOpen = false;
        socket = null;
        for (const [id, entry] of pending) if (entry.sent) settle(id, linkLostReply(id, entry.method));
        const failures = link.failures + 1;
        const delay = backoff(failures);
        const why = reason ? `${reason} (code ${code})` : `code ${code}`;
        setLink({
          state: 'down',
          failures,
          retryAt: Date.now() + delay,
          message:
            `Lost the link to the Foresight host (${why}). Reconnecting in ${Math.ceil(delay / 1000)} s. ` +
            'If this keeps failing, the host has stopped or the token in the URL is stale: ' +
            'open the URL that foresight web printed.',
        });
        reconnectTimer = setTimeout(connect, delay);
      },
    });
  }

  connect();

  return {
    kind: 'websocket',
    request(envelope) {
      const { id, method } = describeEnvelope(envelope);
      if (closed) return Promise.resolve(linkLostReply(id, method));
      if (id === null) {
        return Promise.resolve(errorReply(null, contractError('BadRequest', 'A request needs an id.')));
      }
      if (pending.has(id)) {
        return Promise.resolve(
          errorReply(
            id,
            contractError('BadRequest', `Request id ${String(id)} is already waiting for a reply.`),
          ),
        );
      }
      let text: string;
      try {
        text = JSON.stringify(envelope);
      } catch (cause) {
        return Promise.resolve(hostFailureReply(id, method, cause));
      }
      const deadlineMs = methodTimeoutMs(method, timeoutMs);
      return new Promise<ReplyEnvelope>((resolve) => {
        const timer = setTimeout(() => settle(id, timeoutReply(id, method, deadlineMs)), deadlineMs);
        const entry: Pending = { method, text, sent: false, timer, resolve };
        pending.set(id, entry);
        transmit(id, entry);
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    link: () => link,
    onLink(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      for (const [id, entry] of pending) settle(id, linkLostReply(id, entry.method));
      socket?.close(1000, 'renderer closed');
      socket = null;
      isOpen = false;
    },
  };
}
