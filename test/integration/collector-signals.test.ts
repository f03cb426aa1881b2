import { afterEach, describe, expect, it } from 'vitest';
import type { LifecycleEventInfo } from '../../core/contract/index.ts';
import { startDemoServer, type DemoServer } from '../../core/demo/server.ts';
import { memoryLimitsOf, summaryFacts } from '../../core/kube/node-summary.ts';
import { Simulation } from '../../core/sim/simulation.ts';
import { keys } from '../../core/sim/store/api-resources.ts';
import { startContextCollector, type TestCollector } from './support/collector.ts';
import { waitFor } from './support/wait.ts';

// The signals that announce incidents with no other trace, collected from the real demo API:
// kubelet restarts (Normal "Starting" events on a Node), and each node's disk use and fullest
// container against its memory limit from the kubelet Summary API through the node proxy.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(faults: Parameters<DemoServer['faults']['set']>[0] = {}) {
  const server = await startDemoServer({ seed: 33, nodes: 3, podsPerNode: 4 });
  cleanups.push(() => server.close());
  server.faults.set(faults);
  const collector = startContextCollector(server.kubeconfigYaml());
  cleanups.push(() => collector.service.stop());
  const { context } = collector;
  await waitFor('connected', () => (collector.connection()?.state === 'connected' ? true : undefined));
  return { server, context, collector };
}

async function nodeEvents(collector: TestCollector, node: string): Promise<LifecycleEventInfo[]> {
  const reply = await collector.service.handle({
    id: 1,
    method: 'history.nodeEvents',
    params: { node, since: 0 },
  });
  if (!reply.ok) throw new Error(reply.error.message);
  return (reply.result as { events: LifecycleEventInfo[] }).events;
}

async function poll<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('collector: signals that announce incidents', () => {
  it('records a kubelet restart on its node as KubeletStarted', async () => {
    const { server, collector } = await setup();
    const sim = server.backend;
    if (!(sim instanceof Simulation)) throw new Error('the demo backend is not the simulator');
    const node = sim.store.list(keys.nodes)[1]?.metadata.name ?? '';
    // A restart is what the kubelet announces: stop it, let a tick see it down, start it again.
    sim.setKubeletRunning(node, false);
    await waitFor('the kubelet down', () => (sim.kubeletUp(node) ? undefined : true));
    sim.setKubeletRunning(node, true);
    const found = await poll('KubeletStarted in history', async () => {
      const events = await nodeEvents(collector, node);
      return events.some((e) => e.kind === 'KubeletStarted') ? events : undefined;
    });
    expect(found.find((e) => e.kind === 'KubeletStarted')).toMatchObject({
      node,
      detail: 'Starting: Starting kubelet.',
    });
  });

  it('records each node’s disk use and fullest container vs its limit, in NodeRow and history', async () => {
    const { server, context, collector } = await setup();
    const snapshot = await waitFor('rows with kubelet figures', () => {
      const nodes = context.snapshot()?.nodes ?? [];
      return nodes.length > 0 && nodes.every((n) => typeof n.diskBytes === 'number') ? nodes : undefined;
    });
    const sim = server.backend;
    if (!(sim instanceof Simulation)) throw new Error('the demo backend is not the simulator');
    const truth = new Map(sim.nodeMetrics().map((s) => [s.name, s]));
    for (const row of snapshot) {
      const sample = truth.get(row.name);
      expect(row.diskCapacityBytes).toBe(Math.round(sample?.capacity.diskBytes ?? NaN));
      expect(row.diskBytes).toBeGreaterThan(0);
      expect(row.diskBytes).toBeLessThan(row.diskCapacityBytes ?? 0);
    }
    // The demo's pods have memory limits: some container on some node is measured against one.
    expect(snapshot.some((n) => typeof n.podMemoryPeak === 'number' && n.podMemoryPeak > 0)).toBe(true);
    for (const row of snapshot)
      if (row.podMemoryPeak != null) expect(row.podMemoryPeak).toBeLessThanOrEqual(1);

    const node = snapshot[0]?.name ?? '';
    const history = await waitFor('history open', () => context.history());
    const series = await waitFor('a sample with disk use in history', () => {
      const points = history.nodeSeries({ node, since: 0, limit: 1000 });
      return points.some((p) => typeof p.diskBytes === 'number') ? points : undefined;
    });
    expect(series.find((p) => typeof p.diskBytes === 'number')?.diskBytes).toBeGreaterThan(0);
    expect(history.nodeSamples.diskCapacity(node)).toBe(snapshot[0]?.diskCapacityBytes);
    // The node page's series carries them too, for its charts.
    const reply = await collector.service.handle({
      id: 2,
      method: 'history.nodeSeries',
      params: { node, since: 0 },
    });
    if (!reply.ok) throw new Error(reply.error.message);
    const points = (reply.result as { points: Array<{ diskBytes?: number }> }).points;
    expect(points.some((p) => typeof p.diskBytes === 'number')).toBe(true);
    expect(collector.connection()?.state).toBe('connected');
  });

  it('a 403 on nodes/proxy degrades only these figures, and names the permission', async () => {
    const { context, collector } = await setup({ forbidden: [{ resource: 'nodes/proxy' }] });
    const status = await waitFor('degraded by the 403', () =>
      collector.connection()?.state === 'degraded' &&
      /nodes\/proxy/.test(collector.connection()?.message ?? '')
        ? collector.connection()
        : undefined,
    );
    expect(status?.message).toMatch(/permission needed is "get nodes\/proxy"/);
    const nodes = context.snapshot()?.nodes ?? [];
    expect(nodes.length).toBe(3);
    expect(nodes.every((n) => n.cpuMillis !== null && n.diskBytes === undefined)).toBe(true);
  });

  it('limits from the pod specs (live) and from the summary itself (training) give the same peak', async () => {
    const { context } = await setup();
    const reader = await waitFor('the cluster', () => context.cluster()?.reader);
    await reader.whenSynced?.();
    const pods = new Map((await (reader.listPodFacts?.() ?? [])).map((p) => [`${p.namespace}/${p.name}`, p]));
    const fromSpecs = memoryLimitsOf(pods);
    let compared = 0;
    for (const node of await reader.listNodes()) {
      const summary = await reader.getNodeSummary?.(node.name);
      const live = summaryFacts(summary, fromSpecs);
      const training = summaryFacts(summary, () => undefined);
      if (training.podMemoryPeak === null) {
        expect(live.podMemoryPeak).toBeNull();
        continue;
      }
      expect(live.podMemoryPeak).toBeCloseTo(training.podMemoryPeak, 6);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
