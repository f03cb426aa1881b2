import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AuditLog } from './audit-log.ts';
import { migrate, schemaVersion } from './migrations.ts';

function openLog(): { log: AuditLog; db: Database.Database } {
  const db = new Database(':memory:');
  migrate(db);
  return { log: new AuditLog(db), db };
}

const entry = {
  cluster: 'https://127.0.0.1:6443',
  user: 'admin',
  origin: 'user' as const,
  action: 'cordon',
  target: 'node/node-1',
  params: { kind: 'cordon', node: 'node-1' },
  summary: 'Cordon node node-1',
  dryRun: { changes: [{ field: 'spec.unschedulable', from: 'false', to: 'true' }] },
  startedAt: 1000,
};

describe('AuditLog', () => {
  it('the migration brings the schema to at least version 6', () => {
    const { db } = openLog();
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(6);
  });

  it('records start, steps, finish and undo, newest first', () => {
    const { log } = openLog();
    const first = log.start(entry);
    log.progress(first, 1001, 'node/node-1 cordoned');
    log.finish(first, 'succeeded', 'node/node-1 cordoned', 1002, { kind: 'uncordon', node: 'node-1' });
    const second = log.start({ ...entry, action: 'uncordon', startedAt: 2000, undoOf: first });
    expect(log.list().map((r) => r.id)).toEqual([second, first]);
    expect(log.get(first)).toEqual({
      id: first,
      ...entry,
      status: 'succeeded',
      outcome: 'node/node-1 cordoned',
      progress: [{ at: 1001, message: 'node/node-1 cordoned' }],
      finishedAt: 1002,
      undo: { kind: 'uncordon', node: 'node-1' },
    });
    expect(log.get(second)).toMatchObject({ status: 'running', undoOf: first });
    log.clearUndo(first);
    expect(log.get(first)?.undo).toBeUndefined();
  });

  it('a record left running by a dead worker is marked interrupted and keeps its steps', () => {
    const { log } = openLog();
    const id = log.start({ ...entry, action: 'drain' });
    log.progress(id, 1001, 'evicting pod shop/web-1');
    expect(log.markInterrupted(5000)).toBe(1);
    expect(log.get(id)).toMatchObject({
      status: 'interrupted',
      finishedAt: 5000,
      progress: [{ at: 1001, message: 'evicting pod shop/web-1' }],
    });
    expect(log.markInterrupted(6000)).toBe(0);
  });

  it('an unknown id is undefined, not a crash', () => {
    expect(openLog().log.get(42)).toBeUndefined();
  });
});
