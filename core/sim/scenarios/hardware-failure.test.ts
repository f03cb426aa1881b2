import { describe, expect, it } from 'vitest';
import { MINUTE, runScenario } from '../testing/scenario-run.ts';

describe('hardwareFailure', () => {
  it('no warning: latency flat, NotReady within a minute, pods evicted five minutes later, never back', () => {
    let latencyBefore = 0;
    const run = runScenario(
      { family: 'hardwareFailure', precursor: 'none' },
      12,
      (sim, incident) => {
        if (!incident || incident.visibleMs !== undefined) return;
        const sample = sim.nodeMetrics().find((n) => n.name === incident.node);
        latencyBefore = Math.max(latencyBefore, sample?.latencyMs ?? 0);
      },
      5000,
    );
    const { incident, sim } = run;
    expect(latencyBefore).toBeLessThan(5);
    const lead = ((incident.visibleMs ?? 0) - incident.onsetMs) / 1000;
    expect(lead).toBeGreaterThanOrEqual(40);
    expect(lead).toBeLessThanOrEqual(60);
    expect(run.node(incident.node ?? '').status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe(
      'Unknown',
    );
    expect(sim.nodeMetrics().some((n) => n.name === incident.node)).toBe(false);
    const evicted = run
      .events('TaintManagerEviction')
      .filter((e) => e.message.startsWith('Marking for deletion'));
    expect(evicted.length).toBeGreaterThan(0);
    expect(Date.parse(evicted[0]?.firstTimestamp ?? '') - (incident.visibleMs ?? 0)).toBeGreaterThanOrEqual(
      295_000,
    );
    expect(incident.endMs).toBeUndefined();
  });

  it('a strong precursor: bursts of latency for ten minutes first', () => {
    let spikes = 0;
    const run = runScenario(
      { family: 'hardwareFailure', precursor: 'strong' },
      13,
      (sim, incident) => {
        if (!incident || incident.visibleMs !== undefined) return;
        const sample = sim.nodeMetrics().find((n) => n.name === incident.node);
        if ((sample?.latencyMs ?? 0) > 100) spikes++;
      },
      10_000,
    );
    expect(spikes).toBeGreaterThan(5);
    expect(((run.incident.visibleMs ?? 0) - run.incident.onsetMs) / MINUTE).toBeGreaterThan(10);
  });

  it.each([
    ['no warning: no NIC counts an error', 'none' as const, false],
    ['a strong precursor: the NIC error counters climb for ten minutes first', 'strong' as const, true],
  ])('%s', (_what, precursor, errs) => {
    const counts = new Map<string, number[]>();
    runScenario(
      { family: 'hardwareFailure', precursor },
      12,
      (sim) => {
        for (const n of sim.nodeMetrics())
          counts.set(n.name, [...(counts.get(n.name) ?? []), n.nicErrors.rx + n.nicErrors.tx]);
      },
      10_000,
    );
    const series = [...counts.values()];
    expect(series.every((s) => s.every((c, i) => i === 0 || c >= (s[i - 1] ?? 0)))).toBe(true);
    expect(series.filter((s) => (s.at(-1) ?? 0) > 100).length).toBe(errs ? 1 : 0);
    expect(series.filter((s) => (s.at(-1) ?? 0) > 0).length).toBe(errs ? 1 : 0);
  });
});
