import { describe, expect, it } from 'vitest';
import type { LifecycleEvent } from '../kube/lifecycle.ts';
import { buildDataset, capNegatives, HORIZON_MS } from './dataset.ts';
import type { NodeHistory } from './node-history.ts';

const MIN = 60_000;
const T0 = Date.UTC(2025, 5, 3);
const HORIZON = HORIZON_MS / MIN;
/** The 5-min points within the horizon before the incident at minute 300. */
const BEFORE = Array.from({ length: HORIZON / 5 }, (_, k) => 300 - HORIZON + 5 * k);

function node(name: string, minutes: number, events: LifecycleEvent[]): NodeHistory {
  return {
    node: name,
    cpuAllocatableMillis: 4000,
    memoryAllocatableBytes: 1e10,
    podCapacity: 110,
    samples: Array.from({ length: minutes }, (_, i) => ({
      at: T0 + i * MIN,
      cpuMillis: 1000,
      memoryBytes: 4e9,
      pods: 10,
    })),
    events,
  };
}

describe('risk dataset', () => {
  const oom = (m: number): LifecycleEvent => ({
    at: T0 + m * MIN,
    kind: 'PodOOMKilled',
    node: 'a',
    pod: 'p',
    detail: '',
  });
  const data = buildDataset([node('a', 600, [oom(300)]), node('b', 600, [])]);

  it('labels the horizon before an incident positive, skips the incident itself, and stops a horizon before the end', () => {
    const a = [...data.times].filter((_, i) => data.nodeOf[i] === 0).map((t) => (t - T0) / MIN);
    const positives = a.filter((_, k) => data.labels[k]);
    expect(positives).toEqual(BEFORE);
    // From the incident until 30 min after its last signal: no prediction points.
    expect(a.filter((m) => m >= 300 && m < 330)).toEqual([]);
    expect(Math.max(...a)).toBeLessThanOrEqual(600 - HORIZON);
    expect(Math.min(...a)).toBe(60);
    expect(data.kinds.filter((k) => k !== 'none').every((k) => k === 'resource-exhaustion')).toBe(true);
  });

  it('keeps every positive and caps the negatives', () => {
    const capped = capNegatives(data, 20);
    expect(capped.labels.reduce((s, l) => s + l, 0)).toBe(BEFORE.length);
    expect(capped.length - BEFORE.length).toBe(20);
    expect(capped.features.length).toBe(capped.length * (data.features.length / data.length));
    expect(capNegatives(data, 1e9)).toBe(data);
  });
});
