import { describe, expect, it } from 'vitest';
import type { Deployment } from '../kube/types.ts';
import { keys } from '../store/api-resources.ts';
import { MINUTE, runScenario, slope } from '../testing/scenario-run.ts';

describe('trafficSurge', () => {
  it('CPU of the Deployment climbs, the HPA scales it out, and back in after the sale', () => {
    const cpu: [number, number][] = [];
    let peak = 0;
    const run = runScenario(
      { family: 'trafficSurge', severity: 0.6, precursor: 'strong', durationMs: 15 * MINUTE },
      40,
      (sim, incident) => {
        if (!incident) return;
        const d = sim.store.get(
          keys.deployments,
          incident.target.namespace,
          incident.target.name,
        ) as Deployment;
        peak = Math.max(peak, d.spec.replicas ?? 0);
        if (incident.visibleMs !== undefined) return;
        const pods = sim
          .podMetrics(incident.target.namespace)
          .filter((p) => p.name.startsWith(`${incident.target.name}-`));
        const total = pods.reduce((sum, p) => sum + p.cpuMillis, 0);
        cpu.push([(sim.now() - incident.onsetMs) / MINUTE, total / Math.max(1, pods.length)]);
      },
    );
    const { incident, sim } = run;
    expect(incident.target.kind).toBe('Deployment');
    expect(incident.visibleMs).toBeDefined();
    expect(slope(cpu)).toBeGreaterThan(0);
    const hpa = sim.store
      .list(keys.horizontalpodautoscalers, incident.target.namespace)
      .find((h) => h.metadata.name === incident.target.name);
    const min = (hpa?.['spec'] as { minReplicas: number }).minReplicas;
    expect(peak).toBeGreaterThan(min);
    expect(
      run
        .events('SuccessfulRescale')
        .some((e) => e.involvedObject.name === incident.target.name && e.message.includes('above target')),
    ).toBe(true);
    const now = sim.store.get(
      keys.deployments,
      incident.target.namespace,
      incident.target.name,
    ) as Deployment;
    expect(now.spec.replicas).toBeLessThan(peak);
  });
});
