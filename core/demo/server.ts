import { randomInt, randomUUID } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { isIP, type AddressInfo } from 'node:net';
import { ADMIN_USER, Authorizer, VIEWER_USER, type UserInfo } from './auth/authorizer.ts';
import { authenticate, createToken } from './auth/tokens.ts';
import { createSelfSignedCertificate } from './certificate.ts';
import type { ClusterBackend } from './cluster-backend.ts';
import { createDefaultBackend, type DefaultBackendOptions } from './default-backend.ts';
import { Faults } from './faults.ts';
import { demoKubeconfigYaml, writeKubeconfigFile } from './kubeconfig.ts';
import { PodTerminator } from './pod-terminator.ts';
import { handleRequest } from './request-handler.ts';
import { sendReply } from './respond.ts';
import type { ApiContext } from './rest/context.ts';
import { WatchCache } from './rest/watch-cache.ts';

export interface DemoServerOptions extends DefaultBackendOptions {
  /**
   * Serve this cluster as it is (its owner runs its clock); otherwise the server builds the
   * simulation from the options it shares with DefaultBackendOptions and runs it.
   */
  backend?: ClusterBackend;
  /** Port of the plain-http listener; 0 (default) picks a free one. */
  port?: number;
  /** Port of the TLS listener the kubeconfig points at; 0 (default) picks a free one. */
  tlsPort?: number;
  host?: string;
  /** How often watches that allow bookmarks get one (default 60 s, as kube-apiserver). */
  bookmarkIntervalMs?: number;
  /** How long a watch without timeoutSeconds stays open (default 30 minutes). */
  watchTimeoutSeconds?: number;
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
  /** The admin's bearer token (may do anything). */
  readonly token: string;
  /** The viewer's bearer token (may read everything, change nothing). */
  readonly viewerToken: string;
  readonly backend: ClusterBackend;
  /** Fault injection knobs (also at POST /__foresight/faults with the admin token). */
  readonly faults: Faults;
  kubeconfigYaml(): string;
  writeKubeconfig(path: string): Promise<void>;
  close(): Promise<void>;
}

const YEAR_MS = 365 * 24 * 3_600_000;
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * A Kubernetes-compatible API server for a simulated cluster on 127.0.0.1: a generic REST layer
 * over the backend's ObjectStore, driven by the resource table (core/sim/store/api-resources.ts),
 * with bearer-token users and RBAC. The same API is served twice: over plain http, and over TLS
 * for the kubeconfig, because kubectl only sends credentials over TLS (see certificate.ts).
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const ownBackend = options.backend === undefined;
  const backend = options.backend ?? createDefaultBackend(options);
  const host = options.host ?? '127.0.0.1';
  const token = createToken();
  const viewerToken = createToken();
  const tokens: { token: string; user: UserInfo }[] = [
    { token, user: ADMIN_USER },
    { token: viewerToken, user: VIEWER_USER },
  ];
  const faults = new Faults();
  const authorizer = new Authorizer();
  faults.onChange(() => {
    authorizer.denyRules = faults.denyRules;
  });
  const watchCache = new WatchCache(backend.store);
  const terminator = backend.finishesPodDeletion ? undefined : new PodTerminator(backend.store);
  const ctx: ApiContext = {
    backend,
    store: backend.store,
    watchCache,
    faults,
    authorizer,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    defaultWatchTimeoutSeconds: options.watchTimeoutSeconds ?? 1800,
    nameSuffix: () =>
      Array.from({ length: 5 }, () => NAME_ALPHABET[randomInt(NAME_ALPHABET.length)]).join(''),
    newUid: () => randomUUID(),
  };

  const certificate = createSelfSignedCertificate({
    commonName: 'foresight-demo',
    ipAddresses: [...new Set(['127.0.0.1', '::1', ...(isIP(host) !== 0 ? [host] : [])])],
    dnsNames: ['localhost', ...(isIP(host) !== 0 ? [] : [host])],
    notBeforeMs: Date.now() - 3_600_000, // tolerate a little clock skew
    notAfterMs: Date.now() + YEAR_MS,
  });
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    void handleRequest(ctx, req, (authorization) => authenticate(authorization, tokens)).then(
      (reply) => sendReply(res, reply).catch(() => res.destroy()),
      () => res.destroy(),
    );
  };
  const httpServer = createHttpServer(handler);
  const httpsServer = createHttpsServer({ key: certificate.keyPem, cert: certificate.certPem }, handler);
  const shutdown = () => {
    terminator?.close();
    watchCache.close();
    backend.close?.();
  };
  let port: number;
  let tlsPort: number;
  try {
    port = await listen(httpServer, options.port ?? 0, host);
    tlsPort = await listen(httpsServer, options.tlsPort ?? 0, host);
  } catch (error) {
    await Promise.all([close(httpServer), close(httpsServer)]);
    shutdown();
    throw error;
  }

  if (ownBackend) backend.run?.();
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const httpsUrl = `https://${hostInUrl}:${tlsPort}`;
  const kubeconfigYaml = () =>
    demoKubeconfigYaml({ url: httpsUrl, token, viewerToken, caCertPem: certificate.certPem });
  return {
    url: `http://${hostInUrl}:${port}`,
    port,
    httpsUrl,
    tlsPort,
    caCertPem: certificate.certPem,
    token,
    viewerToken,
    backend,
    faults,
    kubeconfigYaml,
    writeKubeconfig: (path) => writeKubeconfigFile(path, kubeconfigYaml()),
    close: async () => {
      await Promise.all([close(httpServer), close(httpsServer)]);
      shutdown();
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
    // Keep-alive connections and open watches would otherwise hold close() open.
    server.closeAllConnections();
  });
}
