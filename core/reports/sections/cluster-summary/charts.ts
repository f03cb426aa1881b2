import { drawBarChart } from '../../charts/bar-chart.ts';
import { chartColors, type ChartDrawing } from '../../charts/drawing.ts';
import { drawLineChart, drawNodeShareChart, type LineSeries } from '../../charts/line-chart.ts';
import { binaryUnit } from '../../charts/ticks.ts';
import { formatBytes, formatCpu, formatPercent, fraction } from '../../format.ts';
import type { ReportContext } from '../types.ts';
import type { ClusterSummary } from './model.ts';

/** Drawn at about the PDF's text width, so PDF text stays near its design size. */
const mainWidth = 560;
/** Nodes in the "utilisation now" bars at most; the table lists every node. */
export const barNodeLimit = 30;

/** The time window charts show: what history covers of the period, or the period itself. */
export function chartWindow(summary: ClusterSummary, context: ReportContext): { from: number; to: number } {
  const coverage = summary.history.coverage;
  if (!coverage) return { from: context.range.since, to: context.range.until };
  if (coverage.last - coverage.first < 1000)
    return { from: coverage.first - 30_000, to: coverage.last + 30_000 };
  return { from: coverage.first, to: coverage.last };
}

/** Lines break where more than a few buckets are missing (Foresight stopped, node gone). */
const gapFor = (summary: ClusterSummary) => summary.history.bucketMs * 3.5;

function capacityLine(value: number, window: { from: number; to: number }, name: string): LineSeries {
  return {
    name,
    color: chartColors.capacity,
    dashed: true,
    points: [
      { x: window.from, y: value },
      { x: window.to, y: value },
    ],
  };
}

export function clusterCpuChart(summary: ClusterSummary, context: ReportContext): ChartDrawing {
  const window = chartWindow(summary, context);
  return drawLineChart({
    title: 'Cluster CPU in use',
    width: mainWidth,
    height: 200,
    ...window,
    formatValue: formatCpu,
    gapMs: gapFor(summary),
    series: [
      {
        name: 'CPU in use (sum of nodes)',
        color: chartColors.cpu,
        points: summary.clusterSeries.map((p) => ({ x: p.at, y: p.cpuMillis })),
      },
      ...(summary.totals.cpuAllocatableMillis > 0
        ? [capacityLine(summary.totals.cpuAllocatableMillis, window, 'Allocatable now')]
        : []),
    ],
  });
}

export function clusterMemoryChart(summary: ClusterSummary, context: ReportContext): ChartDrawing {
  const window = chartWindow(summary, context);
  return drawLineChart({
    title: 'Cluster memory in use',
    width: mainWidth,
    height: 200,
    ...window,
    formatValue: formatBytes,
    tickUnit: binaryUnit(
      Math.max(
        summary.totals.memoryAllocatableBytes,
        ...summary.clusterSeries.map((p) => p.memoryBytes ?? 0),
      ),
    ),
    gapMs: gapFor(summary),
    series: [
      {
        name: 'Memory in use (working set, sum of nodes)',
        color: chartColors.memory,
        points: summary.clusterSeries.map((p) => ({ x: p.at, y: p.memoryBytes })),
      },
      ...(summary.totals.memoryAllocatableBytes > 0
        ? [capacityLine(summary.totals.memoryAllocatableBytes, window, 'Allocatable now')]
        : []),
    ],
  });
}

/** CPU and memory now, against allocatable, per node: the busiest first. */
export function nodeUtilisationChart(summary: ClusterSummary): ChartDrawing | null {
  const live = summary.nodes.filter((n) => n.cpuAllocatableMillis !== null);
  if (live.length === 0) return null;
  const cpu = (n: (typeof live)[number]) => fraction(n.cpuUsedMillis, n.cpuAllocatableMillis);
  const shown = [...live].sort((a, b) => (cpu(b) ?? -1) - (cpu(a) ?? -1)).slice(0, barNodeLimit);
  const title =
    live.length > shown.length
      ? `Utilisation now: the ${shown.length} busiest of ${live.length} nodes`
      : 'Utilisation now, per node';
  return drawBarChart({
    title,
    width: mainWidth,
    measures: [
      { name: 'CPU', color: chartColors.cpu },
      { name: 'Memory', color: chartColors.memory },
    ],
    groups: shown.map((n) => ({
      label: n.name,
      values: [cpu(n), fraction(n.memoryUsedBytes, n.memoryAllocatableBytes)],
    })),
    max: 1,
    markers: [0.75, 0.9],
    formatValue: formatPercent,
  });
}

/** One small chart per node (the busiest): CPU and memory against its allocatable now. */
export function nodeUsageCharts(summary: ClusterSummary, context: ReportContext): ChartDrawing[] {
  const window = chartWindow(summary, context);
  const nodes = new Map(summary.nodes.map((n) => [n.name, n]));
  return summary.nodeSeries.flatMap((series) => {
    const node = nodes.get(series.node);
    const cpuTotal = node?.cpuAllocatableMillis ?? null;
    const memoryTotal = node?.memoryAllocatableBytes ?? null;
    if (cpuTotal === null || memoryTotal === null) return [];
    return [
      drawNodeShareChart(
        series.node,
        window,
        [
          {
            name: 'CPU',
            color: chartColors.cpu,
            points: series.points.map((p) => ({ x: p.at, y: fraction(p.cpuMillis, cpuTotal) })),
          },
          {
            name: 'Memory',
            color: chartColors.memory,
            points: series.points.map((p) => ({ x: p.at, y: fraction(p.memoryBytes, memoryTotal) })),
          },
        ],
        gapFor(summary),
      ),
    ];
  });
}
