import type { HistoryStatus, NodeRow } from '../contract/index.ts';
import { usagePoint } from '../risk/node-history.ts';
import { HistoryUnavailableError } from '../history/open.ts';
import { HistoryStore } from '../history/store.ts';
import type { NodeSampleQueries } from '../history/node-sample-queries.ts';
import type { NodeSample } from '../history/node-samples.ts';
import type { LifecycleEvent } from '../kube/lifecycle.ts';
import type { PodUsage, WorkloadUsage } from '../kube/pod-usage.ts';

const retryOpenMs = 30_000;
const retentionEveryMs = 60 * 60 * 1000;

function sqliteCode(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
}

/** Words for a failed write, by SQLite's error code. */
function describeWriteError(error: unknown, path: string): string {
  const code = sqliteCode(error);
  if (code === 'SQLITE_FULL') {
    return `The history database ${path} cannot grow: the disk is full (or its size limit is reached). New samples are not being saved; nothing saved so far is lost. Free some space; saving resumes by itself.`;
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return `The history database ${path} is locked by another process; samples are not being saved until it is released.`;
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_IOERR' || code === 'SQLITE_CANTOPEN') {
    return `Cannot write ${path} (${code}). Check the disk and the file's permissions.`;
  }
  return `Writing history to ${path} failed: ${String(error)}`;
}

/**
 * Owns the worker's history database: opens it, retries when it is locked, records samples,
 * runs retention, and keeps a status the UI can show. A failure here never stops collection:
 * live data keeps flowing and the status says what is wrong.
 */
export class HistoryKeeper {
  private store: HistoryStore | undefined;
  private problem: string | undefined;
  private notice: string | undefined;
  private nextOpenAttempt = 0;
  private nextRetention = 0;

  constructor(
    private readonly path: string,
    private readonly retentionDays: number,
    private readonly now: () => number,
    /** A cap on the database size, as a disk quota would set one (none by default). */
    private readonly maxSizeBytes?: number,
  ) {}

  /** Opens the database if it is not open and a retry is due; returns whether it is usable. */
  ensureOpen(): boolean {
    if (this.store) return true;
    if (this.now() < this.nextOpenAttempt) return false;
    try {
      this.store = HistoryStore.open(this.path, this.maxSizeBytes ? { maxSizeBytes: this.maxSizeBytes } : {});
      this.problem = undefined;
      this.notice = this.store.recoveredFrom
        ? `The history database was damaged; it was moved to ${this.store.recoveredFrom} and a new one was started.`
        : undefined;
      return true;
    } catch (error) {
      this.problem =
        error instanceof HistoryUnavailableError
          ? error.message
          : `Cannot open ${this.path}: ${String(error)}`;
      this.nextOpenAttempt = this.now() + retryOpenMs;
      return false;
    }
  }

  /**
   * Records one collection: the node samples and the lifecycle events seen since the last one,
   * in one go. Returns whether they were saved, so the caller can keep the events for the next
   * try (samples are not worth keeping: the next collection has fresher ones).
   */
  record(at: number, rows: readonly NodeRow[], lifecycle: readonly LifecycleEvent[] = []): boolean {
    if (!this.ensureOpen() || !this.store) return false;
    const samples: NodeSample[] = rows.map((row) => ({
      node: row.name,
      ...usagePoint(at, row),
      nicErrorsPerMinute: row.nicErrorsPerMinute ?? null,
    }));
    try {
      this.store.insertNodeSamples(samples);
      for (const row of rows) {
        if (row.diskCapacityBytes !== undefined)
          this.store.nodeSamples.setDiskCapacity(row.name, row.diskCapacityBytes);
      }
      this.store.lifecycle.insert(lifecycle);
      this.problem = undefined;
      this.runRetentionIfDue();
      return true;
    } catch (error) {
      // Each batch is one transaction: it is either all in or not at all.
      this.problem = describeWriteError(error, this.path);
      return false;
    }
  }

  /** Records one usage measurement (pods and their workloads); returns whether it was saved. */
  recordUsage(at: number, pods: readonly PodUsage[], workloads: readonly WorkloadUsage[]): boolean {
    if (!this.ensureOpen() || !this.store) return false;
    try {
      this.store.usage.insert(at, pods, workloads);
      return true;
    } catch (error) {
      this.problem = describeWriteError(error, this.path);
      return false;
    }
  }

  private runRetentionIfDue(): void {
    if (!this.store || this.now() < this.nextRetention) return;
    this.nextRetention = this.now() + retentionEveryMs;
    this.store.applyRetention(this.now(), this.retentionDays);
  }

  nodeEvents(node: string, since: number, limit: number): LifecycleEvent[] | undefined {
    if (!this.ensureOpen() || !this.store) return undefined;
    return this.store.lifecycle.forNode(node, since, limit);
  }

  /** The open database for domains that keep their own tables, or undefined while it cannot open. */
  openStore(): HistoryStore | undefined {
    return this.ensureOpen() ? this.store : undefined;
  }

  /** The range queries reports use, or undefined while the database cannot be opened. */
  reads(): NodeSampleQueries | undefined {
    return this.ensureOpen() ? this.store?.nodeQueries : undefined;
  }

  series(node: string, since: number, limit: number) {
    if (!this.ensureOpen() || !this.store) return undefined;
    return this.store.nodeSeries({ node, since, limit });
  }

  get status(): HistoryStatus {
    const message = this.problem ?? this.notice;
    return {
      state: this.store && !this.problem ? 'ok' : 'unavailable',
      path: this.path,
      retentionDays: this.retentionDays,
      sampleCount: this.store?.samples ?? 0,
      ...(message ? { message } : {}),
    };
  }

  close(): void {
    this.store?.close();
    this.store = undefined;
  }
}
