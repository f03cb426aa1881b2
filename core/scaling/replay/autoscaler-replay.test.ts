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
    const predictive = replay(w, predictivePolicy(w, { prescale: upper, hold: upper, holdNext: upper }), {
      from: 0,
      to: 120,
    });
    expect(predictive.underProvisionedMinutes).toBe(0);
    expect(reactive.underProvisionedMinutes).toBeGreaterThan(0);
    expect(predictive.replicas[58]).toBeGreaterThan(reactive.replicas[58] ?? 0);
  });

  it('falls back to the upstream recommendation where there is no forecast', () => {
    const w = stepLoad();
    const none = new Float64Array(120).fill(NaN);
    const a = replay(w, predictivePolicy(w, { prescale: none, hold: none, holdNext: none }), {
      from: 0,
      to: 120,
    });
    const b = replay(w, upstreamPolicy(w), { from: 0, to: 120 });
    expect([...a.replicas]).toEqual([...b.replicas]);
  });

  it('releases pods as soon as the hold forecast says load is leaving, and keeps them while it says not yet', () => {
    // 1,600 m for 10 minutes, then 400 m: the HPA keeps 16 pods for its 300 s window.
    const load = Float64Array.from({ length: 30 }, (_, i) => (i < 10 ? 1600 : 400));
    const w = { ...stepLoad(), load };
    const perfect = Float64Array.from(load, (_, i) => Math.max(load[i + 1] ?? 400, load[i + 2] ?? 400));
    const hpa = replay(w, upstreamPolicy(w), { from: 0, to: 30 });
    const predictive = replay(
      w,
      predictivePolicy(w, { prescale: perfect, hold: perfect, holdNext: perfect }),
      {
        from: 0,
        to: 30,
        scaleDownWindowSeconds: 0,
      },
    );
    expect(hpa.replicas[12]).toBe(16);
    expect(predictive.replicas[12]).toBeLessThan(16);
    expect(predictive.podHours).toBeLessThan(hpa.podHours);
    expect(predictive.underProvisionedMinutes).toBe(0);
    // A hold forecast that still sees the high load keeps the pods even though the load dropped.
    const stillHigh = new Float64Array(30).fill(1600);
    const held = replay(w, predictivePolicy(w, { prescale: perfect, hold: stillHigh, holdNext: stillHigh }), {
      from: 0,
      to: 30,
      scaleDownWindowSeconds: 0,
    });
    expect(held.replicas[12]).toBe(15);
  });
});

describe('predictive policy: the hold quantile keeps only pods the load has used', () => {
  // 400 m needs 4 pods in the HPA's band (110 m per pod at 200 m × 50% + 10%); 520 m needs 5,
  // and 5 pods run it within the HPA's tolerance.
  const at = (values: Record<number, number>, otherwise: number) =>
    Float64Array.from({ length: 40 }, (_, i) => values[i] ?? otherwise);
  const cases = [
    {
      name: 'a pre-scaled pod the load never used goes when the pre-scale forecast stops asking',
      load: at({}, 400),
      prescale: at({ 9: 500, 10: 500 }, 400),
      usedWithinMs: 600_000,
      replicas: { 8: 4, 9: 5, 10: 5, 11: 4, 20: 4 },
    },
    {
      name: 'a pod the load used is kept on the hold quantile for the used-within window',
      load: at({ 10: 520 }, 400),
      prescale: at({ 9: 520 }, 400),
      usedWithinMs: 600_000,
      replicas: { 9: 5, 11: 5, 20: 5, 21: 4 },
    },
    {
      name: 'with no window, the same pod goes as soon as the load has left',
      load: at({ 10: 520 }, 400),
      prescale: at({ 9: 520 }, 400),
      usedWithinMs: 0,
      replicas: { 9: 5, 10: 5, 11: 4 },
    },
  ];
  it.each(cases)('$name', ({ load, prescale, usedWithinMs, replicas }) => {
    const w = { ...stepLoad(), load };
    // The hold forecast always sees 600 m (6 pods): only the used-within rule releases pods.
    const hold = new Float64Array(load.length).fill(600);
    const result = replay(w, predictivePolicy(w, { prescale, hold, holdNext: hold }, { usedWithinMs }), {
      from: 0,
      to: load.length,
      scaleDownWindowSeconds: 0,
    });
    for (const [step, expected] of Object.entries(replicas))
      expect(result.replicas[Number(step)], `step ${step}`).toBe(expected);
    expect(result.underProvisionedMinutes).toBe(0);
  });
});

describe('predictive policy: a surprise rise is pre-scaled one step further', () => {
  // A ramp from 400 m by 220 m a minute (two pods' worth in the HPA's band) that the forecast
  // never sees: its quantiles stay at 400 m.
  const load = Float64Array.from({ length: 30 }, (_, i) =>
    i < 10 ? 400 : Math.min(1500, 400 + 220 * (i - 9)),
  );
  const flat = new Float64Array(30).fill(400);
  const cases = [
    { name: 'the forecast expects the level: the rule pre-scales the ramp', holdNext: flat, fewer: true },
    {
      name: 'the forecast sees no step ahead: no rule, the HPA alone reacts',
      holdNext: new Float64Array(30).fill(NaN),
      fewer: false,
    },
  ];
  it.each(cases)('$name', ({ holdNext, fewer }) => {
    const w = { ...stepLoad(), load };
    const options = { from: 0, to: 30, scaleDownWindowSeconds: 0 };
    const hpa = replay(w, upstreamPolicy(w), options);
    const predictive = replay(w, predictivePolicy(w, { prescale: flat, hold: flat, holdNext }), options);
    if (fewer) expect(predictive.underProvisionedMinutes).toBeLessThan(hpa.underProvisionedMinutes);
    else expect(predictive.underProvisionedMinutes).toBe(hpa.underProvisionedMinutes);
  });
});
