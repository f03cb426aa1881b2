import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { printableServer } from '../kube/printable-server.ts';

/**
 * One database per cluster, keyed by its server URL, so switching contexts never mixes
 * histories. The demo gets a fixed name: its server port changes every start.
 */
export function historyPath(dataDir: string, cluster: { demo: boolean; server?: string }): string {
  if (cluster.demo) return join(dataDir, 'history', 'demo.db');
  // Keyed by where the cluster is, never by credentials a kubeconfig may put in the URL.
  const server = printableServer(cluster.server ?? 'unknown');
  const slug = server
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[^a-zA-Z0-9.-]+/g, '_')
    .slice(0, 60);
  const hash = createHash('sha256').update(server).digest('hex').slice(0, 10);
  return join(dataDir, 'history', `${slug}-${hash}.db`);
}
