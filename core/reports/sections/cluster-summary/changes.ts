import type { NodesSnapshot } from '../../../contract/index.ts';
import { formatCount, formatDuration, formatTime } from '../../format.ts';
import type { NodeBucket, NodeSpan } from '../../source.ts';
import type { ClusterChange } from './model.ts';

export interface ChangeInputs {
  spans: readonly NodeSpan[];
  /** Ordered by node, then time (as the history query returns them). */
  buckets: readonly NodeBucket[];
  coverage: { first: number; last: number } | null;
  snapshot: NodesSnapshot | null;
  bucketMs: number;
  /** The typical time between two samples of a node. */
  intervalMs: number;
}

/**
 * What changed in the period, as far as history and the live snapshot can tell. History keeps
 * usage and pod counts per node, not conditions, so: arrivals and departures come from when a
 * node was sampled; lost metrics and emptied nodes from the series; NotReady and cordons only
 * as they are now (when they began is not recorded).
 */
export function deriveChanges(inputs: ChangeInputs): ClusterChange[] {
  const { spans, coverage, snapshot } = inputs;
  const changes: ClusterChange[] = [];
  // Allow a few missed collections before calling a node new or gone.
  const tolerance = Math.max(3 * inputs.intervalMs, 2 * inputs.bucketMs);
  const live = new Set(snapshot?.nodes.map((n) => n.name) ?? []);
  const withSeconds = coverage !== null && coverage.last - coverage.first < 2 * 3_600_000;
  const at = (ms: number) => formatTime(ms, withSeconds);

  if (coverage) {
    for (const span of spans) {
      if (!span.seenBefore && span.first - coverage.first > tolerance) {
        changes.push({
          at: span.first,
          node: span.node,
          kind: 'appeared',
          detail: `First sampled at ${at(span.first)}.`,
        });
      }
      if (coverage.last - span.last > tolerance && !live.has(span.node)) {
        changes.push({
          at: span.last,
          node: span.node,
          kind: 'disappeared',
          detail: `Last sampled at ${at(span.last)}; not in the cluster now.`,
        });
      }
    }
  }
  changes.push(...seriesChanges(inputs, at));
  for (const node of snapshot?.nodes ?? []) {
    if (!node.ready) {
      changes.push({
        at: snapshot?.at ?? 0,
        node: node.name,
        kind: 'not-ready',
        detail: 'NotReady when the report was made (history does not record when it began).',
      });
    }
    if (node.unschedulable) {
      changes.push({
        at: snapshot?.at ?? 0,
        node: node.name,
        kind: 'cordoned',
        detail: 'Cordoned (unschedulable) when the report was made.',
      });
    }
  }
  return changes.sort((a, b) => a.at - b.at || a.node.localeCompare(b.node));
}

/** Per node, walks its buckets for absences, lost or returning metrics, and emptying. */
function seriesChanges(inputs: ChangeInputs, at: (ms: number) => string): ClusterChange[] {
  const changes: ClusterChange[] = [];
  const gap = Math.max(3 * inputs.intervalMs, 2.5 * inputs.bucketMs);
  let previous: NodeBucket | undefined;
  for (const bucket of inputs.buckets) {
    if (previous?.node !== bucket.node) {
      previous = bucket;
      continue;
    }
    const node = bucket.node;
    if (bucket.at - previous.at > gap) {
      changes.push({
        at: previous.at + inputs.bucketMs,
        node,
        kind: 'absent',
        detail: `Not sampled for ${formatDuration(bucket.at - previous.at - inputs.bucketMs)}, from ${at(previous.at + inputs.bucketMs)}.`,
      });
    }
    if (previous.cpuMillis !== null && bucket.cpuMillis === null) {
      changes.push({
        at: bucket.at,
        node,
        kind: 'metrics-lost',
        detail: 'metrics-server stopped reporting its usage (often a sign of a NotReady kubelet).',
      });
    } else if (previous.cpuMillis === null && bucket.cpuMillis !== null) {
      changes.push({
        at: bucket.at,
        node,
        kind: 'metrics-back',
        detail: 'metrics-server reports its usage again.',
      });
    }
    if (previous.pods >= 1 && bucket.pods < 0.5) {
      changes.push({
        at: bucket.at,
        node,
        kind: 'emptied',
        detail: `Pods went from ${formatCount(previous.pods)} to 0 (drained, evicted or deleted).`,
      });
    }
    previous = bucket;
  }
  return changes;
}
