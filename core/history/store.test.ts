import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from './migrations.ts';
import { HistoryUnavailableError } from './open.ts';
import { HistoryStore } from './store.ts';

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'foresight-history-'));
  dirs.push(dir);
  return join(dir, 'history.db');
}

const stores: HistoryStore[] = [];
function open(path: string, busyTimeoutMs?: number): HistoryStore {
  const store = HistoryStore.open(path, { busyTimeoutMs });
  stores.push(store);
  return store;
}

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const hour = 3_600_000;

describe('HistoryStore', () => {
  it('creates a migrated WAL database on a real file', () => {
    const path = tempDb();
    open(path).close();
    const db = new Database(path);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('round-trips samples and returns a node series in time order, newest kept under a limit', () => {
    const store = open(tempDb());
    const samples = [0, 1, 2, 3].flatMap((i) => [
      { node: 'a', at: 1000 + i, cpuMillis: 100 + i, memoryBytes: 2000 + i, pods: i },
      { node: 'b', at: 1000 + i, cpuMillis: null, memoryBytes: null, pods: 7 },
    ]);
    store.insertNodeSamples(samples);
    expect(store.samples).toBe(8);
    expect(store.nodeSeries({ node: 'a', since: 0, limit: 2 }).map((s) => s.at)).toEqual([1002, 1003]);
    expect(store.nodeSeries({ node: 'b', since: 1002, limit: 10 })).toEqual([
      { node: 'b', at: 1002, cpuMillis: null, memoryBytes: null, pods: 7 },
      { node: 'b', at: 1003, cpuMillis: null, memoryBytes: null, pods: 7 },
    ]);
    expect(store.nodeSeries({ node: 'missing', since: 0, limit: 10 })).toEqual([]);
  });

  it('keeps the data across reopening (a real file, not memory)', () => {
    const path = tempDb();
    open(path).insertNodeSamples([{ node: 'a', at: 5, cpuMillis: 1, memoryBytes: 2, pods: 3 }]);
    stores.pop()?.close();
    expect(open(path).samples).toBe(1);
  });

  it('retention deletes only samples older than the window', () => {
    const store = open(tempDb());
    const now = 100 * 24 * hour;
    store.insertNodeSamples([
      { node: 'a', at: now - 8 * 24 * hour, cpuMillis: 1, memoryBytes: 1, pods: 1 },
      { node: 'a', at: now - 6 * 24 * hour, cpuMillis: 1, memoryBytes: 1, pods: 1 },
      { node: 'a', at: now - hour, cpuMillis: 1, memoryBytes: 1, pods: 1 },
    ]);
    expect(store.applyRetention(now, 7)).toBe(1);
    expect(store.samples).toBe(2);
    expect(store.nodeSeries({ node: 'a', since: 0, limit: 10 })).toHaveLength(2);
  });

  it('moves a corrupt file aside, keeps its bytes, and starts a new database', () => {
    const path = tempDb();
    const garbage = 'this is not a sqlite database, but it is the user data we must not lose'.repeat(100);
    writeFileSync(path, garbage);
    const store = open(path);
    expect(store.recoveredFrom).toMatch(/history\.db\.corrupt-/);
    expect(readFileSync(store.recoveredFrom as string, 'utf8')).toBe(garbage);
    store.insertNodeSamples([{ node: 'a', at: 1, cpuMillis: 1, memoryBytes: 1, pods: 1 }]);
    expect(store.samples).toBe(1);
    expect(readdirSync(join(path, '..')).some((f) => f.includes('.corrupt-'))).toBe(true);
  });

  it('reports a database locked by another process as unavailable, with what to do', () => {
    const path = tempDb();
    open(path).close();
    const other = new Database(path);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    try {
      expect(() => open(path, 50)).toThrowError(HistoryUnavailableError);
      try {
        open(path, 50);
      } catch (error) {
        expect((error as HistoryUnavailableError).reason).toBe('locked');
        expect((error as Error).message).toMatch(/locked by another process/);
      }
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('refuses a database from a newer Foresight instead of guessing', () => {
    const path = tempDb();
    const db = new Database(path);
    db.pragma('user_version = 999');
    db.close();
    expect(() => open(path)).toThrowError(/newer than this Foresight/);
  });
});

describe('migrate', () => {
  it('applies each migration once, in order', () => {
    const db = new Database(':memory:');
    const order: number[] = [];
    const list = [2, 1].map((version) => ({
      version,
      description: `v${version}`,
      up: () => order.push(version),
    }));
    expect(migrate(db, list)).toEqual([1, 2]);
    expect(migrate(db, list)).toEqual([]);
    expect(order).toEqual([1, 2]);
    db.close();
  });
});
