import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactSamples, fullResolutionMs } from './compaction.ts';
import { migrate, migrations, schemaVersion } from './migrations.ts';
import { HistoryStore } from './store.ts';

const minute = 60_000;
const tempPath = () => join(mkdtempSync(join(tmpdir(), 'foresight-nic-')), 'history.db');

describe('migration 10: NIC errors per minute in node samples', () => {
  it('upgrades a version-9 database in place: old rows read no rate, new rows keep theirs', () => {
    const path = tempPath();
    const old = new Database(path);
    migrate(
      old,
      migrations.filter((m) => m.version <= 9),
    );
    old.prepare("INSERT INTO nodes (id, name) VALUES (1, 'node-1')").run();
    old
      .prepare(
        'INSERT INTO node_samples (node_id, ts, cpu_millis, memory_bytes, pods) VALUES (1, 1000, 1, 2, 3)',
      )
      .run();
    old.close();
    const store = HistoryStore.open(path);
    try {
      expect(schemaVersion(store.database)).toBe(Math.max(...migrations.map((m) => m.version)));
      store.insertNodeSamples([
        { node: 'node-1', at: 2000, cpuMillis: 1, memoryBytes: 2, pods: 3, nicErrorsPerMinute: 42 },
      ]);
      expect(store.nodeSeries({ node: 'node-1', since: 0, limit: 10 })).toEqual([
        { node: 'node-1', at: 1000, cpuMillis: 1, memoryBytes: 2, pods: 3 },
        { node: 'node-1', at: 2000, cpuMillis: 1, memoryBytes: 2, pods: 3, nicErrorsPerMinute: 42 },
      ]);
    } finally {
      store.close();
    }
  });

  it.each([
    ['the peak rate of each node in the window', 0, 10 * minute, { a: 30, b: 0 }],
    ['samples outside the window do not count', 5 * minute, 10 * minute, { a: 5, b: 0 }],
    ['a window with no rates at all', 20 * minute, 30 * minute, {}],
  ])('nicErrorPeaks: %s', (_what, since, until, expected) => {
    const store = HistoryStore.open(tempPath());
    try {
      const sample = (node: string, at: number, rate: number | null) => ({
        node,
        at,
        cpuMillis: 1,
        memoryBytes: 1,
        pods: 1,
        nicErrorsPerMinute: rate,
      });
      store.insertNodeSamples([
        sample('a', minute, 30),
        sample('a', 6 * minute, 5),
        sample('b', minute, null),
        sample('b', 6 * minute, 0),
        sample('c', 6 * minute, null),
      ]);
      expect(Object.fromEntries(store.nodeSamples.nicErrorPeaks(since, until))).toEqual(expected);
    } finally {
      store.close();
    }
  });

  it('keeps the highest rate of the minute when samples are rolled up', () => {
    const path = tempPath();
    const store = HistoryStore.open(path);
    const now = Date.UTC(2026, 0, 10);
    const start = Math.floor((now - fullResolutionMs - 2 * minute) / minute) * minute;
    store.insertNodeSamples(
      [3, 50, 0, null].map((rate, i) => ({
        node: 'a',
        at: start + i * 10_000,
        cpuMillis: 1,
        memoryBytes: 1,
        pods: 1,
        nicErrorsPerMinute: rate,
      })),
    );
    store.close();
    const db = new Database(path);
    compactSamples(db, { now });
    expect(db.prepare('SELECT ts, nic_errors_per_minute FROM node_samples').all()).toEqual([
      { ts: start, nic_errors_per_minute: 50 },
    ]);
    db.close();
  });
});
