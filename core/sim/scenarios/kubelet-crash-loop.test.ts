import { describe, expect, it } from 'vitest';
import { MINUTE, runScenario } from '../testing/scenario-run.ts';

describe('kubeletCrashLoop', () => {
  it('short restarts first (Starting kubelet.), then the node flaps NotReady', () => {
    const readiness: string[] = [];
    const run = runScenario(
      { family: 'kubeletCrashLoop', severity: 0.6, precursor: 'strong', durationMs: 30 * MINUTE },
      35,
      (sim, incident) => {
        const node = sim.store.get('/nodes', undefined, incident?.node ?? '') as
          { status?: { conditions?: { type: string; status: string }[] } } | undefined;
        const ready = node?.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? '';
        if (readiness.at(-1) !== ready) readiness.push(ready);
      },
      5000,
    );
    const { incident } = run;
    const starts = run.events('Starting').filter((e) => e.involvedObject.name === incident.node);
    expect(starts[0]?.count).toBeGreaterThanOrEqual(5);
    // Restarts came before anything was visible.
    expect(Date.parse(starts[0]?.firstTimestamp ?? '')).toBeLessThan(incident.visibleMs ?? 0);
    expect(((incident.visibleMs ?? 0) - incident.onsetMs) / MINUTE).toBeGreaterThan(8);
    expect(readiness.filter((s) => s === 'Unknown').length).toBeGreaterThanOrEqual(2);
    expect(readiness.at(-1)).toBe('True');
  });

  it('a timescale is how long the short restarts go on before the node goes NotReady', () => {
    const run = runScenario(
      { family: 'kubeletCrashLoop', severity: 0.6, precursor: 'strong', timescaleMs: 40 * MINUTE },
      65,
    );
    const { incident } = run;
    const lead = ((incident.visibleMs ?? 0) - incident.onsetMs) / MINUTE;
    expect(lead).toBeGreaterThan(38);
    expect(lead).toBeLessThan(46);
    // 18 min of long outages follow the short ones.
    expect(((incident.endMs ?? 0) - incident.onsetMs) / MINUTE).toBeCloseTo(58, 0);
  });
});
