import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportFormats, type NodeRow } from '../../core/contract/index.ts';
import type { NodeSample } from '../../core/history/node-samples.ts';
import { HistoryStore } from '../../core/history/store.ts';
import { buildReport } from '../../core/reports/index.ts';
import type { ReportSource } from '../../core/reports/source.ts';
import { figure, heading, timed } from './format.ts';

/**
 * A report over 24 hours of history collected every 5 s, in each format. The history reads
 * dominate; they run in the worker, so this is also how long collection pauses for a report.
 */
async function benchReport(nodes: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'foresight-bench-report-'));
  const store = HistoryStore.open(join(dir, 'history.db'));
  const now = Date.now();
  const names = Array.from({ length: nodes }, (_, i) => `node-${i}`);
  try {
    // Setting up, not measured: 100 collections per transaction keeps it to seconds.
    for (let start = now - 24 * 3_600_000; start < now; start += 100 * 5000) {
      const batch: NodeSample[] = [];
      for (let at = start; at < Math.min(now, start + 100 * 5000); at += 5000) {
        names.forEach((node, i) =>
          batch.push({
            node,
            at,
            cpuMillis: 500 + ((i * 37 + at / 5000) % 3000),
            memoryBytes: (4 + (i % 8)) * 2 ** 30,
            pods: i % 110,
          }),
        );
      }
      store.insertNodeSamples(batch);
    }
    const rows: NodeRow[] = names.map((name) => ({
      name,
      ready: true,
      unschedulable: false,
      roles: ['worker'],
      cpuMillis: 1200,
      cpuAllocatableMillis: 4000,
      memoryBytes: 6 * 2 ** 30,
      memoryAllocatableBytes: 16 * 2 ** 30,
      pods: 10,
      podCapacity: 110,
    }));
    const source: ReportSource = {
      cluster: { name: 'bench', context: 'bench', server: 'https://127.0.0.1:6443', demo: false },
      snapshot: { at: now, nodes: rows, metricsAvailable: true },
      history: store.nodeQueries,
      version: 'bench',
    };
    for (const format of reportFormats) {
      const { ms, value } = await timed(() =>
        buildReport(source, { sections: ['cluster-summary'], format, period: '24h' }, { now }),
      );
      figure(
        `report, ${nodes} nodes x 24 h, ${format}`,
        ms,
        'ms',
        `${store.samples.toLocaleString('en-US')} samples, ${Math.round(value.file.bytes.length / 1024)} KB`,
      );
    }
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchReports(): Promise<void> {
  heading('Reports (cluster summary, history every 5 s)');
  await benchReport(12);
  await benchReport(200);
}
