import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactSamples, fullResolutionMs } from './compaction.ts';
import { HistoryStore } from './store.ts';

const minute = 60_000;

describe('compactSamples', () => {
  it('rolls samples older than a day up to one per node and minute, and leaves the last day alone', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'foresight-compact-')), 'h.db');
    const store = HistoryStore.open(path);
    const now = Date.UTC(2026, 0, 10);
    const start = now - fullResolutionMs - 3 * minute; // three old minutes, then recent ones
    const samples = [];
    for (let t = start; t < now; t += 5000) {
      const old = t < now - fullResolutionMs;
      if (!old && t < now - 10 * minute) continue; // keep the test small: the last 10 minutes
      samples.push({
        node: 'a',
        at: t,
        cpuMillis: (t / 5000) % 12,
        memoryBytes: 1000,
        pods: (t / 5000) % 12,
      });
      samples.push({ node: 'b', at: t, cpuMillis: null, memoryBytes: null, pods: 3 });
    }
    store.insertNodeSamples(samples);
    store.close();

    const db = new Database(path);
    const before = (db.prepare('SELECT count(*) AS n FROM node_samples').get() as { n: number }).n;
    const removed = compactSamples(db, { now });
    const old = db
      .prepare(
        `SELECT n.name AS node, s.ts, s.cpu_millis AS cpu, s.pods FROM node_samples s JOIN nodes n ON n.id = s.node_id
         WHERE s.ts < ? ORDER BY n.name, s.ts`,
      )
      .all(now - fullResolutionMs) as Array<{ node: string; ts: number; cpu: number | null; pods: number }>;
    // 3 old minutes × 2 nodes, each one row at the minute's start with the minute's mean and peak pods.
    expect(old).toHaveLength(6);
    expect(old.every((row) => row.ts % minute === 0)).toBe(true);
    expect(old.filter((r) => r.node === 'a').map((r) => r.cpu)).toEqual([5.5, 5.5, 5.5]);
    expect(old.filter((r) => r.node === 'a').map((r) => r.pods)).toEqual([11, 11, 11]);
    expect(old.filter((r) => r.node === 'b').map((r) => r.cpu)).toEqual([null, null, null]);
    const recent = (
      db.prepare('SELECT count(*) AS n FROM node_samples WHERE ts >= ?').get(now - fullResolutionMs) as {
        n: number;
      }
    ).n;
    expect(recent).toBe(2 * 12 * 10);
    expect(before - removed).toBe(6 + recent);

    // A second run has nothing left to do: the watermark remembers.
    expect(compactSamples(db, { now })).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
