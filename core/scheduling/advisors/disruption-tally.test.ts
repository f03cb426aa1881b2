import { describe, expect, it } from 'vitest';
import type { LifecycleEvent, LifecycleKind } from '../../kube/lifecycle.ts';
import { DisruptionTally } from './disruption-tally.ts';

let clock = 0;
const ev = (kind: LifecycleKind, node: string | undefined, detail = ''): LifecycleEvent => ({
  at: ++clock,
  kind,
  node,
  detail,
});

describe('DisruptionTally', () => {
  it.each<[string, LifecycleEvent[], Record<string, unknown>]>([
    ['nothing happened', [], {}],
    [
      'pod restarts, OOMKills and evictions on their node',
      [ev('PodRestarted', 'a'), ev('PodOOMKilled', 'a'), ev('PodEvicted', 'b'), ev('PodEvicted', 'b')],
      {
        a: { restarts: 1, oomKills: 1, evictions: 0, nodeFailures: 0 },
        b: { restarts: 0, oomKills: 0, evictions: 2, nodeFailures: 0 },
      },
    ],
    [
      'a node failure is Ready leaving True; False then Unknown is still one',
      [ev('NodeCondition', 'a', 'Ready=False'), ev('NodeCondition', 'a', 'Ready=Unknown')],
      { a: { restarts: 0, oomKills: 0, evictions: 0, nodeFailures: 1 } },
    ],
    [
      'failed, repaired, failed again: two failures',
      [
        ev('NodeCondition', 'a', 'Ready=Unknown'),
        ev('NodeCondition', 'a', 'Ready=True'),
        ev('NodeCondition', 'a', 'Ready=Unknown'),
      ],
      { a: { restarts: 0, oomKills: 0, evictions: 0, nodeFailures: 2 } },
    ],
    [
      'a recovery alone, other conditions and routine events are no trouble',
      [
        ev('NodeCondition', 'a', 'Ready=True'),
        ev('NodeCondition', 'a', 'MemoryPressure=True'),
        ev('PodScheduled', 'a'),
        ev('NodeCordoned', 'a'),
      ],
      {},
    ],
    [
      "a failure's taint-eviction deletions are that failure, counted once; the kubelet's evictions count",
      [
        ev('NodeCondition', 'a', 'Ready=Unknown'),
        ev('PodEvicted', 'a', 'DeletionByTaintManager'),
        ev('PodEvicted', 'a', 'DeletionByTaintManager'),
        ev('PodEvicted', 'b', 'Failed'),
      ],
      {
        a: { restarts: 0, oomKills: 0, evictions: 0, nodeFailures: 1 },
        b: { restarts: 0, oomKills: 0, evictions: 1, nodeFailures: 0 },
      },
    ],
    ['an event without a node is skipped', [ev('PodEvicted', undefined)], {}],
  ])('%s', (_name, events, expected) => {
    const tally = new DisruptionTally().addAll(events);
    expect(Object.fromEntries(tally.disruptions)).toEqual(expected);
  });

  it('keeps when each node failed and whether it is still down, for node advice', () => {
    const tally = new DisruptionTally().addAll([
      { at: 10, kind: 'NodeCondition', node: 'a', detail: 'Ready=Unknown' },
      { at: 11, kind: 'NodeCondition', node: 'a', detail: 'Ready=False' },
      { at: 50, kind: 'NodeCondition', node: 'a', detail: 'Ready=True' },
      { at: 90, kind: 'NodeCondition', node: 'a', detail: 'Ready=Unknown' },
      { at: 95, kind: 'NodeCondition', node: 'b', detail: 'Ready=False' },
      { at: 99, kind: 'NodeCondition', node: 'b', detail: 'Ready=True' },
      { at: 99, kind: 'PodRestarted', node: 'c', detail: '' },
    ]);
    expect(Object.fromEntries(tally.nodeFailures)).toEqual({
      a: { at: [10, 90], down: true },
      b: { at: [95], down: false },
    });
  });
});
