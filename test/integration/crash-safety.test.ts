import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../core/history/store.ts';
import { waitFor } from './support/wait.ts';

const writer = join(import.meta.dirname, 'support', 'history-writer.ts');

describe('history crash safety', () => {
  it('kill -9 in the middle of writing loses at most the batch in flight; the database opens clean', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'foresight-crash-')), 'history.db');
    const nodes = 200;
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path, String(nodes)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let committed = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = chunk.toString().trim().split('\n');
      committed = Number(lines.at(-1));
    });
    await waitFor('the writer to commit 50 batches', () => (committed >= 50 ? true : undefined), 60_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const store = HistoryStore.open(path);
    try {
      // Every batch it reported as committed is there, whole; the one in flight is all or nothing.
      const rows = store.samples;
      expect(rows % nodes).toBe(0);
      expect(rows / nodes).toBeGreaterThanOrEqual(committed);
      expect(rows / nodes).toBeLessThanOrEqual(committed + 1);
    } finally {
      store.close();
    }
  });

  it('a second writer on the same database waits or fails cleanly; it never corrupts it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'foresight-two-')), 'history.db');
    const first = HistoryStore.open(path);
    const second = HistoryStore.open(path);
    try {
      for (let i = 0; i < 20; i++) {
        first.insertNodeSamples([{ node: 'a', at: i * 2, cpuMillis: 1, memoryBytes: 1, pods: 1 }]);
        second.insertNodeSamples([{ node: 'b', at: i * 2 + 1, cpuMillis: 1, memoryBytes: 1, pods: 1 }]);
      }
    } finally {
      first.close();
      second.close();
    }
    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT count(*) AS n FROM node_samples').get() as { n: number }).n).toBe(40);
    db.close();
  });
});
