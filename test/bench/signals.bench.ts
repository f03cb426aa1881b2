import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoThread } from '../../core/backend/demo-thread.ts';
import { createClusterReader } from '../../core/kube/cluster-client.ts';
import { loadKubeconfig } from '../../core/kube/kubeconfig.ts';
import { summaryFacts } from '../../core/kube/node-summary.ts';
import { SummarySampler } from '../../core/worker/summary-sampler.ts';
import { figure, heading, timed } from './format.ts';

/**
 * The kubelet Summary API signals (node disk use, fullest container vs its limit): one round of
 * the collector's sampler over every node of the demo cluster served from its own thread (HTTPS
 * through the node proxy, 8 requests at a time), and the parser alone.
 */
export async function benchSignals(nodes: number, podsPerNode: number): Promise<void> {
  heading(`Kubelet summaries: ${nodes} nodes, ${(nodes * podsPerNode).toLocaleString('en-US')} pods`);
  const dir = mkdtempSync(join(tmpdir(), 'foresight-bench-'));
  const demo = await startDemoThread({ seed: 7, nodes, podsPerNode }, join(dir, 'kubeconfig.yaml'));
  const loaded = loadKubeconfig(demo.kubeconfigPath);
  const reader = createClusterReader(loaded);
  try {
    reader.start?.();
    await reader.whenSynced?.();
    const names = (await reader.listNodes()).map((n) => n.name);
    const sampler = new SummarySampler({ now: Date.now, everyCollectionUpTo: names.length });
    await sampler.sample(reader, names.slice(0, 8)); // warm the connections
    const round = await timed(() => sampler.sample(reader, names));
    const rows = sampler.apply(
      names.map((name) => ({
        name,
        ready: true,
        unschedulable: false,
        roles: [],
        cpuMillis: null,
        cpuAllocatableMillis: 1,
        memoryBytes: null,
        memoryAllocatableBytes: 1,
        pods: 0,
        podCapacity: 1,
      })),
    );
    const answered = rows.filter((r) => typeof r.diskBytes === 'number').length;
    figure('one round over every node (8 at a time)', round.ms, 'ms', `${answered}/${names.length} answered`);
    figure('nodes sampled per second', (names.length / round.ms) * 1000, 'nodes/s');
    // At 15 s collections and every node within 5 min, 5,000 nodes need 250 per collection.
    figure(
      'estimated round at 5,000 nodes (250 nodes)',
      (250 / names.length) * round.ms,
      'ms',
      'from the rate above',
    );

    const summary = await reader.getNodeSummary?.(names[0] ?? '');
    const limitOf = () => undefined;
    const repeats = 2000;
    const parse = await timed(() => {
      for (let i = 0; i < repeats; i++) summaryFacts(summary, limitOf);
    });
    figure(
      'summaryFacts, one node’s summary',
      (parse.ms / repeats) * 1000,
      'µs',
      `${podsPerNode} pods per node`,
    );
  } finally {
    reader.stop?.();
    await demo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
