import type Database from 'better-sqlite3';

export const defaultRetentionDays = 7;
const dayMs = 24 * 60 * 60 * 1000;
/** Per-pod samples are the bulkiest and matter for the last day; workloads keep the week. */
export const podSampleRetentionMs = dayMs;

/**
 * Deletes samples older than the retention window (per-pod samples after a day). Node samples
 * go in slices so that a large backlog never holds the write lock for long; returns how many
 * node samples went (the running total the UI shows counts those).
 */
export function applyRetention(
  db: Database.Database,
  options: { now: number; retentionDays: number; sliceRows?: number },
): number {
  const cutoff = options.now - options.retentionDays * dayMs;
  const slice = options.sliceRows ?? 50_000;
  const deleteSlice = db.prepare(
    `DELETE FROM node_samples WHERE (node_id, ts) IN (SELECT node_id, ts FROM node_samples WHERE ts < ? LIMIT ?)`,
  );
  // Lifecycle events and workload samples are few next to node samples: one statement each.
  db.prepare('DELETE FROM lifecycle_events WHERE ts < ?').run(cutoff);
  db.prepare('DELETE FROM workload_samples WHERE ts < ?').run(cutoff);
  db.prepare('DELETE FROM pod_samples WHERE ts < ?').run(options.now - podSampleRetentionMs);
  db.prepare('DELETE FROM pods WHERE id NOT IN (SELECT DISTINCT pod_id FROM pod_samples)').run();
  let total = 0;
  for (;;) {
    const { changes } = deleteSlice.run(cutoff, slice);
    total += changes;
    if (changes < slice) return total;
  }
}
