import { trainClassifier } from '../../models/risk/classifier.ts';
import { loadTf } from '../../models/tf-backend.ts';
import { parseModelBundle } from '../../models/risk/model-bundle.ts';
import defaultModel from '../../models/risk/default/risk-model.json' with { type: 'json' };
import type { NodeRow } from '../../core/contract/index.ts';
import { MAX_NEGATIVES } from '../../core/risk/cluster-training.ts';
import { buildDataset, capNegatives } from '../../core/risk/dataset.ts';
import { detectCsvText } from '../../core/risk/detect-csv.ts';
import { classLabels } from '../../core/risk/experiment.ts';
import { FEATURE_NAMES } from '../../core/risk/features.ts';
import { LiveRisk } from '../../core/risk/live-risk.ts';
import type { NodeHistory } from '../../core/risk/node-history.ts';
import { simulateHistory } from '../../core/risk/sim-history.ts';
import { figure, heading, timed } from './format.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The worker's per-collection work for 5,000 nodes with two hours of history each. */
async function benchInference(): Promise<void> {
  const model = parseModelBundle(defaultModel, FEATURE_NAMES);
  const live = new LiveRisk({ classifier: model.classifier, threshold: model.threshold });
  const nodes = 5000;
  const rows = (at: number): NodeRow[] =>
    Array.from({ length: nodes }, (_, i) => ({
      name: `node-${i}`,
      ready: true,
      unschedulable: false,
      roles: [],
      cpuMillis: 2000 + 500 * Math.sin(at / HOUR + i),
      cpuAllocatableMillis: 8000,
      memoryBytes: (12 + 2 * Math.sin(at / (3 * HOUR) + i)) * 2 ** 30,
      memoryAllocatableBytes: 32 * 2 ** 30,
      pods: 30,
      podCapacity: 110,
    }));
  const t0 = Date.UTC(2025, 5, 3);
  for (let m = 0; m < 120; m++) live.observe(t0 + m * MINUTE, rows(t0 + m * MINUTE));
  const last = rows(t0 + 120 * MINUTE);
  const observe = await timed(() => live.observe(t0 + 120 * MINUTE, last));
  live.predict(t0 + 120 * MINUTE);
  const runs = 5;
  let total = 0;
  for (let r = 0; r < runs; r++) total += (await timed(() => live.predict(t0 + 120 * MINUTE))).ms;
  figure('append one collection, 5,000 nodes', observe.ms, 'ms');
  figure('predict 5,000 nodes (features + MLP)', total / runs, 'ms', `mean of ${runs}; target ≤ 50 ms`);
}

/** A simulated day of 12 nodes, tiled to `nodes` nodes × `days` days (shifted copies). */
function tiledHistory(nodes: number, days: number): NodeHistory[] {
  const day = simulateHistory({
    seed: 3,
    nodes: 12,
    durationMs: DAY,
    preset: 'default',
  });
  const out: NodeHistory[] = [];
  for (let copy = 0; out.length < nodes; copy++) {
    for (const n of day.nodes) {
      if (out.length >= nodes) break;
      const samples = [];
      const events = [];
      for (let d = 0; d < days; d++) {
        samples.push(...n.samples.map((s) => ({ ...s, at: s.at + d * DAY })));
        events.push(...n.events.map((e) => ({ ...e, at: e.at + d * DAY })));
      }
      out.push({ ...n, node: `${n.node}-${copy}`, samples, events });
    }
  }
  return out;
}

async function benchTraining(): Promise<void> {
  const { backend } = await loadTf();
  const nodes = 500;
  const days = 7;
  const histories = tiledHistory(nodes, days);
  const built = await timed(() => buildDataset(histories));
  const train = capNegatives(built.value, MAX_NEGATIVES);
  const trained = await timed(() =>
    trainClassifier(train.features, classLabels(train), FEATURE_NAMES, { epochs: 30 }),
  );
  figure(
    'features + labels, 7 days × 500 nodes',
    built.ms / 1000,
    's',
    `${built.value.length} points at 5 min`,
  );
  figure(
    'train 30 epochs (capped negatives)',
    trained.ms / 1000,
    's',
    `${train.length} points, tfjs ${backend}`,
  );
  figure('total training run', (built.ms + trained.ms) / 1000, 's', 'target ≤ 120 s');
}

async function benchDetect(): Promise<void> {
  const rows = 1_000_000;
  const t0 = 1_749_000_000;
  const lines = ['timestamp,value'];
  for (let i = 0; i < rows; i++)
    lines.push(`${t0 + i * 15},${(100 + 10 * Math.sin(i / 240) + (i % 7)).toFixed(2)}`);
  const text = lines.join('\n');
  const { ms } = await timed(() => detectCsvText(text));
  figure(
    'foresight detect, 1,000,000 rows in memory',
    ms,
    'ms',
    `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`,
  );
}

/** Node risk: inference in the worker, training on a week of a 500-node cluster, detect throughput. */
export async function benchRisk(): Promise<void> {
  heading('Risk: inference for 5,000 nodes');
  await benchInference();
  heading('Risk: training on 7 days × 500 nodes');
  await benchTraining();
  heading('Risk: foresight detect throughput');
  await benchDetect();
}
