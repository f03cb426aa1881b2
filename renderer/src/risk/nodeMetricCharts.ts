import type { NodeRow, NodeSamplePoint } from '../../../core/contract/index.ts';
import type { TimePoint } from './timeChart.ts';

/** One chart of the node page: a titled series drawn between 0 and `high`. */
export interface MetricChart {
  title: string;
  testId: string;
  color: string;
  points: TimePoint[];
  high: number;
}

type Capacity = Pick<NodeRow, 'cpuAllocatableMillis' | 'memoryAllocatableBytes' | 'diskCapacityBytes'>;

const share = (used: number | null | undefined, total: number | undefined): number | null =>
  typeof used === 'number' && total !== undefined && total > 0 ? used / total : null;

const known = (points: readonly TimePoint[]) => points.some((p) => p.value !== null);

/**
 * The node's metrics as the node page charts them: memory and CPU as shares of allocatable, and,
 * where the kubelet Summary API reported them, disk as a share of its capacity, the fullest
 * container against its memory limit, and NIC errors per minute (scaled to the window's peak). A
 * series the node never reported is left out rather than drawn as an empty chart.
 */
export function nodeMetricCharts(
  series: readonly NodeSamplePoint[],
  row: Capacity | undefined,
): MetricChart[] {
  const over = (value: (p: NodeSamplePoint) => number | null): TimePoint[] =>
    series.map((p) => ({ at: p.at, value: value(p) }));
  const memory = over((p) => share(p.memoryBytes, row?.memoryAllocatableBytes));
  const cpu = over((p) => share(p.cpuMillis, row?.cpuAllocatableMillis));
  const disk = over((p) => share(p.diskBytes, row?.diskCapacityBytes));
  const container = over((p) => p.podMemoryPeak ?? null);
  const nic = over((p) => p.nicErrorsPerMinute ?? null);
  const nicPeak = Math.max(0, ...nic.map((p) => p.value ?? 0));
  const charts: MetricChart[] = [
    {
      title: 'Memory (share of allocatable)',
      testId: 'memory-chart',
      color: '#4a78c2',
      points: memory,
      high: 1,
    },
    { title: 'CPU (share of allocatable)', testId: 'cpu-chart', color: '#2a8a4a', points: cpu, high: 1 },
  ];
  if (known(disk))
    charts.push({
      title: 'Disk (share of the root filesystem)',
      testId: 'disk-chart',
      color: '#8a5a2a',
      points: disk,
      high: 1,
    });
  if (known(container))
    charts.push({
      title: 'Fullest container (working set over its memory limit)',
      testId: 'container-memory-chart',
      color: '#7a4ac2',
      points: container,
      high: 1,
    });
  if (known(nic))
    charts.push({
      title: `NIC errors per minute (peak ${nicPeak.toLocaleString('en-US', { maximumFractionDigits: 1 })})`,
      testId: 'nic-errors-chart',
      color: '#c27a2a',
      points: nic,
      high: Math.max(1, nicPeak),
    });
  return charts;
}
