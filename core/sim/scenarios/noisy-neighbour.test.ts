import { describe, expect, it } from 'vitest';
import { MINUTE, runScenario, slope } from '../testing/scenario-run.ts';

describe('noisyNeighbour', () => {
  it('node CPU ramps to saturation and latency rises with it', () => {
    const cpu: [number, number][] = [];
    let saturatedLatency = 0;
    const run = runScenario(
      { family: 'noisyNeighbour', severity: 1, precursor: 'strong' },
      15,
      (sim, incident) => {
        if (!incident) return;
        const sample = sim.nodeMetrics().find((n) => n.name === incident.node);
        if (!sample) return;
        if (incident.visibleMs === undefined)
          cpu.push([(sim.now() - incident.onsetMs) / MINUTE, sample.cpuMillis]);
        else saturatedLatency = Math.max(saturatedLatency, sample.latencyMs);
      },
    );
    const { incident } = run;
    expect(incident.visibleMs).toBeDefined();
    expect(slope(cpu)).toBeGreaterThan(100);
    expect(saturatedLatency).toBeGreaterThan(50);
    expect(incident.endMs).toBeUndefined();
  });
});
