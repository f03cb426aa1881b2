import { describe, expect, it } from 'vitest';
import type { ScenarioSpec } from '../../core/sim/scenarios/scenario.ts';
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
});
