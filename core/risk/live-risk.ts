import { predictClassifier } from '../../models/risk/predict.ts';
import type { NodeRisk } from '../contract/risk.ts';
import type { LifecycleEvent } from '../kube/lifecycle.ts';
import type { NodeRow } from '../contract/index.ts';
import { FEATURE_COUNT, NodeFeatureSeries } from './features.ts';
import { networkInputs } from './network-inputs.ts';
import { riskVerdict, type LiveModel, type RiskVerdict } from './live-verdict.ts';
import { usagePoint, type UsagePoint } from './node-history.ts';

export type { LiveModel } from './live-verdict.ts';

/** Samples closer than this are one point of the series (history's one-minute resolution). */
const SAMPLE_EVERY_MS = 55_000;
/** Past two days of one-minute samples, a node's series forgets what no feature reads any more. */
const FORGET_AFTER_SAMPLES = 2 * 24 * 60;
/** Until a node has this much history the windows are mostly empty: the detector speaks. */
const MODEL_AFTER_MS = 60 * 60_000;

interface LiveNode {
  series: NodeFeatureSeries;
  lastSampleAt: number;
  /** The verdict for the series at `version`, from `model`: valid until either changes. */
  verdict: RiskVerdict | undefined;
  version: number;
  /** The container nearest its memory limit at the newest sample, which the reasons name. */
  container: string | undefined;
  model: LiveModel | undefined;
}

/** What the last prediction round did, for the bench and diagnostics. */
export interface PredictRound {
  nodes: number;
  /** Nodes whose series changed since the round before (the others kept their verdict). */
  recomputed: number;
  featuresMs: number;
  modelMs: number;
  /** Level, kind, lead time and reasons of the recomputed nodes. */
  verdictsMs: number;
  totalMs: number;
}

/**
 * Every node's risk, kept current as collections arrive: a feature series per node (appended,
 * never recomputed), one batched model pass per round over the nodes whose series changed (a
 * collection every 15 s adds a sample once a minute; the rounds between reuse the verdicts).
 * The model when one is loaded and the node has an hour of history; the streaming detector
 * before that; the rules when no model is usable.
 */
export class LiveRisk {
  private readonly nodes = new Map<string, LiveNode>();
  private model: LiveModel | undefined;
  private batch = new Float32Array(0);
  private round: PredictRound = {
    nodes: 0,
    recomputed: 0,
    featuresMs: 0,
    modelMs: 0,
    verdictsMs: 0,
    totalMs: 0,
  };

  constructor(
    model: LiveModel | undefined,
    /** Earlier samples and events of a node seen for the first time (from history). */
    private readonly backfill: (node: string) => {
      samples: UsagePoint[];
      events: LifecycleEvent[];
    } = () => ({
      samples: [],
      events: [],
    }),
  ) {
    this.model = model;
  }

  setModel(model: LiveModel | undefined): void {
    this.model = model;
  }

  get threshold(): number {
    return this.model?.threshold ?? 0.5;
  }

  /** Timings of the last predict(). */
  get lastRound(): PredictRound {
    return this.round;
  }

  private nodeFor(row: NodeRow): LiveNode {
    let node = this.nodes.get(row.name);
    if (!node) {
      const series = new NodeFeatureSeries(row.name, {
        cpuMillis: row.cpuAllocatableMillis,
        memoryBytes: row.memoryAllocatableBytes,
        pods: row.podCapacity,
        ...(row.diskCapacityBytes ? { diskBytes: row.diskCapacityBytes } : {}),
      });
      const earlier = this.backfill(row.name);
      for (const sample of earlier.samples) series.addSample(sample);
      for (const event of earlier.events) series.addEvent(event);
      const lastSampleAt = earlier.samples.at(-1)?.at ?? -Infinity;
      node = {
        series,
        lastSampleAt,
        verdict: undefined,
        version: -1,
        model: undefined,
        container: undefined,
      };
      this.nodes.set(row.name, node);
    }
    return node;
  }

  /** Appends a collection (at most one sample per node per minute). */
  observe(at: number, rows: readonly NodeRow[]): void {
    for (const row of rows) {
      const node = this.nodeFor(row);
      if (at - node.lastSampleAt < SAMPLE_EVERY_MS) continue;
      node.lastSampleAt = at;
      node.series.setDiskCapacity(row.diskCapacityBytes);
      node.series.addSample(usagePoint(at, row));
      node.container = row.containerNearestLimit;
      if (node.series.length > FORGET_AFTER_SAMPLES) node.series.forgetBefore(at);
    }
  }

  /** Lifecycle events in time order (the worker reads them from history after each collection). */
  addEvents(events: readonly LifecycleEvent[]): void {
    for (const event of events) if (event.node) this.nodes.get(event.node)?.series.addEvent(event);
  }

  forget(nodes: ReadonlySet<string>): void {
    for (const name of [...this.nodes.keys()]) if (!nodes.has(name)) this.nodes.delete(name);
  }

  /** Every known node's risk now. */
  predict(at: number): NodeRisk[] {
    const start = performance.now();
    const stale: LiveNode[] = [];
    for (const node of this.nodes.values()) {
      if (!node.verdict || node.version !== node.series.version || node.model !== this.model)
        stale.push(node);
    }
    const { featuresMs, modelMs, verdictsMs } = this.refresh(stale);
    const risks: NodeRisk[] = [];
    for (const [name, node] of this.nodes) {
      const verdict = node.verdict as RiskVerdict;
      risks.push({ node: name, at, ...verdict, reasons: [...verdict.reasons] });
    }
    this.round = {
      nodes: this.nodes.size,
      recomputed: stale.length,
      featuresMs,
      modelMs,
      verdictsMs,
      totalMs: performance.now() - start,
    };
    return risks;
  }

  /** New verdicts for `stale` nodes: their features at the newest sample, one model pass. */
  private refresh(stale: readonly LiveNode[]): { featuresMs: number; modelMs: number; verdictsMs: number } {
    const start = performance.now();
    // Kept between rounds: 1.4 MB at 5,000 nodes, allocated once rather than every minute.
    if (this.batch.length < stale.length * FEATURE_COUNT)
      this.batch = new Float32Array(stale.length * FEATURE_COUNT);
    const x = this.batch.subarray(0, stale.length * FEATURE_COUNT);
    const useModel = new Uint8Array(stale.length);
    stale.forEach(({ series }, i) => {
      const index = series.length - 1;
      if (index >= 0) series.featuresAt(index, x, i * FEATURE_COUNT);
      else x.fill(0, i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT);
      const span = index >= 0 ? (series.times[index] ?? 0) - (series.times[0] ?? 0) : 0;
      useModel[i] = this.model !== undefined && span >= MODEL_AFTER_MS ? 1 : 0;
    });
    const featured = performance.now();
    const model = this.model;
    // The network reads its own inputs by name (networkInputs returns `x` itself when they are
    // exactly the computed features).
    const probabilities =
      model && stale.length > 0
        ? predictClassifier(model.classifier, networkInputs(model.classifier.featureNames, x))
        : undefined;
    const scored = performance.now();
    stale.forEach((node, i) => {
      node.verdict = riskVerdict(
        x.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT),
        probabilities,
        i,
        model,
        useModel[i] === 1,
        node.container ? { container: node.container } : {},
      );
      node.version = node.series.version;
      node.model = model;
    });
    return {
      featuresMs: featured - start,
      modelMs: scored - featured,
      verdictsMs: performance.now() - scored,
    };
  }
}
