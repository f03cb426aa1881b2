/**
 * The slice of a WebSocket the transport needs, as callbacks rather than DOM event types, so
 * tests can drive it with a plain object and the transport never touches `window`.
 */
export interface SocketHandlers {
  open(): void;
  message(data: string): void;
  close(code: number, reason: string): void;
}

export interface SocketConnection {
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketConnection;

/** The real thing: a browser WebSocket wired to the handlers. */
export const openBrowserSocket: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.open();
  socket.onmessage = (event: MessageEvent) => {
    // The host only sends text frames; anything else is not ours to interpret.
    if (typeof event.data === 'string') handlers.message(event.data);
  };
  // Browsers always follow `error` with `close`, and only `close` carries a code, so we act there.
  socket.onclose = (event: CloseEvent) => handlers.close(event.code, event.reason);
  return {
    send: (data) => socket.send(data),
    close: (code, reason) => socket.close(code, reason),
  };
};
