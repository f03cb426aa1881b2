import { describe, expect, it } from 'vitest';
import { isPodReady } from '../kube/pods.ts';
import { MINUTE, runScenario, slope } from '../testing/scenario-run.ts';

describe('networkDegradation', () => {
  it('latency climbs before probes fail; then Unhealthy events and NotReady pods; then it recovers', () => {
    const latency: [number, number][] = [];
    let notReady = 0;
    const run = runScenario(
      { family: 'networkDegradation', severity: 0.6, precursor: 'strong', durationMs: 20 * MINUTE },
      30,
      (sim, incident) => {
        if (!incident) return;
        if (incident.visibleMs === undefined) {
          const sample = sim.nodeMetrics().find((n) => n.name === incident.node);
          if (sample) latency.push([(sim.now() - incident.onsetMs) / MINUTE, sample.latencyMs]);
        } else if (incident.endMs === undefined) {
          notReady = Math.max(
            notReady,
            sim.cache
              .podsOn(incident.node ?? '')
              .filter(
                (p) =>
                  p.spec.readinessProbe === undefined &&
                  p.spec.containers.some((c) => c.readinessProbe) &&
                  !isPodReady(p),
              ).length,
          );
        }
      },
    );
    const { incident } = run;
    expect(incident.visibleMs).toBeDefined();
    expect(slope(latency)).toBeGreaterThan(20);
    expect(notReady).toBeGreaterThan(0);
    const unhealthy = run.events('Unhealthy').filter((e) => e.source.host === incident.node);
    expect(unhealthy[0]?.message).toMatch(
      /^Readiness probe failed: Get "http:\/\/10\.\d+\.\d+\.\d+:8080\/healthz": context deadline exceeded/,
    );
    expect(incident.endMs).toBe(incident.onsetMs + 20 * MINUTE);
    const after = run.sim.cache
      .podsOn(incident.node ?? '')
      .filter((p) => p.spec.containers.some((c) => c.readinessProbe) && p.status?.phase === 'Running');
    expect(after.every(isPodReady)).toBe(true);
  });

  it('the NIC error counters climb while the network is degraded and read 0 once it recovers', () => {
    const counts: number[] = [];
    const run = runScenario(
      { family: 'networkDegradation', severity: 0.6, precursor: 'strong', durationMs: 10 * MINUTE },
      14,
      (sim, incident) => {
        const errors = sim.nodeMetrics().find((n) => n.name === incident?.node)?.nicErrors;
        if (errors && incident?.endMs === undefined) counts.push(errors.rx + errors.tx);
      },
    );
    expect(counts.every((c, i) => i === 0 || c >= (counts[i - 1] ?? 0))).toBe(true);
    expect(counts.at(-1)).toBeGreaterThan(100);
    expect(run.sim.nodeMetrics().find((n) => n.name === run.incident.node)?.nicErrors).toEqual({
      rx: 0,
      tx: 0,
    });
  });
});
