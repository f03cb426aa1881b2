import { describe, expect, it } from 'vitest';
import type { NodeSamplePoint } from '../../../core/contract/index.ts';
import { nodeMetricCharts } from './nodeMetricCharts.ts';

const row = { cpuAllocatableMillis: 2000, memoryAllocatableBytes: 4000, diskCapacityBytes: 100 };
const point = (at: number, extra: Partial<NodeSamplePoint> = {}): NodeSamplePoint => ({
  at,
  cpuMillis: 1000,
  memoryBytes: 1000,
  pods: 3,
  ...extra,
});

describe('the node page charts', () => {
  it('draws memory and CPU as shares of allocatable, and nothing the kubelet never reported', () => {
    const charts = nodeMetricCharts([point(1), point(2, { cpuMillis: null })], row);
    expect(charts.map((c) => c.testId)).toEqual(['memory-chart', 'cpu-chart']);
    expect(charts[1]?.points).toEqual([
      { at: 1, value: 0.5 },
      { at: 2, value: null },
    ]);
    expect(charts[0]?.points[0]?.value).toBe(0.25);
  });

  it.each([
    ['disk as a share of capacity', { diskBytes: 40 }, 'disk-chart', 0.4, 1],
    ['the fullest container against its limit', { podMemoryPeak: 0.9 }, 'container-memory-chart', 0.9, 1],
    ['NIC errors scaled to their peak', { nicErrorsPerMinute: 12.5 }, 'nic-errors-chart', 12.5, 12.5],
    ['a clean NIC on a scale of at least one', { nicErrorsPerMinute: 0 }, 'nic-errors-chart', 0, 1],
  ])('adds %s where the Summary API reported it', (_what, extra, testId, value, high) => {
    const charts = nodeMetricCharts([point(1), point(2, extra)], row);
    const chart = charts.find((c) => c.testId === testId);
    expect(chart?.points.map((p) => p.value)).toEqual([null, value]);
    expect(chart?.high).toBe(high);
  });

  it('names the NIC error peak in the title', () => {
    const charts = nodeMetricCharts(
      [point(1, { nicErrorsPerMinute: 3 }), point(2, { nicErrorsPerMinute: 1234.56 })],
      row,
    );
    expect(charts.at(-1)?.title).toBe('NIC errors per minute (peak 1,234.6)');
  });

  it('leaves usage unknown, not zero, before the node row (and its allocatable) is known', () => {
    const charts = nodeMetricCharts([point(1, { diskBytes: 5 })], undefined);
    expect(charts.map((c) => c.points[0]?.value)).toEqual([null, null]);
  });
});
