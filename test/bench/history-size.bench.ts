import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactSamples, fullResolutionMs, rollupMs } from '../../core/history/compaction.ts';
import { HistoryStore } from '../../core/history/store.ts';
import { figure, heading, timed } from './format.ts';

const intervalMs = 5000;
const dayMs = 24 * 60 * 60 * 1000;

/** Fills node_samples for [since, until) every `stepMs` for `nodes` nodes, in SQL (no JS per row). */
function fill(db: Database.Database, nodes: number, since: number, until: number, stepMs: number): number {
  return db
    .prepare(
      `WITH RECURSIVE t(ts) AS (SELECT ? UNION ALL SELECT ts + ? FROM t WHERE ts + ? < ?)
       INSERT INTO node_samples (node_id, ts, cpu_millis, memory_bytes, pods)
       SELECT n.id, t.ts, (n.id * 37 + t.ts / ?) % 4000, ((n.id * 91 + t.ts / ?) % 16000) * 1048576.0, n.id % 110
       FROM t CROSS JOIN nodes n`,
    )
    .run(since, stepMs, stepMs, until, stepMs, stepMs).changes;
}

/**
 * Per-workload samples every 5 min for the week and per-pod samples every 5 min for the last day,
 * for 30 pods per node and one workload per 10 pods (the demo's proportions).
 */
function fillUsage(db: Database.Database, nodes: number, now: number): number {
  const pods = nodes * 30;
  const workloads = pods / 10;
  const usageStepMs = 5 * 60 * 1000;
  db.prepare(
    `WITH RECURSIVE w(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM w WHERE i + 1 < ?)
     INSERT INTO workloads (namespace, kind, name) SELECT 'ns-' || (i % 40), 'Deployment', 'app-' || i FROM w`,
  ).run(workloads);
  db.prepare(
    `WITH RECURSIVE p(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM p WHERE i + 1 < ?)
     INSERT INTO pods (namespace, name, node, workload_id)
     SELECT 'ns-' || (i % 40), 'app-' || (i / 10) || '-7d9f8c-' || i, 'node-' || printf('%04d', i % ?), 1 + i / 10 FROM p`,
  ).run(pods, nodes);
  const series = `WITH RECURSIVE t(ts) AS (SELECT ? UNION ALL SELECT ts + ? FROM t WHERE ts + ? < ?)`;
  const workloadRows = db
    .prepare(
      `${series} INSERT INTO workload_samples SELECT w.id, t.ts, 10, (w.id * 37 + t.ts / 1000) % 4000,
         (w.id * 7 + t.ts / 1000) % 900, ((w.id * 91 + t.ts / 1000) % 8000) * 1048576, 800 * 1048576,
         2500, 4096 * 1048576 FROM t CROSS JOIN workloads w`,
    )
    .run(now - 7 * dayMs, usageStepMs, usageStepMs, now).changes;
  const podRows = db
    .prepare(
      `${series} INSERT INTO pod_samples SELECT p.id, t.ts,
         (p.id * 13 + t.ts / 1000) % 400, ((p.id * 17 + t.ts / 1000) % 800) * 1048576 FROM t CROSS JOIN pods p`,
    )
    .run(now - dayMs, usageStepMs, usageStepMs, now).changes;
  return workloadRows + podRows;
}

/**
 * The history database of a 500-node cluster after a week, as the worker leaves it: the last six
 * hours at full resolution (a sample per node every 5 s, the demo's rate; a real cluster's 15 s
 * makes a third of that), the rest rolled up to one per node and minute; plus per-workload and
 * per-pod usage. Rows are generated in SQL with the collector's schema and keys; compaction
 * itself is timed on one hour of full-resolution data. Then a node's 7-day chart is queried.
 */
export async function benchHistorySize(nodes = 500): Promise<void> {
  heading(`History size: ${nodes} nodes, 7 days (5 s samples, rolled up to 1 min after 6 h; pod usage)`);
  const dir = mkdtempSync(join(tmpdir(), 'foresight-bench-size-'));
  const path = join(dir, 'history.db');
  const now = Date.UTC(2026, 0, 8);
  HistoryStore.open(path).close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  try {
    const insertNode = db.prepare('INSERT INTO nodes (name) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < nodes; i++) insertNode.run(`node-${String(i).padStart(4, '0')}`);
    })();
    const dayAgo = now - fullResolutionMs;
    const { ms: fillMs, value: rows } = await timed(() =>
      db.transaction(
        () => fill(db, nodes, now - 7 * dayMs, dayAgo, rollupMs) + fill(db, nodes, dayAgo, now, intervalMs),
      )(),
    );
    figure('node sample rows after 7 days', rows, 'rows', `generated in ${(fillMs / 1000).toFixed(1)} s`);
    const usageRows = db.transaction(() => fillUsage(db, nodes, now))();
    figure('workload + pod usage rows', usageRows, 'rows', `${nodes * 30} pods, ${nodes * 3} workloads`);

    // Compaction, timed on one extra hour of full-resolution data just past the one-day mark.
    const hourStart = dayAgo - 60 * 60 * 1000;
    db.prepare('DELETE FROM node_samples WHERE ts >= ? AND ts < ?').run(hourStart, dayAgo);
    fill(db, nodes, hourStart, dayAgo, intervalMs);
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('compacted_until', ?)").run(
      String(hourStart),
    );
    const compaction = await timed(() => compactSamples(db, { now }));
    figure(
      'compaction of one hour (full resolution → 1 min)',
      compaction.ms,
      'ms',
      `${compaction.value} rows removed`,
    );

    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = statSync(path).size;
    figure(`database size, ${nodes} nodes`, bytes / 2 ** 20, 'MiB', 'node samples, usage, indexes');
    figure(
      'projected to 5,000 nodes',
      (bytes * (5000 / nodes)) / 2 ** 30,
      'GiB',
      'size grows with nodes × time',
    );
    db.close();

    const store = HistoryStore.open(path);
    const chart = await timed(() =>
      store.nodeSeries({ node: 'node-0042', since: now - 7 * dayMs, limit: 100_000 }),
    );
    figure("a node's 7-day chart (history.nodeSeries)", chart.ms, 'ms', `${chart.value.length} points`);
    const workload = await timed(() =>
      store.usage.workloadSeries(
        { namespace: 'ns-2', kind: 'Deployment', name: 'app-42' },
        now - 7 * dayMs,
        100_000,
      ),
    );
    figure("a workload's 7-day usage (5 min steps)", workload.ms, 'ms', `${workload.value.length} points`);
    store.close();
  } finally {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
