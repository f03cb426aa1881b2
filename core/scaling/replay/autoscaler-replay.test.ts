import { describe, expect, it } from 'vitest';
import { replay, upstreamPolicy, type ReplayWorkload } from './autoscaler-replay.ts';
import { predictivePolicy } from './predictive-policy.ts';

/** 1-minute load: 400 m for an hour, then a step to 1,600 m (needs 4× the pods at 50%). */
function stepLoad(): ReplayWorkload {
  const load = Float64Array.from({ length: 120 }, (_, i) => (i < 60 ? 400 : 1600));
  return { load, stepMs: 60_000, requestMillis: 200, targetUtilization: 50, minReplicas: 1, maxReplicas: 40 };
}

describe('replay', () => {
  it('the upstream HPA settles at the target and reacts to a step after its pods start', () => {
    const w = stepLoad();
    const result = replay(w, upstreamPolicy(w), { from: 0, to: 120 });
    expect(result.replicas[30]).toBe(4); // 400 m at 100 m per pod
    expect(result.replicas[100]).toBe(16);
    // Pods asked for at the step serve a minute later: a couple of minutes short, not more.
    expect(result.underProvisionedMinutes).toBeGreaterThan(0);
    expect(result.underProvisionedMinutes).toBeLessThanOrEqual(2);
  });

  it('keeps the 300 s scale-down stabilization unless told otherwise', () => {
    const load = Float64Array.from({ length: 30 }, (_, i) => (i < 10 ? 1600 : 400));
    const w = { ...stepLoad(), load };
    const held = replay(w, upstreamPolicy(w), { from: 0, to: 30 });
    expect(held.replicas[12]).toBe(16);
    expect(held.replicas[20]).toBe(4);
    const quick = replay(w, upstreamPolicy(w), { from: 0, to: 30, scaleDownWindowSeconds: 0 });
    expect(quick.replicas[12]).toBe(4);
    expect(quick.podHours).toBeLessThan(held.podHours);
  });

  it('predictive replicas are ready before a forecast step, so nothing is under-provisioned', () => {
    const w = stepLoad();
    // A perfect forecast two minutes ahead.
    const upper = Float64Array.from(w.load, (_, i) => w.load[Math.min(i + 2, w.load.length - 1)] ?? 0);
    const reactive = replay(w, upstreamPolicy(w), { from: 0, to: 120 });
    const predictive = replay(w, predictivePolicy(w, { prescale: upper, hold: upper }), { from: 0, to: 120 });
    expect(predictive.underProvisionedMinutes).toBe(0);
    expect(reactive.underProvisionedMinutes).toBeGreaterThan(0);
    expect(predictive.replicas[58]).toBeGreaterThan(reactive.replicas[58] ?? 0);
  });

  it('falls back to the upstream recommendation where there is no forecast', () => {
    const w = stepLoad();
    const none = new Float64Array(120).fill(NaN);
    const a = replay(w, predictivePolicy(w, { prescale: none, hold: none }), { from: 0, to: 120 });
    const b = replay(w, upstreamPolicy(w), { from: 0, to: 120 });
    expect([...a.replicas]).toEqual([...b.replicas]);
  });

  it('releases pods as soon as the hold forecast says load is leaving, and keeps them while it says not yet', () => {
    // 1,600 m for 10 minutes, then 400 m: the HPA keeps 16 pods for its 300 s window.
    const load = Float64Array.from({ length: 30 }, (_, i) => (i < 10 ? 1600 : 400));
    const w = { ...stepLoad(), load };
    const perfect = Float64Array.from(load, (_, i) => Math.max(load[i + 1] ?? 400, load[i + 2] ?? 400));
    const hpa = replay(w, upstreamPolicy(w), { from: 0, to: 30 });
    const predictive = replay(w, predictivePolicy(w, { prescale: perfect, hold: perfect }), {
      from: 0,
      to: 30,
      scaleDownWindowSeconds: 0,
    });
    expect(hpa.replicas[12]).toBe(16);
    expect(predictive.replicas[12]).toBeLessThan(16);
    expect(predictive.podHours).toBeLessThan(hpa.podHours);
    expect(predictive.underProvisionedMinutes).toBe(0);
    // A hold forecast that still sees the high load keeps the pods even though the load dropped.
    const stillHigh = new Float64Array(30).fill(1600);
    const held = replay(w, predictivePolicy(w, { prescale: perfect, hold: stillHigh }), {
      from: 0,
      to: 30,
      scaleDownWindowSeconds: 0,
    });
    expect(held.replicas[12]).toBe(15);
  });
});
