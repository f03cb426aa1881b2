import type Database from 'better-sqlite3';

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
