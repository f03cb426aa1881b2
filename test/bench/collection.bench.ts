import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoThread } from '../../core/backend/demo-thread.ts';
import { HistoryStore } from '../../core/history/store.ts';
import { createClusterReader } from '../../core/kube/cluster-client.ts';
import { collectOnce } from '../../core/kube/collect.ts';
import { loadKubeconfig } from '../../core/kube/kubeconfig.ts';
import { getJson } from '../../core/kube/raw-get.ts';
import { figure, heading, mib, timed } from './format.ts';

/**
 * One collection cycle against the demo cluster served over HTTP from its own thread, through
 * @kubernetes/client-node exactly as the app does: list nodes and pods (paged), read
 * metrics.k8s.io, build rows, write one history batch.
 */
export async function benchCollection(nodes: number, podsPerNode: number): Promise<void> {
  heading(
    `Collection cycle: ${nodes.toLocaleString('en-US')} nodes, ${(nodes * podsPerNode).toLocaleString('en-US')} pods`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'foresight-bench-'));
  const { value: demo, ms: startMs } = await timed(() =>
    startDemoThread({ seed: 7, nodes, podsPerNode }, join(dir, 'kubeconfig.yaml')),
  );
  figure('demo cluster start (build + listen)', startMs, 'ms');
  const store = HistoryStore.open(join(dir, 'history.db'));
  try {
    const loaded = loadKubeconfig(demo.kubeconfigPath);
    const reader = createClusterReader(loaded);
    // What the server side alone costs: the same pages, fetched and parsed, nothing kept.
    const serverOnly = await timed(async () => {
      let cont: string | undefined;
      let pages = 0;
      do {
        const page = (await getJson(loaded.kubeConfig, loaded.server, '/api/v1/pods', {
          limit: 500,
          continue: cont,
        })) as {
          metadata?: { continue?: string };
        };
        cont = page.metadata?.continue || undefined;
        pages++;
      } while (cont);
      return pages;
    });
    figure(
      'pods: fetch + JSON.parse only',
      serverOnly.ms,
      'ms',
      `${serverOnly.value} pages; the demo server's share`,
    );
    const listNodes = await timed(() => reader.listNodes());
    figure('list nodes', listNodes.ms, 'ms', `${listNodes.value.length} nodes`);
    const listPods = await timed(() => reader.listPods());
    figure('list pods (pages of 500)', listPods.ms, 'ms', `${listPods.value.length} pods`);
    const metrics = await timed(() => reader.listNodeMetrics());
    figure('node metrics', metrics.ms, 'ms');
    const heapBefore = process.memoryUsage().heapUsed;
    const cycles: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { value: result, ms } = await timed(async () => {
        const collected = await collectOnce(reader);
        store.insertNodeSamples(
          collected.snapshot.nodes.map((n) => ({
            node: n.name,
            at: collected.snapshot.at,
            cpuMillis: n.cpuMillis,
            memoryBytes: n.memoryBytes,
            pods: n.pods,
          })),
        );
        return collected;
      });
      if (result.snapshot.nodes.length !== nodes)
        throw new Error(`collected ${result.snapshot.nodes.length} nodes, expected ${nodes}`);
      cycles.push(ms);
    }
    cycles.sort((a, b) => a - b);
    figure(
      'full collection cycle (median of 3)',
      cycles[1] ?? 0,
      'ms',
      'nodes + pods + metrics in parallel, then one SQLite batch',
    );
    figure(
      'collector heap after cycles',
      mib(process.memoryUsage().heapUsed),
      'MiB',
      `was ${mib(heapBefore).toFixed(0)} MiB before`,
    );
  } finally {
    store.close();
    await demo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
