import { describe, expect, it } from 'vitest';
import type { NodeRow } from '../contract/index.ts';
import { parseModelBundle } from '../../models/risk/model-bundle.ts';
import defaultModel from '../../models/risk/default/risk-model.json' with { type: 'json' };
import { FEATURE_NAMES } from './features.ts';
import { LiveRisk } from './live-risk.ts';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 5, 3);
const shipped = parseModelBundle(defaultModel, FEATURE_NAMES);

function rows(at: number, nodes = 3): NodeRow[] {
  return Array.from({ length: nodes }, (_, i) => ({
    name: `n${i}`,
    ready: true,
    unschedulable: false,
    roles: [],
    cpuMillis: 1000 + 100 * Math.sin(at / MINUTE + i),
    cpuAllocatableMillis: 4000,
    memoryBytes: (4 + i + ((at - T0) / MINUTE) * 0.01 * i) * 2 ** 30,
    memoryAllocatableBytes: 16 * 2 ** 30,
    pods: 10,
    podCapacity: 110,
  }));
}

/** A LiveRisk with 90 minutes of history on three nodes, predicted once. */
function warmed(): LiveRisk {
  const live = new LiveRisk({ classifier: shipped.classifier, threshold: shipped.threshold });
  for (let m = 0; m < 90; m++) live.observe(T0 + m * MINUTE, rows(T0 + m * MINUTE));
  live.predict(T0 + 89 * MINUTE);
  return live;
}

describe('live risk rounds', () => {
  it('recomputes every node after a new sample and none after a collection that adds nothing', () => {
    const live = warmed();
    const at = T0 + 90 * MINUTE;
    live.observe(at, rows(at));
    live.predict(at);
    expect(live.lastRound).toMatchObject({ nodes: 3, recomputed: 3 });
    live.observe(at + 15_000, rows(at + 15_000));
    const again = live.predict(at + 15_000);
    expect(live.lastRound.recomputed).toBe(0);
    expect(again.every((r) => r.at === at + 15_000)).toBe(true);
  });

  it('recomputes only the node an event arrived for, and gives it the event', () => {
    const live = warmed();
    const before = live.predict(T0 + 89 * MINUTE + 15_000).find((r) => r.node === 'n1');
    // Before the newest sample (minute 89): features count events up to their sample's time.
    live.addEvents([
      { at: T0 + 89 * MINUTE - 5_000, kind: 'NodeCondition', node: 'n1', detail: 'Ready=Unknown' },
    ]);
    const after = live.predict(T0 + 89 * MINUTE + 20_000);
    expect(live.lastRound.recomputed).toBe(1);
    expect(before?.level).not.toBe('at-risk');
    expect(after.find((r) => r.node === 'n1')?.level).toBe('at-risk');
  });

  it('recomputes every node when the model changes', () => {
    const live = warmed();
    expect(live.predict(T0 + 90 * MINUTE).every((r) => r.source === 'model')).toBe(true);
    live.setModel(undefined);
    const rules = live.predict(T0 + 90 * MINUTE);
    expect(live.lastRound.recomputed).toBe(3);
    expect(rules.every((r) => r.source === 'rules')).toBe(true);
  });

  it('hands out reasons a caller may change without touching the next round', () => {
    const live = warmed();
    live.addEvents([
      { at: T0 + 89 * MINUTE - 5_000, kind: 'NodeCondition', node: 'n0', detail: 'Ready=Unknown' },
    ]);
    const first = live.predict(T0 + 90 * MINUTE).find((r) => r.node === 'n0');
    expect(first?.reasons.length).toBeGreaterThan(0);
    first?.reasons.splice(0);
    expect(live.predict(T0 + 90 * MINUTE).find((r) => r.node === 'n0')?.reasons.length).toBeGreaterThan(0);
  });
});

describe('live risk verdicts', () => {
  it('names the rules as the source when they, not the model, raised the level', () => {
    const live = new LiveRisk({ classifier: shipped.classifier, threshold: shipped.threshold });
    // n0 sits steadily at 93% of its memory: plainly wrong now, with no trend for the model.
    const full = (at: number) =>
      rows(at).map((r) => (r.name === 'n0' ? { ...r, memoryBytes: 0.93 * r.memoryAllocatableBytes } : r));
    for (let m = 0; m < 90; m++) live.observe(T0 + m * MINUTE, full(T0 + m * MINUTE));
    const n0 = live.predict(T0 + 89 * MINUTE).find((r) => r.node === 'n0');
    expect(n0).toMatchObject({ level: 'at-risk', source: 'rules' });
    expect(n0?.probability).toBeLessThan(shipped.threshold);
    expect(n0?.reasons.join(' ')).toMatch(/memory at 93%/i);
  });

  it('names the container nearest its memory limit in the reasons, as the collector reported it', () => {
    const live = new LiveRisk({ classifier: shipped.classifier, threshold: shipped.threshold });
    const leaking = (at: number) =>
      rows(at).map((r) =>
        r.name === 'n0'
          ? {
              ...r,
              memoryBytes: 0.93 * r.memoryAllocatableBytes,
              containerHoursToLimit: 0.2,
              containerNearestLimit: 'shop/web-1/sidecar',
            }
          : r,
      );
    for (let m = 0; m < 90; m++) live.observe(T0 + m * MINUTE, leaking(T0 + m * MINUTE));
    const n0 = live.predict(T0 + 89 * MINUTE).find((r) => r.node === 'n0');
    expect(n0?.level).toBe('at-risk');
    expect(n0?.reasons[0]).toBe(
      'container shop/web-1/sidecar reaches its memory limit in ~12 min at its 30-min trend',
    );
  });
});
