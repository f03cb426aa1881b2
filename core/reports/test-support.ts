import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NodeRow, NodesSnapshot } from '../contract/index.ts';
import type { NodeSample } from '../history/node-samples.ts';
import { HistoryStore } from '../history/store.ts';
import type { ReportSource } from './source.ts';

/**
 * A cluster with a story, for report tests: six hours of samples every 30 s for eight nodes,
 * where one node joins halfway, one leaves, one goes NotReady (its metrics stop) and one is
 * cordoned and drained. Real SQLite underneath, so the history queries run for real.
 */
export const storyNow = Date.UTC(2025, 2, 14, 12, 0, 0);
const hour = 3_600_000;
const step = 30_000;

const gi = 1024 ** 3;

function liveRow(name: string, index: number, overrides: Partial<NodeRow> = {}): NodeRow {
  return {
    name,
    ready: true,
    unschedulable: false,
    roles: index === 0 ? ['control-plane'] : ['worker'],
    cpuMillis: 800 + index * 300,
    cpuAllocatableMillis: 4000,
    memoryBytes: (3 + index) * gi,
    memoryAllocatableBytes: 16 * gi,
    pods: 6 + index,
    podCapacity: 110,
    ...overrides,
  };
}

export const storyNodes = [
  'node-01',
  'node-02',
  'node-03',
  'node-04',
  'node-05',
  'node-06',
  'node-new',
  'node-gone',
] as const;

function storySamples(): NodeSample[] {
  const samples: NodeSample[] = [];
  const start = storyNow - 6 * hour;
  for (let at = start; at < storyNow; at += step) {
    const t = (at - start) / (6 * hour);
    storyNodes.forEach((node, index) => {
      if (node === 'node-new' && t < 0.5) return;
      if (node === 'node-gone' && t > 0.4) return;
      const wave = Math.sin(t * Math.PI * 2 + index) * 0.5 + 0.5;
      let cpu: number | null = 600 + index * 250 + wave * 900;
      let memory: number | null = (3 + index + wave) * gi;
      let pods = 6 + index;
      if (node === 'node-03' && t > 0.75) {
        cpu = null;
        memory = null;
      }
      if (node === 'node-04' && t > 0.6) pods = 0;
      samples.push({ node, at, cpuMillis: cpu, memoryBytes: memory, pods });
    });
  }
  return samples;
}

export function storySnapshot(): NodesSnapshot {
  const rows = storyNodes
    .filter((name) => name !== 'node-gone')
    .map((name, index) => {
      if (name === 'node-03')
        return liveRow(name, index, { ready: false, cpuMillis: null, memoryBytes: null });
      if (name === 'node-04') return liveRow(name, index, { unschedulable: true, pods: 0 });
      return liveRow(name, index);
    });
  return { at: storyNow - 5000, nodes: rows, metricsAvailable: true };
}

export interface StorySource {
  source: ReportSource;
  close(): void;
}

export function storySource(overrides: Partial<ReportSource> = {}): StorySource {
  const store = HistoryStore.open(join(mkdtempSync(join(tmpdir(), 'foresight-report-')), 'history.db'));
  store.insertNodeSamples(storySamples());
  const source: ReportSource = {
    cluster: { name: 'prod-eu', context: 'prod-eu-admin', server: 'https://10.0.0.1:6443', demo: false },
    snapshot: storySnapshot(),
    history: store.nodeQueries,
    reads: {},
    version: '0.1.0',
    ...overrides,
  };
  return { source, close: () => store.close() };
}

/** RFC 4180 parsing, to read back what the CSV export wrote (tests only). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
