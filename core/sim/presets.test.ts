import { describe, expect, it } from 'vitest';
import type { Pod } from './kube/types.ts';
import { PRESETS, presetOf } from './presets.ts';
import { createSimulation } from './simulation.ts';
import { keys } from './store/api-resources.ts';

const START = Date.UTC(2025, 5, 2, 0, 0, 0);
const MINUTE = 60_000;

describe('presets', () => {
  it('default: incidents that show within the first quarter hour at speed 1', () => {
    const sim = createSimulation({ seed: 1, preset: 'default', startMs: START });
    sim.advance(16 * MINUTE);
    const incidents = sim.incidents();
    expect(incidents.slice(0, 4).map((i) => i.family)).toEqual([
      'memoryLeak',
      'diskFill',
      'trafficSurge',
      'networkDegradation',
    ]);
    for (const incident of incidents.slice(0, 4)) {
      expect(incident.visibleMs, incident.family).toBeDefined();
      expect(((incident.visibleMs ?? 0) - START) / MINUTE, incident.family).toBeLessThanOrEqual(15);
    }
    // The leak is visible as a slope from minute 3 and kills around minute 10.
    const leak = incidents[0];
    expect(((leak?.visibleMs ?? 0) - START) / MINUTE).toBeGreaterThan(7);
  });

  it('default: more incidents later, different for another seed', () => {
    const later = (seed: number) => PRESETS.default.scenarios(seed).slice(4);
    expect(later(1).length).toBeGreaterThan(0);
    expect(later(1).every((s) => s.onsetMs >= 60 * MINUTE)).toBe(true);
    expect(later(2)).not.toEqual(later(1));
  });

  it('quiet, over a simulated week: no incidents, no evictions, nothing failed', () => {
    // Four nodes and 30-second ticks keep a week of simulated time to a few seconds of test.
    const sim = createSimulation({
      seed: 1,
      preset: 'quiet',
      nodes: 4,
      podsPerNode: 6,
      startMs: START,
      tickMs: 30_000,
    });
    const warnings = new Set<string>();
    sim.recorder.onRecord((e) => {
      if (e.type === 'Warning') warnings.add(e.reason);
    });
    sim.advance(7 * 24 * 60 * MINUTE);
    expect(sim.incidents()).toEqual([]);
    expect([...warnings]).toEqual([]);
    const pods = sim.store.list(keys.pods) as Pod[];
    expect(pods.filter((p) => p.status?.phase === 'Failed')).toEqual([]);
    expect(
      pods.filter((p) =>
        (p.status?.containerStatuses ?? []).some(
          (c) =>
            c.lastState?.terminated?.reason === 'OOMKilled' &&
            Date.parse(c.lastState.terminated.finishedAt ?? '') >= START,
        ),
      ),
    ).toEqual([]);
  }, 60_000);

  it('large, scaled down for a unit test: the same shape per node, incidents staged, it steps', () => {
    const sim = createSimulation({ seed: 2, preset: 'large', nodes: 200, startMs: START });
    expect(sim.store.count(keys.nodes)).toBe(200);
    // 28 Deployment pods and 2 DaemonSet pods per node, plus the database and the finished Job.
    expect(sim.store.count(keys.pods)).toBe(200 * 28 + 200 * 2 + 3 + 1);
    expect(PRESETS.large.scenarios(2).length).toBeGreaterThan(40);
    sim.advance(2 * MINUTE);
    expect(sim.incidents().length).toBeGreaterThan(0);
    expect(sim.nodeMetrics()).toHaveLength(200);
  }, 30_000);

  it('names presets and rejects unknown ones', () => {
    expect(presetOf('quiet').name).toBe('quiet');
    expect(presetOf(undefined).name).toBe('default');
    expect(() => presetOf('huge' as 'quiet')).toThrow(/unknown preset "huge"/);
  });
});
