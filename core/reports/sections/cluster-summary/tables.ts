import {
  formatBytes,
  formatCores,
  formatCount,
  formatPercent,
  formatTime,
  fraction,
  missing,
} from '../../format.ts';
import { tableOf, type AnyReportTable, type CellTone } from '../../table.ts';
import type { ClusterChange, ClusterPoint, ClusterSummary, NodeHealth, SummaryNode } from './model.ts';

export const healthLabels: Record<NodeHealth, string> = {
  healthy: 'Healthy',
  'not-ready': 'NotReady',
  cordoned: 'Cordoned',
  'no-metrics': 'No metrics',
  gone: 'Gone',
  unknown: 'Unknown',
};

const healthTones: Partial<Record<NodeHealth, CellTone>> = {
  healthy: 'good',
  'not-ready': 'bad',
  cordoned: 'warn',
  'no-metrics': 'warn',
  gone: 'warn',
};

export const changeLabels: Record<ClusterChange['kind'], string> = {
  appeared: 'Appeared',
  disappeared: 'Disappeared',
  absent: 'Not sampled',
  'not-ready': 'NotReady',
  cordoned: 'Cordoned',
  'metrics-lost': 'Metrics lost',
  'metrics-back': 'Metrics back',
  emptied: 'Emptied',
};

const changeTones: Partial<Record<ClusterChange['kind'], CellTone>> = {
  disappeared: 'bad',
  'not-ready': 'bad',
  'metrics-lost': 'warn',
  cordoned: 'warn',
  emptied: 'warn',
  absent: 'warn',
  appeared: 'good',
  'metrics-back': 'good',
};

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

/** "850m / 4 (21%)": use against allocatable, as kubectl and the Nodes table write it. */
function usage(used: number | null, total: number | null, format: (n: number | null) => string): string {
  if (total === null) return missing;
  const share = fraction(used, total);
  return `${format(used)} / ${format(total)}${share === null ? '' : ` (${formatPercent(share)})`}`;
}

function meanPeak(
  mean: number | null | undefined,
  peak: number | null | undefined,
  format: (n: number | null) => string,
) {
  if (mean === undefined || mean === null) return missing;
  return `${format(mean)} / ${format(peak ?? null)}`;
}

export function nodesTable(summary: ClusterSummary): AnyReportTable {
  return tableOf<SummaryNode>({
    name: 'nodes',
    title: 'Nodes: capacity, usage now, and over the period (mean / peak)',
    rows: summary.nodes,
    columns: [
      { header: 'Node', display: (n) => n.name, weight: 2.2 },
      { header: 'Roles', display: (n) => n.roles.join(', ') || missing, weight: 1.3 },
      {
        header: 'Health',
        display: (n) => healthLabels[n.health],
        tone: (n) => healthTones[n.health],
        weight: 1.1,
      },
      {
        header: 'CPU now (cores)',
        display: (n) => usage(n.cpuUsedMillis, n.cpuAllocatableMillis, formatCores),
        align: 'right',
        weight: 1.6,
      },
      {
        header: 'Memory now',
        display: (n) => usage(n.memoryUsedBytes, n.memoryAllocatableBytes, formatBytes),
        align: 'right',
        weight: 1.8,
      },
      {
        header: 'Pods',
        display: (n) =>
          n.pods === null ? missing : `${formatCount(n.pods)} / ${formatCount(n.podCapacity)}`,
        align: 'right',
        weight: 1.05,
      },
      {
        header: 'CPU mean / peak',
        display: (n) => meanPeak(n.period?.cpuMeanMillis, n.period?.cpuPeakMillis, formatCores),
        align: 'right',
        weight: 1.5,
      },
      {
        header: 'Mem mean / peak',
        display: (n) => meanPeak(n.period?.memoryMeanBytes, n.period?.memoryPeakBytes, formatBytes),
        align: 'right',
        weight: 1.5,
      },
    ],
    csv: [
      { header: 'node', value: (n) => n.name },
      { header: 'roles', value: (n) => n.roles.join(' ') },
      { header: 'health', value: (n) => n.health },
      { header: 'ready', value: (n) => n.ready },
      { header: 'cordoned', value: (n) => n.cordoned },
      { header: 'cpu_allocatable_millicores', value: (n) => n.cpuAllocatableMillis },
      { header: 'cpu_used_millicores', value: (n) => n.cpuUsedMillis },
      { header: 'memory_allocatable_bytes', value: (n) => n.memoryAllocatableBytes },
      { header: 'memory_used_bytes', value: (n) => n.memoryUsedBytes },
      { header: 'pods', value: (n) => n.pods },
      { header: 'pod_capacity', value: (n) => n.podCapacity },
      { header: 'period_cpu_mean_millicores', value: (n) => n.period?.cpuMeanMillis ?? null },
      { header: 'period_cpu_peak_millicores', value: (n) => n.period?.cpuPeakMillis ?? null },
      { header: 'period_memory_mean_bytes', value: (n) => n.period?.memoryMeanBytes ?? null },
      { header: 'period_memory_peak_bytes', value: (n) => n.period?.memoryPeakBytes ?? null },
      { header: 'period_samples', value: (n) => n.period?.samples ?? 0 },
      { header: 'first_seen_utc', value: (n) => iso(n.period?.firstSeen) },
      { header: 'last_seen_utc', value: (n) => iso(n.period?.lastSeen) },
    ],
  });
}

