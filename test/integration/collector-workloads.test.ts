import { afterEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../core/demo/server.ts';
import { startContextCollector } from './support/collector.ts';
import { waitFor } from './support/wait.ts';

// The collector against the real demo API: workloads, HPAs, PDBs and Warning events are mirrored,
// per-pod usage lands in history by workload, and a 403 on one resource degrades only what needs it.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(faults: Parameters<DemoServer['faults']['set']>[0] = {}) {
  const server = await startDemoServer({ seed: 21, nodes: 4 });
  cleanups.push(() => server.close());
  server.faults.set(faults);
  const { service, connection, context } = startContextCollector(server.kubeconfigYaml(), {
    usageIntervalMs: 200,
  });
  cleanups.push(() => service.stop());
  return { server, context, connection };
}

describe('collector: workloads, per-pod usage and partial access', () => {
  it('mirrors workloads, HPAs and PDBs, gives placement trimmed objects, and records usage by workload', async () => {
    const { context, connection } = await setup();
    await waitFor('connected', () => (connection()?.state === 'connected' ? true : undefined));
    const reader = await waitFor('the cluster', () => context.cluster()?.reader);
    const workloads = await waitFor('workloads', () => {
      const list = reader.listWorkloads?.() ?? [];
      return list.some((w) => w.kind === 'Deployment') ? list : undefined;
    });
    expect(workloads.find((w) => w.kind === 'Deployment')?.template?.spec.containers.length).toBeGreaterThan(
      0,
    );
    expect(reader.listHpas?.().length).toBeGreaterThan(0);
    expect(reader.listPdbs?.().length).toBeGreaterThan(0);

    const objects = await reader.listSchedulingObjects?.();
    expect(objects?.nodes.length).toBe(4);
    expect(objects?.pods.some((p) => p.spec.nodeName && p.spec.containers.length > 0)).toBe(true);

    const recorded = await waitFor('workload usage in history', () => {
      const refs = context.history()?.usage.workloads(0) ?? [];
      return refs.find((r) => r.kind === 'Deployment');
    });
    const series = context.history()?.usage.workloadSeries(recorded, 0, 100) ?? [];
    expect(series[0]?.pods).toBeGreaterThan(0);
    expect(series[0]?.cpuRequestMillis).toBeGreaterThan(0);
  });

  it('a 403 on HPAs degrades only HPA bounds, and says so', async () => {
    const { context, connection } = await setup({ forbidden: [{ resource: 'horizontalpodautoscalers' }] });
    const status = await waitFor('degraded by the 403', () =>
      connection()?.state === 'degraded' &&
      /HorizontalPodAutoscalers unavailable/.test(connection()?.message ?? '')
        ? connection()
        : undefined,
    );
    expect(status?.message).toMatch(/HPA bounds in scaling advice/);
    const reader = context.cluster()?.reader;
    await waitFor('workloads still mirrored', () =>
      (reader?.listWorkloads?.() ?? []).length > 0 ? true : undefined,
    );
    expect(reader?.listHpas?.()).toEqual([]);
    expect(context.snapshot()?.nodes.length).toBe(4);
  });
});
