import type Database from 'better-sqlite3';
import type { Action, AuditRecord } from '../contract/actions.ts';
import type { Migration } from './migrations.ts';

/**
 * The action audit log: who did what to which object, what the dry run said, every progress
 * step as it happened and how it ended. Steps are their own rows, written one by one, so a
 * worker that dies mid-drain leaves the steps it took; the next start marks such a record
 * "interrupted".
 */

export const auditMigration: Migration = {
  version: 6,
  description: 'action audit log and its progress steps',
  up(db) {
    db.exec(`
      CREATE TABLE action_audit (
        id INTEGER PRIMARY KEY,
        cluster TEXT NOT NULL,
        user TEXT NOT NULL,
        origin TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        params TEXT NOT NULL,
        summary TEXT NOT NULL,
        dry_run TEXT,
        status TEXT NOT NULL,
        outcome TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        undo TEXT,
        undo_of INTEGER
      );
      CREATE INDEX action_audit_started ON action_audit (started_at);
      CREATE TABLE action_audit_progress (
        audit_id INTEGER NOT NULL REFERENCES action_audit(id),
        at INTEGER NOT NULL,
        message TEXT NOT NULL
      );
      CREATE INDEX action_audit_progress_id ON action_audit_progress (audit_id, at);
    `);
  },
};

export interface AuditStart {
  cluster: string;
  user: string;
  origin: AuditRecord['origin'];
  action: string;
  target: string;
  params: unknown;
  summary: string;
  dryRun?: unknown;
  startedAt: number;
  undoOf?: number;
}

interface AuditRow {
  id: number;
  cluster: string;
  user: string;
  origin: string;
  action: string;
  target: string;
  params: string;
  summary: string;
  dry_run: string | null;
  status: string;
  outcome: string;
  started_at: number;
  finished_at: number | null;
  undo: string | null;
  undo_of: number | null;
}

export class AuditLog {
  constructor(private readonly db: Database.Database) {}

  start(entry: AuditStart): number {
    const result = this.db
      .prepare(
        `INSERT INTO action_audit (cluster, user, origin, action, target, params, summary, dry_run, status, outcome, started_at, undo_of)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', '', ?, ?)`,
      )
      .run(
        entry.cluster,
        entry.user,
        entry.origin,
        entry.action,
        entry.target,
        JSON.stringify(entry.params ?? null),
        entry.summary,
        entry.dryRun === undefined ? null : JSON.stringify(entry.dryRun),
        entry.startedAt,
        entry.undoOf ?? null,
      );
    return Number(result.lastInsertRowid);
  }

  progress(id: number, at: number, message: string): void {
    this.db
      .prepare('INSERT INTO action_audit_progress (audit_id, at, message) VALUES (?, ?, ?)')
      .run(id, at, message);
  }

  finish(
    id: number,
    status: Exclude<AuditRecord['status'], 'running'>,
    outcome: string,
    finishedAt: number,
    undo?: Action,
  ): void {
    this.db
      .prepare('UPDATE action_audit SET status = ?, outcome = ?, finished_at = ?, undo = ? WHERE id = ?')
      .run(status, outcome, finishedAt, undo === undefined ? null : JSON.stringify(undo), id);
  }

  /** An undo is offered once: after it ran, the record no longer carries it. */
  clearUndo(id: number): void {
    this.db.prepare('UPDATE action_audit SET undo = NULL WHERE id = ?').run(id);
  }

  /** Records left "running" by a worker that died: they are interrupted, with the steps they took. */
  markInterrupted(now: number): number {
    return this.db
      .prepare(
        `UPDATE action_audit SET status = 'interrupted', finished_at = ?,
           outcome = 'interrupted: Foresight stopped before the action finished; see its steps, and run it again to complete it'
         WHERE status = 'running'`,
      )
      .run(now).changes;
  }

  get(id: number): AuditRecord | undefined {
    const row = this.db.prepare('SELECT * FROM action_audit WHERE id = ?').get(id) as AuditRow | undefined;
    return row ? this.toRecord(row) : undefined;
  }

  list(limit = 200): AuditRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM action_audit ORDER BY started_at DESC, id DESC LIMIT ?')
      .all(limit) as AuditRow[];
    return rows.map((row) => this.toRecord(row));
  }

  private toRecord(row: AuditRow): AuditRecord {
    const steps = this.db
      .prepare('SELECT at, message FROM action_audit_progress WHERE audit_id = ? ORDER BY at, rowid')
      .all(row.id) as { at: number; message: string }[];
    return {
      id: row.id,
      cluster: row.cluster,
      user: row.user,
      origin: row.origin === 'autopilot' ? 'autopilot' : 'user',
      action: row.action,
      target: row.target,
      params: JSON.parse(row.params) as unknown,
      summary: row.summary,
      ...(row.dry_run === null ? {} : { dryRun: JSON.parse(row.dry_run) as unknown }),
      status: row.status as AuditRecord['status'],
      outcome: row.outcome,
      progress: steps,
      startedAt: row.started_at,
      ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
      ...(row.undo === null ? {} : { undo: JSON.parse(row.undo) as Action }),
      ...(row.undo_of === null ? {} : { undoOf: row.undo_of }),
    };
  }
}
