import type Database from 'better-sqlite3';

/** A half-open time range [since, until), epoch ms. */
export interface TimeRange {
  since: number;
  until: number;
}

/** One node's samples in one time bucket, reduced to what a chart or a table needs. */
export interface NodeBucket {
  node: string;
  /** Start of the bucket, epoch ms. */
  at: number;
  /** Mean over the samples that had metrics; null when none had. */
  cpuMillis: number | null;
  cpuPeakMillis: number | null;
  memoryBytes: number | null;
  memoryPeakBytes: number | null;
  pods: number;
  samples: number;
}

/** When a node was sampled within a range, and whether it was already known before it. */
export interface NodeSpan {
  node: string;
  first: number;
  last: number;
  samples: number;
  /** Samples that carried metrics (usage is null while metrics-server does not report the node). */
  measured: number;
  seenBefore: boolean;
}

interface BucketRow {
  name: string;
  bucket: number;
  cpu: number | null;
  cpu_peak: number | null;
  memory: number | null;
  memory_peak: number | null;
  pods: number;
  samples: number;
}

interface SpanRow {
  name: string;
  first: number;
  last: number;
  samples: number;
  measured: number;
  seen_before: number;
}

/**
 * Range reads over every node at once, for reports: aggregated in SQLite so a week of samples
 * never crosses into JavaScript row by row. Read-only; the worker's one connection runs them.
 */
export class NodeSampleQueries {
  private readonly firstAt: Database.Statement<[number, number], { at: number | null }>;
  private readonly lastAt: Database.Statement<[number, number], { at: number | null }>;
  private readonly buckets: Database.Statement<
    [{ origin: number; width: number; since: number; until: number }],
    BucketRow
  >;
  private readonly spans: Database.Statement<[{ since: number; until: number }], SpanRow>;

  constructor(db: Database.Database) {
    // Two statements, not min() and max() in one: SQLite answers each alone from the ts index.
    this.firstAt = db.prepare('SELECT min(ts) AS at FROM node_samples WHERE ts >= ? AND ts < ?');
    this.lastAt = db.prepare('SELECT max(ts) AS at FROM node_samples WHERE ts >= ? AND ts < ?');
    // JS numbers bind as REAL, so the bucket number is truncated explicitly (ts >= origin: floor).
    this.buckets = db.prepare(
      `SELECT n.name AS name, CAST((s.ts - @origin) / @width AS INTEGER) AS bucket,
              avg(s.cpu_millis) AS cpu, max(s.cpu_millis) AS cpu_peak,
              avg(s.memory_bytes) AS memory, max(s.memory_bytes) AS memory_peak,
              avg(s.pods) AS pods, count(*) AS samples
       FROM node_samples s JOIN nodes n ON n.id = s.node_id
       WHERE s.ts >= @since AND s.ts < @until
       GROUP BY s.node_id, bucket
       ORDER BY n.name, bucket`,
    );
    this.spans = db.prepare(
      `SELECT n.name AS name, min(s.ts) AS first, max(s.ts) AS last, count(*) AS samples,
              count(s.cpu_millis) AS measured,
              EXISTS (SELECT 1 FROM node_samples p WHERE p.node_id = s.node_id AND p.ts < @since) AS seen_before
       FROM node_samples s JOIN nodes n ON n.id = s.node_id
       WHERE s.ts >= @since AND s.ts < @until
       GROUP BY s.node_id
       ORDER BY n.name`,
    );
  }

  /** First and last sample time in the range, or null when the range holds no sample. */
  coverage(range: TimeRange): { first: number; last: number } | null {
    const first = this.firstAt.get(range.since, range.until)?.at ?? null;
    const last = this.lastAt.get(range.since, range.until)?.at ?? null;
    return first === null || last === null ? null : { first, last };
  }

  /**
   * Every node's samples in the range, averaged per bucket of `bucketMs` counted from the range's
   * start. Ordered by node name, then time.
   */
  nodeBuckets(range: TimeRange, bucketMs: number): NodeBucket[] {
    const width = Math.max(1, Math.round(bucketMs));
    const start = Math.round(range.since);
    return this.buckets.all({ origin: start, width, since: start, until: range.until }).map((row) => ({
      node: row.name,
      at: start + row.bucket * width,
      cpuMillis: row.cpu,
      cpuPeakMillis: row.cpu_peak,
      memoryBytes: row.memory,
      memoryPeakBytes: row.memory_peak,
      pods: row.pods,
      samples: row.samples,
    }));
  }

  /** Per node: first and last sample in the range, counts, and whether it was sampled before. */
  nodeSpans(range: TimeRange): NodeSpan[] {
    return this.spans.all({ since: range.since, until: range.until }).map((row) => ({
      node: row.name,
      first: row.first,
      last: row.last,
      samples: row.samples,
      measured: row.measured,
      seenBefore: row.seen_before === 1,
    }));
  }
}
