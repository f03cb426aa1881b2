import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../core/contract/index.ts';
import { startDemoServer, type DemoServer } from '../../core/demo/server.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';
import { startTestCollector } from './support/collector.ts';
import { waitFor } from './support/wait.ts';

// The collector (as the worker runs it) against the real demo API server, through a relay that
// can take the server away: faults are injected with the server's own knobs.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(faults: Parameters<DemoServer['faults']['set']>[0] = {}, intervalMs = 200) {
  const server: DemoServer = await startDemoServer({ seed: 9, nodes: 4, podsPerNode: 2 });
  cleanups.push(() => server.close());
  server.faults.set(faults);
  const proxy = new TcpProxy(server.tlsPort);
  const port = await proxy.start();
  cleanups.push(() => proxy.stop());
  const { service, connection } = startTestCollector(
    server.kubeconfigYaml().replace(`:${server.tlsPort}`, `:${port}`),
    { collectIntervalMs: intervalMs },
  );
  cleanups.push(() => service.stop());
  const nodeName = async () => {
    const reply = await service.handle({ id: 1, method: 'nodes.list', params: {} });
    return reply.ok ? (reply.result as { nodes: Array<{ name: string }> }).nodes[0]?.name : undefined;
  };
  const series = async (node: string) => {
    const reply = await service.handle({ id: 2, method: 'history.nodeSeries', params: { node, since: 0 } });
    if (!reply.ok) throw new Error(reply.error.message);
    return (reply.result as { points: Array<{ at: number; cpuMillis: number | null; pods: number }> }).points;
  };
  return { server, proxy, port, service, connection, nodeName, series };
}

const state = (c: ConnectionStatus | undefined) => c?.state;

describe('collector under faults', () => {
  it('reports an outage within 5 s, reconnects by itself, and history has a gap only for the outage', async () => {
    const { proxy, port, connection, nodeName, series } = await setup();
    await waitFor('connected', () => (state(connection()) === 'connected' ? true : undefined));
    const name = await (async () => {
      for (;;) {
        const n = await nodeName();
        if (n) return n;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await new Promise((r) => setTimeout(r, 1000));

    const outageStart = Date.now();
    await proxy.stop();
    await waitFor('disconnected', () => (state(connection()) === 'disconnected' ? true : undefined), 5000);
    expect(connection()?.message).toMatch(/Cannot reach|connection/i);
    await new Promise((r) => setTimeout(r, 1500));
    await proxy.start(port);
    const outageEnd = Date.now();
    await waitFor('connected again', () => (state(connection()) === 'connected' ? true : undefined), 15_000);
    await new Promise((r) => setTimeout(r, 1000));

    const points = await series(name);
    const gaps = points
      .slice(1)
      .map((p, i) => ({ from: points[i]?.at ?? 0, to: p.at, ms: p.at - (points[i]?.at ?? 0) }));
    const biggest = gaps.reduce((a, b) => (b.ms > a.ms ? b : a));
    // The one big gap spans the outage...
    expect(biggest.from).toBeLessThanOrEqual(outageStart + 300);
    expect(biggest.to).toBeGreaterThanOrEqual(outageEnd - 300);
    // ...and every other gap is about one collection interval.
    const others = gaps.filter((g) => g !== biggest);
    expect(others.length).toBeGreaterThan(5);
    expect(Math.max(...others.map((g) => g.ms))).toBeLessThan(1500);
  });

  it('a 403 on pods degrades only pod counts; nodes and usage keep being recorded', async () => {
    // RBAC that forbids pods from the start (an existing watch would outlive a later change,
    // as on a real API server).
    const { server, connection, nodeName, series } = await setup({ forbidden: [{ resource: 'pods' }] });
    await waitFor(
      'degraded by the 403',
      () => (state(connection()) === 'degraded' ? true : undefined),
      10_000,
    );
    expect(connection()?.message).toMatch(/Forbidden \(403\)/);
    const name = (await nodeName()) ?? '';
    const before = (await series(name)).length;
    await new Promise((r) => setTimeout(r, 800));
    const after = await series(name);
    expect(after.length).toBeGreaterThan(before);
    expect(after.at(-1)?.cpuMillis).not.toBeNull();
    server.faults.set({ forbidden: [], dropWatchAfterSeconds: 0 });
    await waitFor(
      'connected after the 403 is lifted',
      () => (state(connection()) === 'connected' ? true : undefined),
      10_000,
    );
  });

  it('metrics.k8s.io refused (403) degrades usage only; the cluster stays connected', async () => {
    const { server, connection } = await setup();
    await waitFor('connected', () => (state(connection()) === 'connected' ? true : undefined));
    server.faults.set({ forbidden: [{ resource: 'nodes', verbs: ['list'] }] });
    // Only metrics.k8s.io's node list is a plain list each cycle (the node mirror is already
    // watching), so forbidding list on nodes hits the metrics poll. Not `get`: that would also
    // refuse nodes/proxy, and the Summary sampler rightly waits a minute before asking again.
    await waitFor('degraded', () => (state(connection()) === 'degraded' ? true : undefined), 10_000);
    server.faults.set({ forbidden: [] });
    await waitFor('connected again', () => (state(connection()) === 'connected' ? true : undefined), 10_000);
  });
});
