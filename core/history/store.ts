import type Database from 'better-sqlite3';
import { NodeSampleQueries } from './node-sample-queries.ts';
import { NodeSampleStore, type NodeSample, type SeriesQuery } from './node-samples.ts';
import { openHistory } from './open.ts';
import { compactSamples } from './compaction.ts';
import { LifecycleEventStore } from './lifecycle-events.ts';
import { applyRetention } from './retention.ts';
import { UsageSampleStore } from './usage-samples.ts';

/** The history database as the worker uses it: one connection, one writer. */
export class HistoryStore {
  readonly nodeSamples: NodeSampleStore;
  /** Range reads over all nodes (reports). */
  readonly nodeQueries: NodeSampleQueries;
  readonly lifecycle: LifecycleEventStore;
  /** Per-pod and per-workload usage. */
  readonly usage: UsageSampleStore;
  private sampleCount: number;

  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
    readonly recoveredFrom: string | undefined,
  ) {
    this.nodeSamples = new NodeSampleStore(db);
    this.nodeQueries = new NodeSampleQueries(db);
    this.lifecycle = new LifecycleEventStore(db);
    this.usage = new UsageSampleStore(db);
    this.sampleCount = this.nodeSamples.count();
  }

  static open(path: string, options: { busyTimeoutMs?: number; maxSizeBytes?: number } = {}): HistoryStore {
    const { db, recoveredFrom } = openHistory(path, options);
    return new HistoryStore(db, path, recoveredFrom);
  }

  /** The connection, for stores of other domains (audit, predictions) that add their own tables. */
  get database(): Database.Database {
    return this.db;
  }

  insertNodeSamples(samples: readonly NodeSample[]): void {
    this.nodeSamples.insert(samples);
    this.sampleCount += samples.length;
  }

  nodeSeries(query: SeriesQuery): NodeSample[] {
    return this.nodeSamples.series(query);
  }

  /** Kept as a running total so the UI can show it after every batch without a table scan. */
  get samples(): number {
    return this.sampleCount;
  }

  /** Hourly upkeep: roll up samples older than a day, then drop what is past retention. */
  applyRetention(now: number, retentionDays: number): number {
    const removed = compactSamples(this.db, { now }) + applyRetention(this.db, { now, retentionDays });
    this.usage.clearCaches();
    this.sampleCount -= removed;
    return removed;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
