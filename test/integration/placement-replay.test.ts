import { describe, expect, it } from 'vitest';
import type { ScenarioSpec } from '../../core/sim/scenarios/scenario.ts';
import { createSimulation } from '../../core/sim/simulation.ts';
import { ForesightView } from '../bench/placement-replay-view.ts';
import { runReplay, type ReplayFigures } from '../bench/placement-replay.ts';

const MINUTE = 60_000;

/** A short replay: a node fails 25 min in (after a 10-minute warning), another leaks memory. */
const scenarios: ScenarioSpec[] = [
  { family: 'hardwareFailure', onsetMs: 25 * MINUTE, precursor: 'strong', target: { node: 'node-04' } },
  {
    family: 'noisyNeighbour',
    onsetMs: 10 * MINUTE,
    severity: 0.8,
    target: { node: 'node-07' },
    durationMs: 20 * MINUTE,
  },
];
const options = { seed: 5, hours: 0.75, streamSize: 16, scenarios };

/** First-generation pods arrive on the stream's own schedule, whatever either policy did. */
const arrivals = (f: ReplayFigures) => f.created.filter((c) => /-1@/.test(c));

describe('placement replay harness', () => {
  const kube = runReplay('kube-scheduler', options);
  const foresight = runReplay('foresight', options);

  it('gives both policies the same stream and the same incidents', () => {
    expect(arrivals(kube).length).toBeGreaterThan(5);
    expect(arrivals(foresight)).toEqual(arrivals(kube));
    expect(kube.incidents).toEqual(['noisyNeighbour@node-07@10', 'hardwareFailure@node-04@25']);
    expect(foresight.incidents).toEqual(kube.incidents);
  });

  it('places every arriving pod under both policies and counts the same figures', () => {
    for (const f of [kube, foresight]) {
      expect(f.placed).toBeGreaterThanOrEqual(arrivals(f).length);
      expect(f.disruptions).toBe(f.oomKills + f.evictions + f.restarts);
      expect(f.nodesInUse).toBeGreaterThan(0);
    }
  });

  it('is deterministic: the same seed gives the same figures', () => {
    expect(runReplay('foresight', options)).toEqual(foresight);
  });

  it('Foresight with none of its signals places exactly as kube-scheduler does', () => {
    const bare = runReplay('foresight', { ...options, foresightSignals: [] });
    expect({ ...bare, policy: 'kube-scheduler' }).toEqual(kube);
  });
});

describe("the replay's view of the cluster (what a live Foresight sees)", () => {
  it('counts pods deleted from a failed node as evictions there, and feeds them to Stability and core/risk', () => {
    const startMs = Date.UTC(2025, 5, 2, 8);
    const sim = createSimulation({
      seed: 3,
      preset: 'default',
      scenarios: [
        { family: 'hardwareFailure', onsetMs: MINUTE, precursor: 'none', target: { node: 'node-02' } },
      ],
      startMs,
      tickMs: 5000,
    });
    const view = new ForesightView(sim, startMs);
    for (let t = 0; t < 8; t++) {
      sim.advance(MINUTE);
      view.sample();
    }
    const evicted = view.events.filter((e) => e.kind === 'PodEvicted' && e.node === 'node-02');
    const signals = view.signals();
    view.close();
    sim.close();
    expect(evicted.length).toBeGreaterThan(0);
    expect(evicted[0]?.detail).toBe('DeletionByTaintManager');
    expect(signals.disruptions?.get('node-02')?.evictions).toBe(evicted.length);
    // The node's own failure counts once, however many pods it took down.
    expect(signals.disruptions?.get('node-02')?.nodeFailures).toBe(1);
    // Usage is stamped with the collection it came from, so pods bound since count as assumed.
    expect(signals.usage?.get('node-01')?.sampledAt).toBe(startMs + 8 * MINUTE);
    expect(view.events.some((e) => e.kind === 'NodeCondition' && e.node === 'node-02')).toBe(true);
    // core/risk's LiveRisk judges every node from the same samples and events.
    expect([...(signals.risks?.keys() ?? [])].sort()).toEqual(
      [...(signals.usage?.keys() ?? []), 'node-02'].sort(),
    );
  });
});
