import { startDemoServer, type DemoServer, type DemoServerOptions } from '../server.ts';
import { standardCluster, type FixtureBackend } from './fixture.ts';
import { apiClient } from './http.ts';

/** A demo server over the standard fixture cluster, with clients for the admin and the viewer. */
export interface FixtureServer {
  server: DemoServer;
  backend: FixtureBackend;
  admin: ReturnType<typeof apiClient>;
  viewer: ReturnType<typeof apiClient>;
  close(): Promise<void>;
}

export async function startFixtureServer(
  options: Omit<DemoServerOptions, 'backend'> & { backend?: FixtureBackend } = {},
): Promise<FixtureServer> {
  const backend = options.backend ?? standardCluster();
  const server = await startDemoServer({ ...options, backend });
  return {
    server,
    backend,
    admin: apiClient(server.url, server.token),
    viewer: apiClient(server.url, server.viewerToken),
    close: () => server.close(),
  };
}
