import { afterEach, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../core/demo/server.ts';
import type { WorkerDomain } from '../../core/worker/domain.ts';
import { startTestCollector } from './support/collector.ts';
import { waitFor } from './support/wait.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// A domain (risk, autopilot, placement tracking) that throws after a collection must not stop
// collection, and must not pass off its last results as current: the status says it failed.
describe('a domain that fails after collection', () => {
  it('degrades the status with its name and the error, keeps collecting, and clears when it recovers', async () => {
    const server = await startDemoServer({ seed: 3, nodes: 3, podsPerNode: 1 });
    cleanups.push(() => server.close());
    let failing = true;
    let rounds = 0;
    const flaky: WorkerDomain = {
      title: 'Risk prediction',
      methods: [],
      handle: () => {
        throw new Error('not called');
      },
      afterCollect: () => {
        rounds += 1;
        if (failing) throw new RangeError('index 7 out of range');
      },
    };
    const { service, connection, events } = startTestCollector(
      server.kubeconfigYaml(),
      {},
      { domains: [() => flaky] },
    );
    cleanups.push(() => service.stop());

    await waitFor(
      'degraded by the domain',
      () => (connection()?.state === 'degraded' ? true : undefined),
      10_000,
    );
    expect(connection()?.message).toMatch(/Risk prediction failed \(RangeError: index 7 out of range\)/);
    const snapshots = () => events.filter((e) => e.name === 'nodes').length;
    const before = snapshots();
    await waitFor('collection goes on', () => (snapshots() > before + 2 ? true : undefined), 10_000);
    expect(rounds).toBeGreaterThan(2);

    failing = false;
    await waitFor('connected again', () => (connection()?.state === 'connected' ? true : undefined), 10_000);
    expect(connection()?.message).toBeUndefined();
  });
});
