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
import { joinPodUsage, workloadUsage } from '../../core/kube/pod-usage.ts';

/**
 * The collector against the demo cluster served over HTTP from its own thread, exactly as the
 * app runs it: the initial sync (paged lists of nodes and pods, then watches), then steady
 * collection cycles (metrics.k8s.io poll, rows from the mirrors, one history batch).
 */
export async function benchCollection(nodes: number, podsPerNode: number): Promise<void> {
  heading(
    `Collection: ${nodes.toLocaleString('en-US')} nodes, ${(nodes * podsPerNode).toLocaleString('en-US')} pods`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'foresight-bench-'));
  const { value: demo, ms: startMs } = await timed(() =>
    startDemoThread({ seed: 7, nodes, podsPerNode }, join(dir, 'kubeconfig.yaml')),
  );
  figure('demo cluster start (build + listen)', startMs, 'ms');
  const store = HistoryStore.open(join(dir, 'history.db'));
  const loaded = loadKubeconfig(demo.kubeconfigPath);
  const reader = createClusterReader(loaded);
  try {
    // What the server side alone costs: the pod pages, fetched and parsed, nothing kept.
    const serverOnly = await timed(async () => {
      let cont: string | undefined;
      let pages = 0;
      do {
        const page = (await getJson(loaded.kubeConfig, loaded.server, '/api/v1/pods', {
          limit: 500,
          continue: cont,
        })) as { metadata?: { continue?: string } };
        cont = page.metadata?.continue || undefined;
        pages++;
      } while (cont);
      return pages;
    });
    const nodesOnly = await timed(
      () => getJson(loaded.kubeConfig, loaded.server, '/api/v1/nodes') as Promise<{ items: unknown[] }>,
    );
    figure(
      'demo API: list all nodes (one request)',
      nodesOnly.ms,
      'ms',
      `${nodesOnly.value.items.length} nodes`,
    );
    figure(
      'pods: fetch + JSON.parse only',
      serverOnly.ms,
      'ms',
      `${serverOnly.value} pages of 500: listing all pods`,
    );

    const heapBefore = process.memoryUsage().heapUsed;
    const sync = await timed(async () => {
      reader.start?.();
      await reader.whenSynced?.();
      const [syncedNodes, syncedPods] = await Promise.all([reader.listNodes(), reader.listPods()]);
      return { nodes: syncedNodes.length, pods: syncedPods.length };
    });
    figure(
      'initial sync (list nodes + pods, start watches)',
      sync.ms,
      'ms',
      `${sync.value.nodes} nodes, ${sync.value.pods} pods`,
    );
    global.gc?.();
    figure(
      'collector heap held by the mirrors',
      mib(process.memoryUsage().heapUsed - heapBefore),
      'MiB',
      'after a full GC: what the reduced objects cost',
    );

    const cycles: number[] = [];
    for (let i = 0; i < 5; i++) {
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
      if (result.snapshot.nodes.length !== nodes) {
        throw new Error(`collected ${result.snapshot.nodes.length} nodes, expected ${nodes}`);
      }
      cycles.push(ms);
    }
    cycles.sort((a, b) => a - b);
    figure(
      'steady collection cycle (median of 5)',
      cycles[2] ?? 0,
      'ms',
      'metrics poll + rows from mirrors + one SQLite batch',
    );
    const usage = await timed(async () => {
      const [metrics, pods] = await Promise.all([
        reader.listPodMetrics?.() ?? [],
        reader.listPodFacts?.() ?? [],
      ]);
      const byKey = new Map(pods.map((pod) => [`${pod.namespace}/${pod.name}`, pod]));
      const rows = joinPodUsage(metrics, byKey, reader.ownerOf ?? (() => undefined));
      store.usage.insert(Date.now(), rows, workloadUsage(rows));
      return rows.length;
    });
    figure(
      'per-pod usage sample (every 5 min)',
      usage.ms,
      'ms',
      `${usage.value} pods: pod metrics poll + join + one SQLite batch`,
    );
  } finally {
    reader.stop?.();
    store.close();
    await demo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
