import type { Migration } from './migrations.ts';

/** Issue 5's tables: predictions over time, operators' feedback, and the model registry. */
export const riskMigration: Migration = {
  version: 7,
  description: 'node risk: predictions, feedback on alerts, model registry',
  up(db) {
    db.exec(`
      -- A node's risk when it changed (or at most once a minute): the node page's risk line.
      CREATE TABLE risk_predictions (
        node TEXT NOT NULL,
        ts INTEGER NOT NULL,
        probability REAL NOT NULL,
        level TEXT NOT NULL,
        kind TEXT,
        source TEXT NOT NULL,
        reasons TEXT NOT NULL
      );
      CREATE INDEX risk_predictions_node_ts ON risk_predictions (node, ts);
      CREATE INDEX risk_predictions_ts ON risk_predictions (ts);
      CREATE TABLE risk_feedback (
        id INTEGER PRIMARY KEY,
        node TEXT NOT NULL,
        ts INTEGER NOT NULL,
        verdict TEXT NOT NULL,
        note TEXT,
        given_at INTEGER NOT NULL
      );
      -- Every model trained here, champion or not, with its evaluation (JSON).
      CREATE TABLE risk_models (
        id INTEGER PRIMARY KEY,
        created_at INTEGER NOT NULL,
        champion INTEGER NOT NULL DEFAULT 0,
        pr_auc REAL,
        bundle TEXT NOT NULL,
        decision TEXT NOT NULL
      );
    `);
  },
};
