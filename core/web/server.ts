import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ContractHandler } from '../contract/index.ts';
import { maxMessageBytes, serveContract } from './contract-socket.ts';
import { securityHeaders } from './security-headers.ts';
import { resolveStaticPath, sendFile } from './static-files.ts';
import { hasValidToken, newToken, tokenCookie, tokenFrom } from './token.ts';

export interface WebHostOptions {
  handler: ContractHandler;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface WebHost {
  /** The address to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const contractPath = '/contract';

/** Only pages this host served may open the contract socket. */
function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

function refuse(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The browser host: serves the renderer and the contract over WebSocket, on 127.0.0.1 only,
 * behind a random token. Another local user's process or a web page in the user's browser
 * can reach the port but knows neither the token nor (for the socket) the right Origin.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  let port = 0;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(response, 405, 'Method not allowed');
    if (!hasValidToken(request, token)) {
      return refuse(
        response,
        401,
        'Unauthorized: open the link Foresight printed, which carries the access token.',
      );
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const file = resolveStaticPath(options.staticDir, url.pathname);
    if (!file) return refuse(response, 404, 'Not found');
    const headers: Record<string, string> = { ...securityHeaders };
    if (tokenFrom(request).fromQuery) {
      headers['Set-Cookie'] = `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    sendFile(response, file, headers, request.method === 'HEAD');
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname !== contractPath) return refuseUpgrade(socket, 404, 'Not Found');
    if (!hasValidToken(request, token)) return refuseUpgrade(socket, 401, 'Unauthorized');
    if (!allowedOrigins(port).has(request.headers.origin ?? ''))
      return refuseUpgrade(socket, 403, 'Forbidden');
    sockets.handleUpgrade(request, socket, head, (ws) => serveContract(ws, options.handler));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
