import { describe, expect, it } from 'vitest';
import { simulateHistory } from '../../core/risk/sim-history.ts';
import type { UsagePoint } from '../../core/risk/node-history.ts';

// What the new signals are for: in the history the simulator gives training (read through the
// kubelet Summary API and the collector's parser), the incident families that leave no trace in
// node CPU, memory or pods show their run-up before the first visible effect.

const HOUR = 3_600_000;
const MINUTE = 60_000;

function staged(family: 'diskFill' | 'memoryLeak' | 'kubeletCrashLoop', variant?: string) {
  const history = simulateHistory({
    seed: 8,
    nodes: 4,
    durationMs: 3 * HOUR,
    preset: 'quiet',
    scenarios: [
      { family, onsetMs: 2 * HOUR, severity: 0.5, precursor: 'strong', ...(variant ? { variant } : {}) },
    ],
  });
  const incident = history.incidents[0];
  const node = history.nodes.find((n) => n.node === incident?.node);
  if (!incident?.visibleMs || !node) throw new Error(`the ${family} incident never showed`);
  const at = (from: number, to: number) => node.samples.filter((s) => s.at >= from && s.at < to);
  return { history, incident: { ...incident, visibleMs: incident.visibleMs }, node, at };
}

const most = (samples: UsagePoint[], field: 'diskBytes' | 'podMemoryPeak') =>
  Math.max(...samples.map((s) => s[field] ?? 0));

describe('signals in the simulator’s history run up before their incident', () => {
  it('disk filling: the node’s filesystem use climbs before the visible effect', () => {
    const { incident, node, at } = staged('diskFill');
    const capacity = node.diskCapacityBytes ?? 0;
    expect(capacity).toBeGreaterThan(0);
    const quiet = at(incident.onsetMs - HOUR, incident.onsetMs);
    const runUp = at(incident.visibleMs - 10 * MINUTE, incident.visibleMs);
    expect(quiet.length).toBeGreaterThan(0);
    expect(runUp.length).toBeGreaterThan(0);
    expect(most(runUp, 'diskBytes') / capacity).toBeGreaterThan(most(quiet, 'diskBytes') / capacity + 0.1);
  });

  it('a leak in a container with a limit: the fullest container nears its limit before the OOM kill', () => {
    const { incident, at } = staged('memoryLeak', 'oom');
    const quiet = at(incident.onsetMs - HOUR, incident.onsetMs);
    const runUp = at(incident.visibleMs - 5 * MINUTE, incident.visibleMs + MINUTE);
    expect(most(runUp, 'podMemoryPeak')).toBeGreaterThan(0.9);
    expect(most(runUp, 'podMemoryPeak')).toBeGreaterThan(most(quiet, 'podMemoryPeak'));
    expect(most(runUp, 'podMemoryPeak')).toBeLessThanOrEqual(1);
  });

  it('a kubelet crash loop: restarts are in the node’s events before it goes NotReady', () => {
    const { incident, node } = staged('kubeletCrashLoop');
    const starts = node.events.filter(
      (e) => e.kind === 'KubeletStarted' && e.at >= incident.onsetMs && e.at < incident.visibleMs,
    );
    expect(starts.length).toBeGreaterThan(0);
    expect(starts[0]?.detail).toBe('Starting: Starting kubelet.');
  });
});
