import type { NodeRow, NodesSnapshot } from '../../../contract/index.ts';
import { formatDuration, formatTime } from '../../format.ts';
import type { NodeBucket, NodeSpan, ReportSource } from '../../source.ts';
import type { ReportContext } from '../types.ts';
import { deriveChanges } from './changes.ts';
import type {
  ClusterPoint,
  ClusterSummary,
  ClusterTotals,
  NodeHealth,
  NodePeriodStats,
  NodeSeries,
  SummaryNode,
} from './model.ts';

/** Points per series at most: plenty for a chart, small enough for a JSON export of days. */
export const maxPointsPerSeries = 240;
/** Per-node series are kept for the busiest nodes only; the table covers every node. */
export const nodeSeriesLimit = 24;
/** The list of changes stops here; the count of the rest is kept. */
export const maxChanges = 300;

const niceBuckets = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
].map((s) => s * 1000);

/** The narrowest round bucket that keeps a series of `spanMs` under maxPointsPerSeries. */
export function bucketFor(spanMs: number): number {
  const needed = Math.ceil(Math.max(1, spanMs + 1) / maxPointsPerSeries);
  return niceBuckets.find((b) => b >= needed) ?? Math.ceil(needed / 86_400_000) * 86_400_000;
}

/** The usual time between two samples of one node: the median over nodes. */
function typicalInterval(spans: readonly NodeSpan[]): number {
  const intervals = spans
    .filter((s) => s.samples > 1)
    .map((s) => (s.last - s.first) / (s.samples - 1))
    .sort((a, b) => a - b);
  return intervals[Math.floor(intervals.length / 2)] ?? 5000;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function healthOf(row: NodeRow, metricsAvailable: boolean): NodeHealth {
  if (!row.ready) return 'not-ready';
  if (row.unschedulable) return 'cordoned';
  if (!metricsAvailable || row.cpuMillis === null) return 'no-metrics';
  return 'healthy';
}

function totalsOf(snapshot: NodesSnapshot | null): ClusterTotals {
  const nodes = snapshot?.nodes ?? [];
  const sum = (pick: (n: NodeRow) => number) => nodes.reduce((total, n) => total + pick(n), 0);
  const measured = nodes.filter((n) => n.cpuMillis !== null);
  return {
    nodes: nodes.length,
    ready: nodes.filter((n) => n.ready).length,
    notReady: nodes.filter((n) => !n.ready).length,
    cordoned: nodes.filter((n) => n.unschedulable).length,
    cpuAllocatableMillis: sum((n) => n.cpuAllocatableMillis),
    cpuUsedMillis: measured.length ? measured.reduce((t, n) => t + (n.cpuMillis ?? 0), 0) : null,
    memoryAllocatableBytes: sum((n) => n.memoryAllocatableBytes),
    memoryUsedBytes: measured.length ? measured.reduce((t, n) => t + (n.memoryBytes ?? 0), 0) : null,
    pods: sum((n) => n.pods),
    podCapacity: sum((n) => n.podCapacity),
  };
}

function groupByNode(buckets: readonly NodeBucket[]): Map<string, NodeBucket[]> {
  const byNode = new Map<string, NodeBucket[]>();
  for (const bucket of buckets) {
    const list = byNode.get(bucket.node);
    if (list) list.push(bucket);
    else byNode.set(bucket.node, [bucket]);
  }
  return byNode;
}

function periodStats(span: NodeSpan, buckets: readonly NodeBucket[]): NodePeriodStats {
  const mean = (pick: (b: NodeBucket) => number | null) => {
    let weighted = 0;
    let count = 0;
    for (const b of buckets) {
      const value = pick(b);
      if (value === null) continue;
      weighted += value * b.samples;
      count += b.samples;
    }
    return count ? weighted / count : null;
  };
  const peak = (pick: (b: NodeBucket) => number | null) =>
    buckets.reduce<number | null>((max, b) => {
      const value = pick(b);
      return value === null ? max : Math.max(max ?? value, value);
    }, null);
  return {
    firstSeen: span.first,
    lastSeen: span.last,
    samples: span.samples,
    cpuMeanMillis: mean((b) => b.cpuMillis),
    cpuPeakMillis: peak((b) => b.cpuPeakMillis),
    memoryMeanBytes: mean((b) => b.memoryBytes),
    memoryPeakBytes: peak((b) => b.memoryPeakBytes),
  };
}

function summaryNodes(
  snapshot: NodesSnapshot | null,
  spans: readonly NodeSpan[],
  byNode: ReadonlyMap<string, NodeBucket[]>,
): SummaryNode[] {
  const live = new Map(snapshot?.nodes.map((n) => [n.name, n]) ?? []);
  const spanOf = new Map(spans.map((s) => [s.node, s]));
  const names = [...new Set([...live.keys(), ...spanOf.keys()])].sort(collator.compare);
  return names.map((name) => {
    const row = live.get(name);
    const span = spanOf.get(name);
    const period = span ? periodStats(span, byNode.get(name) ?? []) : null;
    if (!row) {
      return {
        name,
        roles: [],
        health: snapshot ? 'gone' : 'unknown',
        ready: null,
        cordoned: null,
        cpuAllocatableMillis: null,
        cpuUsedMillis: null,
        memoryAllocatableBytes: null,
        memoryUsedBytes: null,
        pods: null,
        podCapacity: null,
        period,
      };
    }
    return {
      name,
      roles: row.roles,
      health: healthOf(row, snapshot?.metricsAvailable ?? false),
      ready: row.ready,
      cordoned: row.unschedulable,
      cpuAllocatableMillis: row.cpuAllocatableMillis,
      cpuUsedMillis: row.cpuMillis,
      memoryAllocatableBytes: row.memoryAllocatableBytes,
      memoryUsedBytes: row.memoryBytes,
      pods: row.pods,
      podCapacity: row.podCapacity,
      period,
    };
  });
}

/** Cluster usage per bucket: the sum of the nodes' means over the nodes that reported. */
function clusterSeries(buckets: readonly NodeBucket[]): ClusterPoint[] {
  const byTime = new Map<number, ClusterPoint>();
  for (const b of buckets) {
    const point = byTime.get(b.at) ?? {
      at: b.at,
      cpuMillis: null,
      memoryBytes: null,
      pods: 0,
      nodes: 0,
      measuredNodes: 0,
    };
    point.nodes += 1;
    point.pods += b.pods;
    if (b.cpuMillis !== null) {
      point.measuredNodes += 1;
      point.cpuMillis = (point.cpuMillis ?? 0) + b.cpuMillis;
    }
    if (b.memoryBytes !== null) point.memoryBytes = (point.memoryBytes ?? 0) + b.memoryBytes;
    byTime.set(b.at, point);
  }
  return [...byTime.values()].sort((a, b) => a.at - b.at);
}

/** The busiest nodes by mean CPU against allocatable (absolute use for nodes gone since). */
function busiestSeries(
  nodes: readonly SummaryNode[],
  byNode: ReadonlyMap<string, NodeBucket[]>,
): NodeSeries[] {
  const load = (n: SummaryNode) => {
    const mean = n.period?.cpuMeanMillis ?? null;
    if (mean === null) return -1;
    return n.cpuAllocatableMillis ? mean / n.cpuAllocatableMillis : mean / 1e6;
  };
  return nodes
    .filter((n) => byNode.has(n.name))
    .sort((a, b) => load(b) - load(a))
    .slice(0, nodeSeriesLimit)
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((n) => ({
      node: n.name,
      points: (byNode.get(n.name) ?? []).map((b) => ({
        at: b.at,
        cpuMillis: b.cpuMillis,
        memoryBytes: b.memoryBytes,
        pods: b.pods,
      })),
    }));
}

export function collectClusterSummary(source: ReportSource, context: ReportContext): ClusterSummary {
  const { snapshot } = source;
  const range = { since: context.range.since, until: context.range.until };
  const history = source.history;
  const coverage = history?.coverage(range) ?? null;
  const bucketMs = bucketFor(coverage ? coverage.last - coverage.first : range.until - range.since);
  const buckets =
    history && coverage ? history.nodeBuckets({ since: coverage.first, until: range.until }, bucketMs) : [];
  const spans = history && coverage ? history.nodeSpans(range) : [];
  const byNode = groupByNode(buckets);
  const nodes = summaryNodes(snapshot, spans, byNode);

  let note: string | undefined;
  if (!history) note = source.historyProblem ?? 'The history database is unavailable.';
  else if (!coverage) note = 'No samples were recorded in this period: charts and changes are empty.';
  else if (coverage.first - range.since > 2 * bucketMs) {
    note = `History covers the last ${formatDuration(range.until - coverage.first)} of the period: Foresight was not collecting before ${formatTime(coverage.first, true)}.`;
  }

  const changes = deriveChanges({
    spans,
    buckets,
    coverage,
    snapshot,
    bucketMs,
    intervalMs: typicalInterval(spans),
  });
  return {
    snapshotAt: snapshot?.at ?? null,
    metricsAvailable: snapshot?.metricsAvailable ?? false,
    history: { available: history !== undefined, ...(note ? { note } : {}), coverage, bucketMs },
    totals: totalsOf(snapshot),
    nodes,
    clusterSeries: clusterSeries(buckets),
    nodeSeries: busiestSeries(nodes, byNode),
    nodeSeriesLimit,
    changes: changes.slice(0, maxChanges),
    changesOmitted: Math.max(0, changes.length - maxChanges),
  };
}
