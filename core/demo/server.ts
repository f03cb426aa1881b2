import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { isIP, type AddressInfo } from 'node:net';
import { createSimulation, type Simulation } from '../sim/simulation.ts';
import { createToken, hasBearerToken } from './auth.ts';
import { createSelfSignedCertificate } from './certificate.ts';
import { addCoreV1Routes } from './core-v1.ts';
import { addDiscoveryRoutes } from './discovery.ts';
import { demoKubeconfigYaml, writeKubeconfigFile } from './kubeconfig.ts';
import { addMetricsRoutes } from './metrics.ts';
import { jsonReply, sendReply, textReply, type Reply } from './respond.ts';
import { Router } from './router.ts';
import { ApiError, internalError, methodNotAllowed, unauthorized } from './status.ts';
import { DemoStore } from './store.ts';

export interface DemoServerOptions {
  /** Serve this simulation; otherwise one is created from the options below. */
  simulation?: Simulation;
  seed?: number;
  nodes?: number;
  podsPerNode?: number;
  speed?: number;
  /** Port of the plain-http listener; 0 (default) picks a free one. */
  port?: number;
  /** Port of the TLS listener the kubeconfig points at; 0 (default) picks a free one. */
  tlsPort?: number;
  host?: string;
}

export interface DemoServer {
  /** Plain http, `http://127.0.0.1:<port>`: for tools that send the token themselves. */
  readonly url: string;
  readonly port: number;
  /** TLS, `https://127.0.0.1:<tlsPort>`: what the kubeconfig points at (kubectl needs TLS). */
  readonly httpsUrl: string;
  readonly tlsPort: number;
  /** The server's self-signed certificate, which is also its CA. */
  readonly caCertPem: string;
  /** The bearer token every API request must carry, on either listener. */
  readonly token: string;
  readonly simulation: Simulation;
  kubeconfigYaml(): string;
  writeKubeconfig(path: string): Promise<void>;
  close(): Promise<void>;
}

/** Probes answer without a token, as kubelet and load balancers expect. */
const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz']);
const YEAR_MS = 365 * 24 * 3_600_000;

/**
 * A Kubernetes-compatible API for a simulated cluster on 127.0.0.1, guarded by a bearer token.
 * The same API is served twice: over plain http, and over TLS for the kubeconfig, because
 * kubectl only sends credentials over TLS (see certificate.ts).
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const simulation =
    options.simulation ??
    createSimulation({
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.nodes === undefined ? {} : { nodes: options.nodes }),
      ...(options.podsPerNode === undefined ? {} : { podsPerNode: options.podsPerNode }),
      ...(options.speed === undefined ? {} : { speed: options.speed }),
    });
  const host = options.host ?? '127.0.0.1';
  const token = createToken();
  const router = new Router();
  const store = new DemoStore(simulation);
  addDiscoveryRoutes(router, simulation);
  addCoreV1Routes(router, store);
  addMetricsRoutes(router, store);

  const certificate = createSelfSignedCertificate({
    commonName: 'foresight-demo',
    ipAddresses: [...new Set(['127.0.0.1', '::1', ...(isIP(host) !== 0 ? [host] : [])])],
    dnsNames: ['localhost', ...(isIP(host) !== 0 ? [] : [host])],
    notBeforeMs: Date.now() - 3_600_000, // tolerate a little clock skew
    notAfterMs: Date.now() + YEAR_MS,
  });
  const handler = (req: IncomingMessage, res: ServerResponse) => void respond(req, res, router, token);
  const httpServer = createHttpServer(handler);
  const httpsServer = createHttpsServer({ key: certificate.keyPem, cert: certificate.certPem }, handler);
  let port: number;
  let tlsPort: number;
  try {
    port = await listen(httpServer, options.port ?? 0, host);
    tlsPort = await listen(httpsServer, options.tlsPort ?? 0, host);
  } catch (error) {
    await Promise.all([close(httpServer), close(httpsServer)]);
    throw error;
  }

  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const httpsUrl = `https://${hostInUrl}:${tlsPort}`;
  const kubeconfigYaml = () => demoKubeconfigYaml({ url: httpsUrl, token, caCertPem: certificate.certPem });
  return {
    url: `http://${hostInUrl}:${port}`,
    port,
    httpsUrl,
    tlsPort,
    caCertPem: certificate.certPem,
    token,
    simulation,
    kubeconfigYaml,
    writeKubeconfig: (path) => writeKubeconfigFile(path, kubeconfigYaml()),
    close: async () => {
      await Promise.all([close(httpServer), close(httpsServer)]);
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // Keep-alive connections (kubectl, client-node) would otherwise hold close() open.
    server.closeAllConnections();
  });
}

async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  router: Router,
  token: string,
): Promise<void> {
  let reply: Reply;
  try {
    reply = route(req, req.method ?? 'GET', router, token);
  } catch (error) {
    reply = errorReply(error);
  }
  try {
    await sendReply(res, reply);
  } catch {
    // Headers may be out already (a list failed mid-stream): all that is left is to hang up.
    res.destroy();
  }
}

function route(req: IncomingMessage, method: string, router: Router, token: string): Reply {
  const url = new URL(req.url ?? '/', 'http://demo.invalid');
  if (HEALTH_PATHS.has(url.pathname)) {
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method, url.pathname);
    return textReply('ok');
  }
  if (!hasBearerToken(req.headers.authorization, token)) throw unauthorized();
  return router.handle(method, url.pathname, url.searchParams, req.headers);
}

function errorReply(error: unknown): Reply {
  const apiError =
    error instanceof ApiError ? error : internalError(error instanceof Error ? error.message : String(error));
  return jsonReply(apiError.toStatus(), apiError.code);
}
