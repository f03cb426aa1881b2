import {
  formatBytes,
  formatCount,
  formatCpu,
  formatPercent,
  formatTime,
  fraction,
  missing,
} from '../../format.ts';
import { htmlChart, htmlChartGrid, htmlFacts, htmlParagraph, htmlTable } from '../../html-kit.ts';
import type { Fact, PdfWriter } from '../../pdf-writer.ts';
import { isDisplayed, type AnyReportTable } from '../../table.ts';
import type { ReportContext } from '../types.ts';
import { clusterCpuChart, clusterMemoryChart, nodeUsageCharts, nodeUtilisationChart } from './charts.ts';
import type { ClusterSummary } from './model.ts';
import { changesTable, clusterUsageTable, nodesTable, nodeUsageTable } from './tables.ts';

/** Times to the second when the period is short enough for seconds to matter. */
function withSeconds(summary: ClusterSummary, context: ReportContext): boolean {
  const coverage = summary.history.coverage;
  const span = coverage ? coverage.last - coverage.first : context.range.until - context.range.since;
  return span < 2 * 3_600_000;
}

export function summaryFacts(summary: ClusterSummary): Fact[] {
  const t = summary.totals;
  const health = [`${formatCount(t.ready)} ready`];
  if (t.notReady) health.push(`${formatCount(t.notReady)} NotReady`);
  if (t.cordoned) health.push(`${formatCount(t.cordoned)} cordoned`);
  return [
    { label: 'Nodes', value: formatCount(t.nodes), detail: health.join(' · ') },
    {
      label: 'CPU in use',
      value: formatPercent(fraction(t.cpuUsedMillis, t.cpuAllocatableMillis)),
      detail: `${formatCpu(t.cpuUsedMillis)} of ${formatCpu(t.cpuAllocatableMillis)}`,
    },
    {
      label: 'Memory in use',
      value: formatPercent(fraction(t.memoryUsedBytes, t.memoryAllocatableBytes)),
      detail: `${formatBytes(t.memoryUsedBytes)} of ${formatBytes(t.memoryAllocatableBytes)}`,
    },
    {
      label: 'Pods',
      value: formatCount(t.pods),
      detail: `of ${formatCount(t.podCapacity)} slots (${formatPercent(fraction(t.pods, t.podCapacity))})`,
    },
    {
      label: 'Metrics',
      value: summary.snapshotAt === null ? missing : summary.metricsAvailable ? 'Available' : 'Unavailable',
      detail: summary.metricsAvailable ? 'metrics.k8s.io answers' : 'usage is unknown',
    },
    {
      label: 'Changes',
      value: formatCount(summary.changes.length + summary.changesOmitted),
      detail: 'in the period (see below)',
    },
  ];
}

/** The sentences above the figures: when "now" was, and what history covers. */
export function summaryNotes(summary: ClusterSummary, context: ReportContext): string[] {
  const notes = [
    summary.snapshotAt === null
      ? 'No live snapshot of the cluster was available: capacity and health are unknown.'
      : `Figures "now" are from the live snapshot of ${formatTime(summary.snapshotAt, true)}; charts and means cover the period.`,
  ];
  if (summary.history.note) notes.push(summary.history.note);
  if (summary.nodes.length > summary.nodeSeries.length && summary.nodeSeries.length > 0) {
    notes.push(
      `Per-node charts show the ${summary.nodeSeries.length} busiest of ${summary.nodes.length} nodes; the table lists all of them.`,
    );
  }
  if (context.range.until - context.range.since <= 0) notes.push('The period is empty.');
  return notes;
}

export function clusterSummaryTables(summary: ClusterSummary, context: ReportContext): AnyReportTable[] {
  return [
    nodesTable(summary),
    changesTable(summary, withSeconds(summary, context)),
    clusterUsageTable(summary),
    nodeUsageTable(summary),
  ];
}

const perNodeCaption = 'Each node over the period: CPU (blue) and memory (red) against its allocatable now.';

function changesNote(summary: ClusterSummary): string | null {
  if (summary.changes.length === 0) return 'Nothing changed that history or the live snapshot can show.';
  if (summary.changesOmitted) return `${formatCount(summary.changesOmitted)} more changes are left out.`;
  return null;
}

export function clusterSummaryHtml(summary: ClusterSummary, context: ReportContext): string {
  const [nodes, changes] = clusterSummaryTables(summary, context).filter(isDisplayed);
  const bars = nodeUtilisationChart(summary);
  const perNode = nodeUsageCharts(summary, context);
  const note = changesNote(summary);
  return [
    ...summaryNotes(summary, context).map((text) => htmlParagraph(text, 'note')),
    htmlFacts(summaryFacts(summary)),
    bars ? htmlChart(bars) : '',
    htmlChart(clusterCpuChart(summary, context)),
    htmlChart(clusterMemoryChart(summary, context)),
    perNode.length
      ? `<h3>Per node</h3>${htmlParagraph(perNodeCaption, 'note')}${htmlChartGrid(perNode)}`
      : '',
    '<h3>Nodes</h3>',
    nodes ? htmlTable(nodes) : '',
    '<h3>What changed</h3>',
    changes && summary.changes.length ? htmlTable(changes) : '',
    note ? htmlParagraph(note, 'note') : '',
  ].join('\n');
}

export function clusterSummaryPdf(writer: PdfWriter, summary: ClusterSummary, context: ReportContext): void {
  const [nodes, changes] = clusterSummaryTables(summary, context).filter(isDisplayed);
  for (const text of summaryNotes(summary, context)) writer.paragraph(text, { muted: true, size: 9 });
  writer.facts(summaryFacts(summary), 3);
  const bars = nodeUtilisationChart(summary);
  if (bars) writer.chart(bars);
  writer.chart(clusterCpuChart(summary, context));
  writer.chart(clusterMemoryChart(summary, context));
  const perNode = nodeUsageCharts(summary, context);
  if (perNode.length) {
    writer.heading('Per node', 2);
    writer.paragraph(perNodeCaption, { muted: true, size: 9 });
    writer.chartGrid(perNode, 2);
  }
  writer.heading('Nodes', 2);
  if (nodes) writer.table(nodes);
  writer.heading('What changed', 2);
  if (changes && summary.changes.length) writer.table(changes);
  const note = changesNote(summary);
  if (note) writer.paragraph(note, { muted: true, size: 9 });
}
