import { describe, expect, it } from 'vitest';
import type { LifecycleEvent } from '../kube/lifecycle.ts';
import { FEATURE_NAMES, featureIndex, NodeFeatureSeries } from './features.ts';
import type { NodeHistory } from './node-history.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2025, 5, 3);
const GIB = 1024 ** 3;

/** Ten days of a node with a daily rhythm, gaps in its metrics, OOM kills and a long NotReady. */
function tenDays(): NodeHistory {
  const minutes = 10 * 24 * 60;
  const events: LifecycleEvent[] = [];
  for (let at = T0 + 3 * HOUR; at < T0 + 10 * DAY; at += 7 * HOUR + 13 * MIN)
    events.push({ at, kind: 'PodOOMKilled', node: 'n1', pod: 'p', detail: '' });
  // NotReady from day 0.5 until day 9.2: at day 9 the change that made it so is 8.5 days old.
  events.push({ at: T0 + DAY / 2, kind: 'NodeCondition', node: 'n1', detail: 'Ready=False' });
  events.push({ at: T0 + 9.2 * DAY, kind: 'NodeCondition', node: 'n1', detail: 'Ready=True' });
  events.sort((a, b) => a.at - b.at);
  return {
    node: 'n1',
    cpuAllocatableMillis: 4000,
    memoryAllocatableBytes: 16 * GIB,
    podCapacity: 110,
    diskCapacityBytes: 100 * GIB,
    samples: Array.from({ length: minutes }, (_, i) => ({
      at: T0 + i * MIN,
      cpuMillis: 1500 + 900 * Math.sin((2 * Math.PI * i) / 1440) + 40 * Math.sin(i * 1.7),
      memoryBytes: i % 97 === 5 ? null : (0.45 + 0.1 * Math.sin(i / 300) + 0.003 * Math.sin(i)) * 16 * GIB,
      pods: 20 + (i % 11),
      diskBytes: (30 + i / 1000) * GIB,
      podMemoryPeak: 0.5 + 0.2 * Math.sin(i / 50),
    })),
    events,
  };
}

describe('a live series that forgets what no feature reads', () => {
  it('keeps at most two days of samples and gives the whole series features, to rounding', () => {
    const history = tenDays();
    const whole = NodeFeatureSeries.fromHistory(history);
    const live = new NodeFeatureSeries('n1', {
      cpuMillis: history.cpuAllocatableMillis,
      memoryBytes: history.memoryAllocatableBytes,
      pods: history.podCapacity,
      diskBytes: 100 * GIB,
    });
    let nextEvent = 0;
    let compared = 0;
    let longest = 0;
    for (const [i, sample] of history.samples.entries()) {
      while ((history.events[nextEvent]?.at ?? Infinity) <= sample.at)
        live.addEvent(history.events[nextEvent++] as LifecycleEvent);
      live.addSample(sample);
      // As LiveRisk does: past two days of samples, forget what the newest features do not read.
      if (live.length > 2 * 24 * 60) live.forgetBefore(sample.at);
      longest = Math.max(longest, live.length);
      if (i < 2 * 24 * 60 || i % 360 !== 0) continue;
      const expected = whole.featuresAt(i);
      const actual = live.featuresAt(live.length - 1);
      for (const [f, name] of FEATURE_NAMES.entries())
        expect(actual[f], `${name} at minute ${i}`).toBeCloseTo(expected[f] as number, 4);
      compared++;
    }
    expect(compared).toBeGreaterThan(25);
    expect(longest).toBe(2 * 24 * 60);
    // What is left after forgetting: the 24 h window and the newest sample.
    live.forgetBefore(history.samples.at(-1)?.at ?? 0);
    expect(live.length).toBe(24 * 60 + 1);
  });

  it('still knows a node is NotReady when the change that made it so is older than a week', () => {
    const history = tenDays();
    const upTo = history.samples.findIndex((s) => s.at >= T0 + 9 * DAY);
    const live = NodeFeatureSeries.fromHistory({
      ...history,
      samples: history.samples.slice(0, upTo + 1),
      events: history.events.filter((e) => e.at <= T0 + 9 * DAY),
    });
    live.forgetBefore(T0 + 9 * DAY);
    expect(live.featuresAt(live.length - 1)[featureIndex('notReady')]).toBe(1);
  });
});
