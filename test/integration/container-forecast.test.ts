import { afterEach, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../core/demo/server.ts';
import { podShape } from '../../core/sim/kube/pods.ts';
import type { Pod } from '../../core/sim/kube/types.ts';
import { Simulation } from '../../core/sim/simulation.ts';
import { keys } from '../../core/sim/store/api-resources.ts';
import { startContextCollector } from './support/collector.ts';
import { waitFor } from './support/wait.ts';

// A container leaking towards its memory limit, end to end through the real demo API: the
// kubelet Summary API's per-container working set through the node proxy, read with the client;
// the collector's forecast (which container, hours left) on the node rows and in history. The
// collector runs on the demo's clock (60× real time), as the trend needs 10 minutes of readings.

const MINUTE = 60_000;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the container soonest to reach its memory limit, from the demo kubelet to history', () => {
  it('names the leaking container with the hours left at its own trend', async () => {
    const server = await startDemoServer({ seed: 41, nodes: 3, podsPerNode: 3, speed: 60, scenarios: [] });
    cleanups.push(() => server.close());
    const sim = server.backend;
    if (!(sim instanceof Simulation)) throw new Error('the demo backend is not the simulator');
    const limited = (sim.store.list(keys.pods) as Pod[]).find(
      (p) => p.spec.nodeName && podShape(p.spec).containers[0]?.limitMemoryBytes !== undefined,
    );
    if (!limited) throw new Error('seed 41 has no pod with a memory limit');
    const limit = podShape(limited.spec).containers[0]?.limitMemoryBytes ?? 0;
    const node = limited.spec.nodeName ?? '';
    const t0 = sim.now();
    // A third of the limit per 30 min of cluster time: a steady leak, hours from its limit.
    sim.effects.memoryLeaks.add(
      limited.metadata.uid ?? '',
      (t) => ((Math.max(0, t - t0) / (30 * MINUTE)) * limit) / 3,
    );

    const collector = startContextCollector(server.kubeconfigYaml(), {}, { now: () => sim.now() });
    cleanups.push(() => collector.service.stop());
    const { context } = collector;
    const row = await waitFor(
      'a container forecast on the leaking node',
      () => context.snapshot()?.nodes.find((n) => n.name === node && n.containerNearestLimit !== undefined),
      60_000,
    );
    expect(row.containerNearestLimit).toBe(
      `${limited.metadata.namespace}/${limited.metadata.name}/${limited.spec.containers[0]?.name ?? ''}`,
    );
    // Growing 2/3 of the limit per hour, it is at most 1.5 h from its limit (less, the fuller it starts).
    expect(row.containerHoursToLimit ?? Infinity).toBeGreaterThan(0);
    expect(row.containerHoursToLimit ?? Infinity).toBeLessThan(1.6);

    const history = context.history();
    if (!history) throw new Error(context.historyProblem());
    const stored = await waitFor('the forecast in history', () =>
      history
        .nodeSeries({ node, since: 0, limit: 10_000 })
        .find((s) => s.containerHoursToLimit !== undefined),
    );
    expect(stored.containerHoursToLimit).toBeLessThan(1.6);
  });
});