export function changesTable(summary: ClusterSummary, withSeconds: boolean): AnyReportTable {
  return tableOf<ClusterChange>({
    name: 'changes',
    title: 'What changed in the period',
    rows: summary.changes,
    columns: [
      { header: 'When', display: (c) => formatTime(c.at, withSeconds), weight: 1.7 },
      { header: 'Node', display: (c) => c.node, weight: 1.8 },
      {
        header: 'Change',
        display: (c) => changeLabels[c.kind],
        tone: (c) => changeTones[c.kind],
        weight: 1.1,
      },
      { header: 'Detail', display: (c) => c.detail, weight: 4 },
    ],
    csv: [
      { header: 'time_utc', value: (c) => iso(c.at) },
      { header: 'node', value: (c) => c.node },
      { header: 'change', value: (c) => c.kind },
      { header: 'detail', value: (c) => c.detail },
    ],
  });
}

export function clusterUsageTable(summary: ClusterSummary): AnyReportTable {
  return tableOf<ClusterPoint>({
    name: 'cluster-usage',
    title: `Cluster usage over the period (sum of node means per ${summary.history.bucketMs / 1000} s)`,
    rows: summary.clusterSeries,
    csv: [
      { header: 'time_utc', value: (p) => iso(p.at) },
      { header: 'cpu_used_millicores', value: (p) => p.cpuMillis },
      { header: 'memory_used_bytes', value: (p) => p.memoryBytes },
      { header: 'pods', value: (p) => p.pods },
      { header: 'nodes_sampled', value: (p) => p.nodes },
      { header: 'nodes_with_metrics', value: (p) => p.measuredNodes },
    ],
  });
}

type NodeUsageRow = {
  node: string;
  at: number;
  cpuMillis: number | null;
  memoryBytes: number | null;
  pods: number;
};

export function nodeUsageTable(summary: ClusterSummary): AnyReportTable {
  return tableOf<NodeUsageRow>({
    name: 'node-usage',
    title: `Usage over the period of the ${summary.nodeSeriesLimit} busiest nodes at most`,
    rows: summary.nodeSeries.flatMap((series) => series.points.map((p) => ({ node: series.node, ...p }))),
    csv: [
      { header: 'time_utc', value: (r) => iso(r.at) },
      { header: 'node', value: (r) => r.node },
      { header: 'cpu_used_millicores', value: (r) => r.cpuMillis },
      { header: 'memory_used_bytes', value: (r) => r.memoryBytes },
      { header: 'pods', value: (r) => r.pods },
    ],
  });
}
