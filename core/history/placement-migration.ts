import type { Migration } from './migrations.ts';

/**
 * Placement advice and what then happened to the pod (core/scheduling/advice-records.ts reads
 * and writes these rows; the schema lives with the other migrations so history depends on no
 * capability).
 */
export const placementMigration: Migration = {
  version: 8,
  description: 'placement advice and outcomes',
  up(db) {
    db.exec(`
      CREATE TABLE placement_advice (
        id INTEGER PRIMARY KEY,
        ts INTEGER NOT NULL,
        source TEXT NOT NULL,
        namespace TEXT NOT NULL,
        pod TEXT NOT NULL,
        advised_node TEXT,
        kube_node TEXT,
        confidence REAL NOT NULL,
        actual_node TEXT,
        placed_ts INTEGER,
        disruptions INTEGER,
        resolved_ts INTEGER
      );
      CREATE INDEX placement_advice_open ON placement_advice (resolved_ts, source);
    `);
  },
};
