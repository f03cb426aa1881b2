import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactSamples, fullResolutionMs } from './compaction.ts';
import { migrate, migrations, schemaVersion } from './migrations.ts';
import { RiskEventReader } from './risk-event-reader.ts';
import { HistoryStore } from './store.ts';

const GI = 1024 ** 3;
const minute = 60_000;
const tempPath = () => join(mkdtempSync(join(tmpdir(), 'foresight-signals-')), 'history.db');

describe('migration 9: disk use and the fullest container in node samples', () => {
  it('upgrades a version-8 database in place, keeping its samples', () => {
    const path = tempPath();
    const old = new Database(path);
    migrate(
      old,
      migrations.filter((m) => m.version <= 8),
    );
    expect(schemaVersion(old)).toBe(8);
    old.prepare("INSERT INTO nodes (id, name) VALUES (1, 'node-1')").run();
    old
      .prepare(
        'INSERT INTO node_samples (node_id, ts, cpu_millis, memory_bytes, pods) VALUES (1, 1000, 250, 4096, 7)',
      )
      .run();
    old.close();

    const store = HistoryStore.open(path);
    try {
      expect(schemaVersion(store.database)).toBe(Math.max(...migrations.map((m) => m.version)));
      // The old row reads as before: no disk or container figures, not zeros.
      expect(store.nodeSeries({ node: 'node-1', since: 0, limit: 10 })).toEqual([
        { node: 'node-1', at: 1000, cpuMillis: 250, memoryBytes: 4096, pods: 7 },
      ]);
      expect(store.nodeSamples.diskCapacity('node-1')).toBeUndefined();
      store.insertNodeSamples([
        {
          node: 'node-1',
          at: 2000,
          cpuMillis: 260,
          memoryBytes: 4100,
          pods: 7,
          diskBytes: 40 * GI,
          podMemoryPeak: 0.8,
        },
        {
          node: 'node-1',
          at: 3000,
          cpuMillis: 270,
          memoryBytes: 4200,
          pods: 7,
          diskBytes: null,
          podMemoryPeak: null,
        },
      ]);
      store.nodeSamples.setDiskCapacity('node-1', 100 * GI);
      expect(store.nodeSeries({ node: 'node-1', since: 1500, limit: 10 })).toEqual([
        {
          node: 'node-1',
          at: 2000,
          cpuMillis: 260,
          memoryBytes: 4100,
          pods: 7,
          diskBytes: 40 * GI,
          podMemoryPeak: 0.8,
        },
        { node: 'node-1', at: 3000, cpuMillis: 270, memoryBytes: 4200, pods: 7 },
      ]);
    } finally {
      store.close();
    }
    const reopened = HistoryStore.open(path);
    expect(reopened.nodeSamples.diskCapacity('node-1')).toBe(100 * GI);
    expect(reopened.nodeSamples.diskCapacity('node-2')).toBeUndefined();
    reopened.insertNodeSamples([{ node: 'node-2', at: 1, cpuMillis: 1, memoryBytes: 1, pods: 1 }]);
    // What risk's readers build NodeHistory.diskCapacityBytes from: only nodes that reported one.
    expect(new RiskEventReader(reopened.database).diskCapacities()).toEqual(new Map([['node-1', 100 * GI]]));
    reopened.close();
  });

  it('rolls disk use up as the minute’s mean and the container peak as its maximum', () => {
    const path = tempPath();
    const store = HistoryStore.open(path);
    const now = Date.UTC(2026, 0, 10);
    const start = Math.floor((now - fullResolutionMs - 2 * minute) / minute) * minute;
    const samples = [];
    for (let i = 0; i < 12; i++) {
      samples.push({
        node: 'a',
        at: start + i * 5000,
        cpuMillis: 100,
        memoryBytes: 1000,
        pods: 3,
        diskBytes: i < 6 ? 10 * GI : 20 * GI,
        podMemoryPeak: i === 4 ? 0.97 : 0.5,
      });
    }
    store.insertNodeSamples(samples);
    store.close();
    const db = new Database(path);
    compactSamples(db, { now });
    const rows = db.prepare('SELECT ts, disk_bytes, pod_memory_peak FROM node_samples ORDER BY ts').all();
    expect(rows).toEqual([{ ts: start, disk_bytes: 15 * GI, pod_memory_peak: 0.97 }]);
    db.close();
  });
});
