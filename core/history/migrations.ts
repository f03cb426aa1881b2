import type Database from 'better-sqlite3';
import { auditMigration } from './audit-log.ts';
import { riskMigration } from './risk-migration.ts';
import { signalsMigration } from './signals-migration.ts';
import { placementMigration } from './placement-migration.ts';
import { nicErrorsMigration } from './nic-errors-migration.ts';
import { containerForecastMigration } from './container-forecast-migration.ts';

/**
 * Versioned schema changes, applied in order inside one transaction each. The version lives in
 * SQLite's user_version, so a database knows which migrations it has seen. Never edit a
 * migration that has shipped: add a new one.
 */
export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'nodes and per-node samples',
    up(db) {
      db.exec(`
        CREATE TABLE nodes (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE
        );
        -- One row per node per collection. Keyed by (node, time) so a node's series is one
        -- range scan, and WITHOUT ROWID keeps the rows compact.
        CREATE TABLE node_samples (
          node_id INTEGER NOT NULL REFERENCES nodes(id),
          ts INTEGER NOT NULL,
          cpu_millis REAL,
          memory_bytes REAL,
          pods INTEGER NOT NULL,
          PRIMARY KEY (node_id, ts)
        ) WITHOUT ROWID;
        CREATE INDEX node_samples_ts ON node_samples (ts);
      `);
    },
  },
  {
    version: 2,
    description: 'key/value state for maintenance jobs (compaction watermark)',
    up(db) {
      db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`);
    },
  },
  {
    version: 3,
    description: 'lifecycle events: restarts, OOMKills, evictions, phases, node conditions',
    up(db) {
      db.exec(`
        CREATE TABLE lifecycle_events (
          ts INTEGER NOT NULL,
          kind TEXT NOT NULL,
          node TEXT,
          namespace TEXT,
          pod TEXT,
          detail TEXT NOT NULL
        );
        CREATE INDEX lifecycle_events_node_ts ON lifecycle_events (node, ts);
        CREATE INDEX lifecycle_events_ts ON lifecycle_events (ts);
      `);
    },
  },
  {
    version: 4,
    description: 'per-pod usage (kept a day) and per-workload usage (kept for the retention)',
    up(db) {
      db.exec(`
        CREATE TABLE workloads (
          id INTEGER PRIMARY KEY,
          namespace TEXT NOT NULL,
          kind TEXT NOT NULL,
          name TEXT NOT NULL,
          UNIQUE (namespace, kind, name)
        );
        -- One row per workload per usage sample: its pod count, total and busiest pod's usage,
        -- and what its pods request (scaling forecasts and right-sizing read these).
        CREATE TABLE workload_samples (
          workload_id INTEGER NOT NULL REFERENCES workloads(id),
          ts INTEGER NOT NULL,
          pods INTEGER NOT NULL,
          cpu_millis INTEGER NOT NULL,
          cpu_max_millis INTEGER NOT NULL,
          memory_bytes INTEGER NOT NULL,
          memory_max_bytes INTEGER NOT NULL,
          cpu_request_millis INTEGER NOT NULL,
          memory_request_bytes INTEGER NOT NULL,
          PRIMARY KEY (workload_id, ts)
        ) WITHOUT ROWID;
        CREATE INDEX workload_samples_ts ON workload_samples (ts);
        -- Pods come and go by the thousand: names are interned, and their samples kept a day.
        -- A pod never moves, so its node is a fact of the pod, not of each sample. Usage is
        -- whole millicores and bytes: SQLite stores small integers in a few bytes, REAL in 8.
        CREATE TABLE pods (
          id INTEGER PRIMARY KEY,
          namespace TEXT NOT NULL,
          name TEXT NOT NULL,
          node TEXT,
          workload_id INTEGER REFERENCES workloads(id),
          UNIQUE (namespace, name)
        );
        CREATE TABLE pod_samples (
          pod_id INTEGER NOT NULL REFERENCES pods(id),
          ts INTEGER NOT NULL,
          cpu_millis INTEGER NOT NULL,
          memory_bytes INTEGER NOT NULL,
          PRIMARY KEY (pod_id, ts)
        ) WITHOUT ROWID;
        CREATE INDEX pod_samples_ts ON pod_samples (ts);
      `);
    },
  },
  // Version 5 was never used and must stay unused: a database already at 6 or later would skip
  // it. The next migration is 10.
  auditMigration,
  riskMigration,
  placementMigration,
  signalsMigration,
  nicErrorsMigration,
  containerForecastMigration,
];

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the database up to the newest schema; returns the versions applied. */
export function migrate(db: Database.Database, all: readonly Migration[] = migrations): number[] {
  const current = schemaVersion(db);
  const newest = all.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > newest) {
    throw new Error(
      `The history database has schema version ${current}, newer than this Foresight knows (${newest}). ` +
        'Update Foresight, or point it at another data directory.',
    );
  }
  const applied: number[] = [];
  for (const migration of [...all].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
