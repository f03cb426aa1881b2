import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeSample } from './node-samples.ts';
import { HistoryStore } from './store.ts';

const stores: HistoryStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function storeWith(samples: NodeSample[]): HistoryStore {
  const store = HistoryStore.open(join(mkdtempSync(join(tmpdir(), 'foresight-queries-')), 'h.db'));
  stores.push(store);
  store.insertNodeSamples(samples);
  return store;
}

const sample = (node: string, at: number, cpu: number | null, pods = 1): NodeSample => ({
  node,
  at,
  cpuMillis: cpu,
  memoryBytes: cpu === null ? null : cpu * 1000,
  pods,
});

describe('NodeSampleQueries', () => {
  // a: sampled 0..90 every 10; b: appears at 50; c: only before the range; d: metrics missing.
  const samples = [
    ...[0, 10, 20, 30, 40, 50, 60, 70, 80, 90].map((at) => sample('a', 1000 + at, 100 + at)),
    ...[50, 60, 70].map((at) => sample('b', 1000 + at, 10, 2)),
    sample('c', 900, 5),
    sample('d', 995, 1),
    sample('d', 1010, null),
    sample('d', 1020, null),
  ];

  it.each([
    { name: 'whole range', range: { since: 1000, until: 1100 }, expected: { first: 1000, last: 1090 } },
    {
      name: 'until is exclusive',
      range: { since: 1000, until: 1090 },
      expected: { first: 1000, last: 1080 },
    },
    { name: 'inner range', range: { since: 1045, until: 1075 }, expected: { first: 1050, last: 1070 } },
    { name: 'empty range', range: { since: 2000, until: 3000 }, expected: null },
  ])('coverage: $name', ({ range, expected }) => {
    expect(storeWith(samples).nodeQueries.coverage(range)).toEqual(expected);
  });

  it('averages each node per bucket, keeps peaks, and orders by node then time', () => {
    const buckets = storeWith(samples).nodeQueries.nodeBuckets({ since: 1000, until: 1100 }, 50);
    expect(buckets.map((b) => [b.node, b.at, b.samples])).toEqual([
      ['a', 1000, 5],
      ['a', 1050, 5],
      ['b', 1050, 3],
      ['d', 1000, 2],
    ]);
    expect(buckets[0]).toMatchObject({ cpuMillis: 120, cpuPeakMillis: 140, memoryBytes: 120_000, pods: 1 });
    expect(buckets[1]).toMatchObject({ cpuMillis: 170, cpuPeakMillis: 190 });
    // No sample of d in the range had metrics: the mean is unknown, not zero.
    expect(buckets[3]).toMatchObject({ cpuMillis: null, memoryBytes: null, pods: 1 });
  });

  it('never lets a bucket width below one millisecond through', () => {
    const buckets = storeWith(samples).nodeQueries.nodeBuckets({ since: 1000, until: 1011 }, 0);
    expect(buckets.map((b) => [b.node, b.at])).toEqual([
      ['a', 1000],
      ['a', 1010],
      ['d', 1010],
    ]);
  });

  it('says when each node was first and last sampled, and whether it was known before', () => {
    const spans = storeWith(samples).nodeQueries.nodeSpans({ since: 1000, until: 1100 });
    expect(spans).toEqual([
      { node: 'a', first: 1000, last: 1090, samples: 10, measured: 10, seenBefore: false },
      { node: 'b', first: 1050, last: 1070, samples: 3, measured: 3, seenBefore: false },
      { node: 'd', first: 1010, last: 1020, samples: 2, measured: 0, seenBefore: true },
    ]);
  });
});
