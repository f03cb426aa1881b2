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

/**
 * The worker's per-collection work for 5,000 nodes with two hours of history each. A round where
 * every node got a new sample (once a minute) recomputes every node's features and model output;
 * the collections between (every 15 s) reuse them. Median of RUNS rounds of each; CPU time is
 * printed beside wall time because the machine is shared.
 */
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
  live.predict(t0 + 119 * MINUTE);
  const observe: number[] = [];
  const fresh: {
    wall: number;
    cpu: number;
    features: number;
    model: number;
    verdicts: number;
    rest: number;
  }[] = [];
  const reused: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const at = t0 + (120 + r) * MINUTE;
    const collected = rows(at);
    observe.push((await timed(() => live.observe(at, collected))).ms);
    const cpu = process.cpuUsage();
    const wall = (await timed(() => live.predict(at))).ms;
    const used = process.cpuUsage(cpu);
    const round = live.lastRound;
    if (round.recomputed !== nodes)
      throw new Error(`expected every node recomputed, got ${round.recomputed}`);
    fresh.push({
      wall,
      cpu: (used.user + used.system) / 1000,
      features: round.featuresMs,
      model: round.modelMs,
      verdicts: round.verdictsMs,
      rest: round.totalMs - round.featuresMs - round.modelMs - round.verdictsMs,
    });
    live.observe(at + 15_000, rows(at + 15_000));
    reused.push((await timed(() => live.predict(at + 15_000))).ms);
    if (live.lastRound.recomputed !== 0) throw new Error('a collection without new samples recomputed nodes');
  }
  const of = (key: keyof (typeof fresh)[number]) => median(fresh.map((f) => f[key]));
  figure('append one collection, 5,000 nodes', median(observe), 'ms', `median of ${RUNS}`);
  const fastest = Math.min(...fresh.map((f) => f.wall)).toFixed(1);
  figure(
    'predict 5,000 nodes after a new sample',
    of('wall'),
    'ms',
    `median of ${RUNS}, fastest ${fastest}; target ≤ 50 ms`,
  );
  figure('  features', of('features'), 'ms', `${FEATURE_NAMES.length} per node`);
  figure('  MLP', of('model'), 'ms', 'one batch');
  figure('  verdicts (level, kind, reasons)', of('verdicts'), 'ms');
  figure('  finding changed nodes, results', of('rest'), 'ms');
  figure('  CPU time of that predict', of('cpu'), 'ms', 'user + system, all threads');
  figure('predict 5,000 nodes, no new sample (15 s round)', median(reused), 'ms', `median of ${RUNS}`);
}

const RUNS = 11;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
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
