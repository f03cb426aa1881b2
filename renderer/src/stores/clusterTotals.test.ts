import { describe, expect, it } from 'vitest';
import { nodeRow } from '../testing/fixtures.ts';
import { clusterTotals } from './clusterTotals.ts';

describe('clusterTotals', () => {
  it('counts readiness and sums usage against allocatable', () => {
    const totals = clusterTotals([
      nodeRow({ name: 'a', cpuMillis: 1000, memoryBytes: 100, memoryAllocatableBytes: 1000, pods: 5 }),
      nodeRow({
        name: 'b',
        ready: false,
        cpuMillis: 500,
        memoryBytes: 200,
        memoryAllocatableBytes: 1000,
        pods: 1,
      }),
      nodeRow({
        name: 'c',
        unschedulable: true,
        cpuMillis: null,
        memoryBytes: null,
        memoryAllocatableBytes: 1000,
      }),
    ]);
    expect(totals).toMatchObject({
      nodes: 3,
      ready: 2,
      notReady: 1,
      cordoned: 1,
      measured: 2,
      pods: 16,
      podCapacity: 330,
    });
    expect(totals.cpuMillis).toEqual({ used: 1500, allocatable: 12_000, measuredAllocatable: 8000 });
    expect(totals.memoryBytes).toEqual({ used: 300, allocatable: 3000, measuredAllocatable: 2000 });
  });

  it.each([
    ['no nodes', []],
    ['no metrics', [nodeRow({ cpuMillis: null, memoryBytes: null })]],
  ])('reports usage as unknown with %s', (_label, nodes) => {
    const totals = clusterTotals(nodes);
    expect(totals.cpuMillis.used).toBeNull();
    expect(totals.memoryBytes.used).toBeNull();
  });
});
