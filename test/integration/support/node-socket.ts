import WebSocket from 'ws';
import type { SocketFactory } from '../../../renderer/src/api/socket.ts';

/**
 * The renderer's socket seam backed by the `ws` package, so integration tests run the
 * renderer's real transport and stores in Node against the real web host. `origin` plays the
 * browser's part: a page served by the host sends the host's own origin.
 */
export function nodeSocketFactory(origin: string): SocketFactory {
  return (url, handlers) => {
    const socket = new WebSocket(url, { headers: { Origin: origin } });
    socket.on('open', () => handlers.open());
    socket.on('message', (data, isBinary) => {
      if (!isBinary) handlers.message(data.toString());
    });
    socket.on('close', (code, reason) => handlers.close(code, reason.toString()));
    socket.on('error', () => undefined);
    return {
      send: (data) => socket.send(data),
      close: (code, reason) => socket.close(code, reason),
    };
  };
}
