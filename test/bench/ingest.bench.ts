import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NodeSample } from '../../core/history/node-samples.ts';
import { HistoryStore } from '../../core/history/store.ts';
import { figure, heading, timed } from './format.ts';

/**
 * Samples per second into the real SQLite file, the way the worker writes them: one writer,
 * one transaction per collection batch (a batch is one sample per node).
 */
export async function benchIngest(): Promise<void> {
  heading('History ingest (better-sqlite3, WAL, one writer)');
  const dir = mkdtempSync(join(tmpdir(), 'foresight-bench-'));
  const store = HistoryStore.open(join(dir, 'history.db'));
  try {
    for (const { nodes, batches } of [
      { nodes: 100, batches: 2000 },
      { nodes: 5000, batches: 100 },
    ]) {
      const names = Array.from({ length: nodes }, (_, i) => `node-${i}`);
      let at = Date.now();
      const { ms } = await timed(() => {
        for (let b = 0; b < batches; b++) {
          at += 5000;
          const batch: NodeSample[] = names.map((node, i) => ({
            node,
            at,
            cpuMillis: (i * 37 + b) % 4000,
            memoryBytes: ((i * 91 + b) % 16000) * 2 ** 20,
            pods: i % 110,
          }));
          store.insertNodeSamples(batch);
        }
      });
      const rows = nodes * batches;
      figure(
        `ingest, batches of ${nodes.toLocaleString('en-US')} samples`,
        rows / (ms / 1000),
        'samples/s',
        `${rows.toLocaleString('en-US')} rows in ${ms.toFixed(0)} ms`,
      );
    }
    const { ms: seriesMs, value } = await timed(() =>
      store.nodeSeries({ node: 'node-42', since: 0, limit: 100_000 }),
    );
    figure('one node series read', seriesMs, 'ms', `${value.length} points`);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
