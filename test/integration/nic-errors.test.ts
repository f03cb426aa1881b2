import { afterEach, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../core/demo/server.ts';
import { signalsFromHistory } from '../../core/scheduling/history-signals.ts';
import { buildNodeInfos } from '../../core/scheduling/node-info.ts';
import { Simulation } from '../../core/sim/simulation.ts';
import { keys } from '../../core/sim/store/api-resources.ts';
import { startContextCollector } from './support/collector.ts';
import { waitFor } from './support/wait.ts';

// A NIC that counts errors, end to end through the real demo API: the kubelet Summary API's
// node.network through the node proxy, read with the client; the collector's errors per minute
// on the node rows and in history; and placement's NetworkHealth signal read from that history.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('NIC error counters, from the demo kubelet to placement', () => {
  it('serves them in the Summary API, and the collector turns them into a rate placement reads', async () => {
    // No incidents of its own; 60× speed: the node proxy's stats are 10 s of cluster time old.
    const server = await startDemoServer({ seed: 41, nodes: 3, podsPerNode: 2, speed: 60, scenarios: [] });
    cleanups.push(() => server.close());
    const sim = server.backend;
    if (!(sim instanceof Simulation)) throw new Error('the demo backend is not the simulator');
    const names = sim.store.list(keys.nodes).map((n) => n.metadata.name ?? '');
    const erring = names[1] ?? '';
    const t0 = sim.now();
    // 7 receive errors per second of cluster time, as a failing NIC's counter climbs.
    sim.effects.nicErrors.add(erring, (t) => ({ rx: 7 * Math.max(0, Math.floor((t - t0) / 1000)), tx: 0 }));

    const collector = startContextCollector(server.kubeconfigYaml());
    cleanups.push(() => collector.service.stop());
    const { context } = collector;
    const reader = await waitFor('the cluster', () => context.cluster()?.reader);
    await reader.whenSynced?.();

    const network = async (node: string) =>
      ((await reader.getNodeSummary?.(node)) as { node: { network: { interfaces: unknown[] } } }).node
        .network;
    let climbing = await network(erring);
    for (let i = 0; i < 100 && (climbing.interfaces[0] as { rxErrors: number }).rxErrors === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      climbing = await network(erring);
    }
    expect((climbing.interfaces[0] as { rxErrors: number }).rxErrors).toBeGreaterThan(0);
    expect(climbing).toMatchObject({ name: 'eth0', txErrors: 0 });
    expect(await network(names[0] ?? '')).toMatchObject({ rxErrors: 0, txErrors: 0 });

    const rows = await waitFor('a NIC error rate on the node rows', () => {
      const nodes = context.snapshot()?.nodes ?? [];
      return nodes.find((n) => n.name === erring && (n.nicErrorsPerMinute ?? 0) > 0) ? nodes : undefined;
    });
    for (const row of rows.filter((r) => r.name !== erring && r.nicErrorsPerMinute != null))
      expect(row.nicErrorsPerMinute).toBe(0);

    const history = context.history();
    if (!history) throw new Error(context.historyProblem());
    const infos = buildNodeInfos(
      sim.store.list(keys.nodes) as unknown as Parameters<typeof buildNodeInfos>[0],
      [],
    );
    const signals = await waitFor('NIC errors in history', () => {
      const s = signalsFromHistory(history, infos, new Map(), context.now());
      return (s.nicErrors?.get(erring) ?? 0) > 0 ? s : undefined;
    });
    expect(signals.nicErrorWindowMs).toBe(10 * 60_000);
  });
});
