import type Database from 'better-sqlite3';

/**
 * A JSON value under `key` in the cluster's history database (the `meta` table): the autopilot's
 * settings and its own cordons live there, so they are per cluster and survive restarts.
 * Returns undefined when the key is absent or its value is not JSON.
 */
export function readMetaJson(db: Database.Database, key: string): unknown {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

export function writeMetaJson(db: Database.Database, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}
