import type Database from 'better-sqlite3';

/**
 * Samples newer than this stay at full resolution (one per collection: 15 s, 5 s for the demo).
 * Six hours covers every short window risk features and live charts read; older minutes are
 * rolled up, which halves a week's database at 500 nodes compared with keeping a whole day.
 */
export const fullResolutionMs = 6 * 60 * 60 * 1000;
/** Older samples are rolled up to one row per node and minute. */
export const rollupMs = 60_000;
/** How much history one compaction step rewrites, so the write lock is never held for long. */
const stepMs = 60 * 60 * 1000;
const watermarkKey = 'compacted_until';

/**
 * Keeps the database bounded on large clusters: samples older than six hours are rolled up in
 * place to one per node and minute (mean CPU, memory and disk use of the minute, its highest pod
 * count and its fullest container against its limit: the peak is what an OOM kill follows),
 * so every reader keeps reading one table and a week at 5,000 nodes stays in the low GBs
 * instead of tens. A watermark in `meta` remembers how far it got; each call does at most
 * `maxSteps` hours, oldest first. Returns the rows removed.
 */
export function compactSamples(db: Database.Database, options: { now: number; maxSteps?: number }): number {
  const readWatermark = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const writeWatermark = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  const nextSample = db.prepare<[number], { ts: number | null }>(
    'SELECT min(ts) AS ts FROM node_samples WHERE ts >= ?',
  );
  const limit = Math.floor((options.now - fullResolutionMs) / rollupMs) * rollupMs;
  const stored = readWatermark.get(watermarkKey)?.value;
  let from = stored !== undefined ? Number(stored) : 0;
  const rollUp = db.transaction((start: number, end: number) => {
    db.prepare(
      `CREATE TEMP TABLE IF NOT EXISTS minute_rollup_v11 (
         node_id INTEGER, ts INTEGER, cpu REAL, memory REAL, pods INTEGER, disk REAL, pod_memory_peak REAL,
         nic_errors_per_minute REAL, container_hours_to_limit REAL
       )`,
    ).run();
    db.prepare('DELETE FROM temp.minute_rollup_v11').run();
    db.prepare(
      `INSERT INTO temp.minute_rollup_v11
       SELECT node_id, (ts / ${rollupMs}) * ${rollupMs}, avg(cpu_millis), avg(memory_bytes), max(pods),
              avg(disk_bytes), max(pod_memory_peak), max(nic_errors_per_minute),
              min(container_hours_to_limit)
       FROM node_samples WHERE ts >= ? AND ts < ? GROUP BY node_id, ts / ${rollupMs}`,
    ).run(start, end);
    const removed = db.prepare('DELETE FROM node_samples WHERE ts >= ? AND ts < ?').run(start, end).changes;
    const added = db
      .prepare(
        `INSERT INTO node_samples (node_id, ts, cpu_millis, memory_bytes, pods, disk_bytes, pod_memory_peak,
                                   nic_errors_per_minute, container_hours_to_limit)
         SELECT * FROM temp.minute_rollup_v11`,
      )
      .run().changes;
    writeWatermark.run(watermarkKey, String(end));
    return removed - added;
  });
  let removed = 0;
  for (let step = 0; step < (options.maxSteps ?? 24) && from < limit; step++) {
    // Skip hours with nothing in them (the app was not running): they cost nothing to keep.
    from = Math.floor((nextSample.get(from)?.ts ?? limit) / rollupMs) * rollupMs;
    if (from >= limit) break;
    const end = Math.min(limit, from + stepMs);
    removed += rollUp(from, end);
    from = end;
  }
  return removed;
}
