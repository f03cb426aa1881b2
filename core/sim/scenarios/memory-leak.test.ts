import { describe, expect, it } from 'vitest';
import type { Pod } from '../kube/types.ts';
import { MINUTE, runScenario, slope } from '../testing/scenario-run.ts';

describe('memoryLeak', () => {
  it('oom: memory climbs steadily for minutes, then OOM kills and CrashLoopBackOff', () => {
    const memory: [number, number][] = [];
    const run = runScenario(
      { family: 'memoryLeak', severity: 0.7, precursor: 'strong', variant: 'oom' },
      30,
      (sim, incident) => {
        if (!incident || incident.visibleMs !== undefined) return;
        const pod = sim.podMetrics(incident.target.namespace).find((p) => p.uid === incident.target.uid);
        if (pod) memory.push([(sim.now() - incident.onsetMs) / MINUTE, pod.containers[0]?.memoryBytes ?? 0]);
      },
    );
    const { incident } = run;
    expect(incident.target.kind).toBe('Pod');
    const lead = ((incident.visibleMs ?? 0) - incident.onsetMs) / MINUTE;
    expect(lead).toBeGreaterThan(6);
    expect(lead).toBeLessThan(10);
    // The precursor: a clear upward slope over the minutes before the first kill.
    expect(memory.length).toBeGreaterThan(10);
    expect(slope(memory)).toBeGreaterThan(4 * 1024 * 1024);
    const pod = run.pod(incident.target.namespace ?? '', incident.target.name) as Pod;
    const status = pod.status?.containerStatuses?.[0];
    expect(status?.restartCount).toBeGreaterThanOrEqual(2);
    expect(status?.lastState?.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    expect(
      run.events('OOMKilling').filter((e) => e.involvedObject.name === incident.node).length,
    ).toBeGreaterThanOrEqual(2);
    expect(run.events('BackOff').some((e) => e.involvedObject.name === incident.target.name)).toBe(true);
  });

  it('the precursor shapes the warning: a steady slope (strong), almost none (weak), none at all', () => {
    const slopes = (['strong', 'weak', 'none'] as const).map((precursor) => {
      const memory: [number, number][] = [];
      const run = runScenario(
        { family: 'memoryLeak', severity: 0.7, precursor, variant: 'oom' },
        12,
        (sim, incident) => {
          if (!incident) return;
          const at = (sim.now() - incident.onsetMs) / MINUTE;
          const pod = sim.podMetrics(incident.target.namespace).find((p) => p.uid === incident.target.uid);
          // The first five minutes: long before the kill, what a detector would have to go on.
          if (pod && at <= 5) memory.push([at, pod.containers[0]?.memoryBytes ?? 0]);
        },
      );
      expect(run.incident.visibleMs, precursor).toBeDefined();
      return slope(memory);
    });
    const [strong = 0, weak = 0, none = 0] = slopes;
    expect(weak).toBeLessThan(strong / 4);
    expect(Math.abs(none)).toBeLessThan(strong / 4);
  });

  it('pressure: a pod without a limit fills the node: MemoryPressure, then eviction', () => {
    const run = runScenario(
      { family: 'memoryLeak', severity: 0.8, precursor: 'strong', variant: 'pressure' },
      20,
    );
    const { incident } = run;
    const pod = run.pod(incident.target.namespace ?? '', incident.target.name);
    expect(pod?.status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    expect(run.events('NodeHasInsufficientMemory').map((e) => e.involvedObject.name)).toContain(
      incident.node,
    );
    expect(incident.visibleMs).toBeDefined();
    expect(incident.endMs).toBeDefined();
  });

  it('a timescale replaces the severity-tied time to the limit', () => {
    const run = runScenario(
      { family: 'memoryLeak', severity: 0.7, precursor: 'strong', variant: 'oom', timescaleMs: 50 * MINUTE },
      70,
    );
    const lead = ((run.incident.visibleMs ?? 0) - run.incident.onsetMs) / MINUTE;
    expect(lead).toBeGreaterThan(40);
    expect(lead).toBeLessThan(55);
  });
});
