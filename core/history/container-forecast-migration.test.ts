import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactSamples, fullResolutionMs } from './compaction.ts';
import { migrate, migrations, schemaVersion } from './migrations.ts';
import { HistoryStore } from './store.ts';

const minute = 60_000;
const tempPath = () => join(mkdtempSync(join(tmpdir(), 'foresight-container-')), 'history.db');

describe('migration 11: hours until a container reaches its memory limit, in node samples', () => {
  it('upgrades a version-10 database in place: old rows read no forecast, new rows keep theirs', () => {
    const path = tempPath();
    const old = new Database(path);
    migrate(
      old,
      migrations.filter((m) => m.version <= 10),
    );
    old.prepare("INSERT INTO nodes (id, name) VALUES (1, 'node-1')").run();
    old
      .prepare(
        'INSERT INTO node_samples (node_id, ts, cpu_millis, memory_bytes, pods, nic_errors_per_minute) VALUES (1, 1000, 1, 2, 3, 4)',
      )
      .run();
    old.close();
    const store = HistoryStore.open(path);
    try {
      expect(schemaVersion(store.database)).toBe(11);
      store.insertNodeSamples([
        { node: 'node-1', at: 2000, cpuMillis: 1, memoryBytes: 2, pods: 3, containerHoursToLimit: 0.25 },
        { node: 'node-1', at: 3000, cpuMillis: 1, memoryBytes: 2, pods: 3, containerHoursToLimit: null },
      ]);
      expect(store.nodeSeries({ node: 'node-1', since: 0, limit: 10 })).toEqual([
        { node: 'node-1', at: 1000, cpuMillis: 1, memoryBytes: 2, pods: 3, nicErrorsPerMinute: 4 },
        { node: 'node-1', at: 2000, cpuMillis: 1, memoryBytes: 2, pods: 3, containerHoursToLimit: 0.25 },
        { node: 'node-1', at: 3000, cpuMillis: 1, memoryBytes: 2, pods: 3 },
      ]);
    } finally {
      store.close();
    }
  });

  it('keeps the soonest forecast of the minute when samples are rolled up', () => {
    const path = tempPath();
    const store = HistoryStore.open(path);
    const now = Date.UTC(2026, 0, 10);
    const start = Math.floor((now - fullResolutionMs - 2 * minute) / minute) * minute;
    store.insertNodeSamples(
      [0.5, null, 0.2, 3].map((hours, i) => ({
        node: 'a',
        at: start + i * 10_000,
        cpuMillis: 1,
        memoryBytes: 1,
        pods: 1,
        containerHoursToLimit: hours,
      })),
    );
    store.close();
    const db = new Database(path);
    compactSamples(db, { now });
    expect(db.prepare('SELECT ts, container_hours_to_limit FROM node_samples').all()).toEqual([
      { ts: start, container_hours_to_limit: 0.2 },
    ]);
    db.close();
  });
});
