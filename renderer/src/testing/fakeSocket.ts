import type { SocketConnection, SocketFactory, SocketHandlers } from '../api/socket.ts';

export interface FakeSocket extends SocketConnection {
  url: string;
  handlers: SocketHandlers;
  sent: string[];
  closedWith: { code?: number; reason?: string } | null;
  /** The request envelopes sent so far, parsed. */
  requests(): { id: string | number; method: string }[];
  reply(id: string | number, result: unknown): void;
}

/** A socket factory that records every socket it opens; the test plays the host's part. */
export function fakeSocketFactory(): { open: SocketFactory; sockets: FakeSocket[]; last(): FakeSocket } {
  const sockets: FakeSocket[] = [];
  const open: SocketFactory = (url, handlers) => {
    const socket: FakeSocket = {
      url,
      handlers,
      sent: [],
      closedWith: null,
      send(data) {
        socket.sent.push(data);
      },
      close(code, reason) {
        socket.closedWith = { code, reason };
      },
      requests: () => socket.sent.map((text) => JSON.parse(text) as { id: string | number; method: string }),
      reply(id, result) {
        handlers.message(JSON.stringify({ kind: 'reply', id, ok: true, result }));
      },
    };
    sockets.push(socket);
    return socket;
  };
  return {
    open,
    sockets,
    last() {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket opened yet');
      return socket;
    },
  };
}
