import { describe, expect, it } from 'vitest';
import type { Simulation } from './simulation.ts';
import { createSimulation } from './simulation.ts';
import { keys } from './store/api-resources.ts';

const START = Date.UTC(2025, 5, 2, 6, 0, 0);
const HOUR = 3_600_000;

/** The same API writes at the same simulated times, as a client of the demo server would make. */
function withWrites(sim: Simulation, hours: number): void {
  sim.advance(10 * 60_000);
  sim.store.create(keys.deployments, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'echo', namespace: 'default' },
    spec: {
      replicas: 4,
      selector: { matchLabels: { app: 'echo' } },
      template: {
        metadata: { labels: { app: 'echo' } },
        spec: {
          containers: [
            {
              name: 'echo',
              image: 'ealen/echo-server:0.9',
              resources: { requests: { cpu: '50m', memory: '32Mi' } },
            },
          ],
        },
      },
    },
  });
  sim.advance(20 * 60_000);
  sim.setUnschedulable('node-03', true);
  sim.store.mutate(keys.deployments, 'default', 'echo', (d) => {
    (d['spec'] as { replicas: number }).replicas = 2;
  });
  sim.step(START + hours * HOUR);
}

describe('determinism', () => {
  it('gives identical stores and event logs for the same seed and writes, different ones for another seed', () => {
    const run = (seed: number) => {
      const sim = createSimulation({ seed, startMs: START });
      withWrites(sim, 2);
      return {
        hash: sim.stateHash(),
        events: sim.recorder.recordedCount,
        incidents: JSON.stringify(sim.incidents()),
      };
    };
    const a = run(7);
    const b = run(7);
    const c = run(8);
    expect(a.events).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(c.hash).not.toBe(a.hash);
    // Six simulated hours on a loaded two-core machine: allow time.
  }, 30_000);
});
