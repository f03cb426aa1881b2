import { describe, expect, it } from 'vitest';
import { MINUTE, runScenario, slope } from '../testing/scenario-run.ts';

describe('diskFill', () => {
  it('node disk use climbs, DiskPressure with its taint, the writer is evicted, and pressure clears', () => {
    const disk: [number, number][] = [];
    let tainted = false;
    const run = runScenario(
      { family: 'diskFill', severity: 0.8, precursor: 'strong' },
      25,
      (sim, incident) => {
        if (!incident) return;
        const node = sim.store.get('/nodes', undefined, incident.node ?? '') as {
          spec?: { taints?: { key: string }[] };
        };
        if (node.spec?.taints?.some((t) => t.key === 'node.kubernetes.io/disk-pressure')) tainted = true;
        if (incident.visibleMs !== undefined) return;
        const sample = sim.nodeMetrics().find((n) => n.name === incident.node);
        if (sample) disk.push([(sim.now() - incident.onsetMs) / MINUTE, sample.diskBytes]);
      },
    );
    const { incident } = run;
    expect(incident.target.kind).toBe('Node');
    const lead = ((incident.visibleMs ?? 0) - incident.onsetMs) / MINUTE;
    expect(lead).toBeGreaterThan(7);
    expect(lead).toBeLessThan(12);
    expect(slope(disk)).toBeGreaterThan(1024 ** 3);
    expect(tainted).toBe(true);
    expect(run.events('Evicted')[0]?.message).toMatch(/^The node was low on resource: ephemeral-storage\./);
    expect(incident.endMs).toBeDefined();
    // Five minutes after the writer is gone, the condition clears.
    expect(
      run.node(incident.node ?? '').status?.conditions?.find((c) => c.type === 'DiskPressure')?.status,
    ).toBe('False');
  });
});
