import type Database from 'better-sqlite3';

export const defaultRetentionDays = 7;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * Deletes samples older than the retention window. Runs in slices so that a large backlog
 * never holds the write lock for long; returns how many rows went.
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
  // Lifecycle events are few next to samples: one statement is enough.
  db.prepare('DELETE FROM lifecycle_events WHERE ts < ?').run(cutoff);
  let total = 0;
  for (;;) {
    const { changes } = deleteSlice.run(cutoff, slice);
    total += changes;
    if (changes < slice) return total;
  }
}
