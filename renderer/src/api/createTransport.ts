import type { HostTransport } from './hostLink.ts';
import { createIpcTransport, isForesightBridge } from './ipcTransport.ts';
import { openBrowserSocket } from './socket.ts';
import { createWsTransport } from './wsTransport.ts';

/** Where the web host serves the contract; the token it printed travels in the page's query. */
export function contractSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = new URLSearchParams(location.search).get('token') ?? '';
  return `${scheme}//${location.host}/contract?token=${encodeURIComponent(token)}`;
}

/**
 * The one place that knows which host the renderer runs in: Electron's preload bridge when it
 * is there, otherwise the web host's WebSocket on the page's own origin.
 */
export function createTransport(): HostTransport {
  if (isForesightBridge(window.foresight)) return createIpcTransport(window.foresight);
  return createWsTransport({ url: contractSocketUrl(window.location), openSocket: openBrowserSocket });
}
