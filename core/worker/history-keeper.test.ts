import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NodeRow } from '../contract/index.ts';
import { HistoryKeeper } from './history-keeper.ts';

const rows = (count: number, salt: number): NodeRow[] =>
  Array.from({ length: count }, (_, i) => ({
    name: `node-${i}-${'x'.repeat(40)}`,
    ready: true,
    unschedulable: false,
    roles: [],
    cpuMillis: i + salt,
    cpuAllocatableMillis: 4000,
    memoryBytes: i * 1024 + salt,
    memoryAllocatableBytes: 2 ** 34,
    pods: i % 110,
    podCapacity: 110,
  }));

describe('HistoryKeeper on a full disk', () => {
  it('says the disk is full, keeps what was saved, and never corrupts the file', () => {
    // A size cap makes SQLite fail exactly as on a full disk (SQLITE_FULL), without filling one.
    const path = join(mkdtempSync(join(tmpdir(), 'foresight-full-')), 'history.db');
    let now = Date.UTC(2026, 0, 1);
    const keeper = new HistoryKeeper(path, 7, () => now, 256 * 1024);
    expect(keeper.ensureOpen()).toBe(true);
    let batches = 0;
    while (keeper.status.state === 'ok' && batches < 10_000) {
      now += 5000;
      keeper.record(now, rows(200, batches));
      batches++;
    }
    const status = keeper.status;
    expect(status.state).toBe('unavailable');
    expect(status.message).toMatch(
      /cannot grow: the disk is full .* nothing saved so far is lost\. Free some space/,
    );
    const saved = status.sampleCount;
    expect(saved).toBeGreaterThan(0);
    expect(saved % 200).toBe(0); // whole batches only: the failed one left nothing behind
    keeper.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT count(*) AS n FROM node_samples').get() as { n: number }).n).toBe(saved);
    db.close();
  });
});
