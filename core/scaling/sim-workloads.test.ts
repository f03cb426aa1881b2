import { describe, expect, it } from 'vitest';
import { simulatorWorkloadSeries } from './sim-workloads.ts';

describe('simulatorWorkloadSeries', () => {
  const a = simulatorWorkloadSeries({ seed: 1, days: 2, stepMs: 3_600_000 });

  it('gives every scalable workload a series of the asked length, deterministically', () => {
    expect(a.length).toBeGreaterThan(10);
    expect(a.every((s) => s.cpuMillis.length === 48 && s.podMemoryBytes.length === 48)).toBe(true);
    const b = simulatorWorkloadSeries({ seed: 1, days: 2, stepMs: 3_600_000 });
    expect(b.map((s) => [s.workload, [...s.cpuMillis]])).toEqual(
      a.map((s) => [s.workload, [...s.cpuMillis]]),
    );
  });

  it('carries the HPAs the simulator built, and web load that peaks in the afternoon (UTC)', () => {
    expect(a.some((s) => s.hpa && s.hpa.maxReplicas >= s.hpa.minReplicas)).toBe(true);
    const web = a.find((s) => s.pattern === 'web');
    const day = [...(web?.cpuMillis.slice(0, 24) ?? [])];
    const peakHour = day.indexOf(Math.max(...day));
    expect(peakHour).toBeGreaterThanOrEqual(12);
    expect(peakHour).toBeLessThanOrEqual(22);
  });

  it('a different seed gives a different cluster', () => {
    const c = simulatorWorkloadSeries({ seed: 2, days: 2, stepMs: 3_600_000 });
    expect(c.map((s) => s.workload)).not.toEqual(a.map((s) => s.workload));
  });
});
