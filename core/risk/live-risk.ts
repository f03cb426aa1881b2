import { applyPlatt } from '../../models/risk/calibration.ts';
import { predictClassifier, RISK_CLASSES, type ClassifierData } from '../../models/risk/classifier.ts';
import type { NodeRisk, RiskKind, RiskLevel } from '../contract/risk.ts';
import type { LifecycleEvent } from '../kube/lifecycle.ts';
import type { NodeRow } from '../contract/index.ts';
import { HORIZON_MS } from './dataset.ts';
import { FEATURE_COUNT, featureIndex, NodeFeatureSeries } from './features.ts';
import { usagePoint, type UsagePoint } from './node-history.ts';
import { riskReasons } from './reasons.ts';
import { rulesBaseline, rulesScore } from './rules-baseline.ts';

/** Samples closer than this are one point of the series (history's one-minute resolution). */
const SAMPLE_EVERY_MS = 55_000;
/** Until a node has this much history the windows are mostly empty: the detector speaks. */
const MODEL_AFTER_MS = 60 * 60_000;

export interface LiveModel {
  classifier: ClassifierData;
  threshold: number;
}

const MEMORY_LEVEL = featureIndex('memoryLevel');
const MEMORY_SLOPE = featureIndex('memorySlope30m');
const MEMORY_DETECTOR = featureIndex('memoryDetector');
const CPU_DETECTOR = featureIndex('cpuDetector');

/**
 * Every node's risk, kept current as collections arrive: a feature series per node (appended,
 * never recomputed), one batched model pass per round. The model when one is loaded and the node
 * has an hour of history; the streaming detector before that; the rules when no model is usable.
 */
export class LiveRisk {
  private readonly series = new Map<string, NodeFeatureSeries>();
  private readonly lastSampleAt = new Map<string, number>();
  private model: LiveModel | undefined;

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

  private seriesFor(row: NodeRow): NodeFeatureSeries {
    let series = this.series.get(row.name);
    if (!series) {
      series = new NodeFeatureSeries(row.name, {
        cpuMillis: row.cpuAllocatableMillis,
        memoryBytes: row.memoryAllocatableBytes,
        pods: row.podCapacity,
        ...(row.diskCapacityBytes ? { diskBytes: row.diskCapacityBytes } : {}),
      });
      const earlier = this.backfill(row.name);
      for (const sample of earlier.samples) series.addSample(sample);
      for (const event of earlier.events) series.addEvent(event);
      this.lastSampleAt.set(row.name, earlier.samples.at(-1)?.at ?? -Infinity);
      this.series.set(row.name, series);
    }
    return series;
  }

  /** Appends a collection (at most one sample per node per minute). */
  observe(at: number, rows: readonly NodeRow[]): void {
    for (const row of rows) {
      const series = this.seriesFor(row);
      if (at - (this.lastSampleAt.get(row.name) ?? -Infinity) < SAMPLE_EVERY_MS) continue;
      this.lastSampleAt.set(row.name, at);
      series.setDiskCapacity(row.diskCapacityBytes);
      series.addSample(usagePoint(at, row));
    }
  }

  /** Lifecycle events in time order (the worker reads them from history after each collection). */
  addEvents(events: readonly LifecycleEvent[]): void {
    for (const event of events) if (event.node) this.series.get(event.node)?.addEvent(event);
  }

  forget(nodes: ReadonlySet<string>): void {
    for (const name of [...this.series.keys()]) {
      if (!nodes.has(name)) {
        this.series.delete(name);
        this.lastSampleAt.delete(name);
      }
    }
  }

  /** Every known node's risk now. */
  predict(at: number): NodeRisk[] {
    const names = [...this.series.keys()];
    const x = new Float32Array(names.length * FEATURE_COUNT);
    const useModel: boolean[] = [];
    names.forEach((name, i) => {
      const series = this.series.get(name) as NodeFeatureSeries;
      const index = series.length - 1;
      if (index >= 0) series.featuresAt(index, x.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT));
      const span = index >= 0 ? (series.times[index] ?? 0) - (series.times[0] ?? 0) : 0;
      useModel.push(this.model !== undefined && span >= MODEL_AFTER_MS);
    });
    const probabilities = this.model ? predictClassifier(this.model.classifier, x) : new Float32Array(0);
    const classes = RISK_CLASSES.length;
    return names.map((node, i) => {
      const f = x.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT);
      const rules = rulesScore(f);
      let probability: number;
      let kind: RiskKind | undefined;
      let source: NodeRisk['source'];
      let threshold = 0.5;
      if (useModel[i] && this.model) {
        source = 'model';
        threshold = this.model.threshold;
        probability = applyPlatt(1 - (probabilities[i * classes] ?? 0), this.model.classifier.calibration);
        let best = 1;
        for (let c = 2; c < classes; c++) {
          if ((probabilities[i * classes + c] ?? 0) > (probabilities[i * classes + best] ?? 0)) best = c;
        }
        kind = RISK_CLASSES[best] as RiskKind;
      } else if (this.model) {
        source = 'detector';
        probability = Math.max(f[MEMORY_DETECTOR] ?? 0, f[CPU_DETECTOR] ?? 0);
        kind = 'resource-exhaustion';
      } else {
        source = 'rules';
        probability = rules;
        kind = 'resource-exhaustion';
      }
      // The rules still raise what is plainly wrong now (NotReady, memory at the ceiling).
      const level = levelOf(Math.max(probability / threshold, rules / 0.5));
      probability = Math.min(1, Math.max(0, probability));
      const reasons = level === 'healthy' ? [] : riskReasons(f);
      if (level !== 'healthy' && reasons.length === 0) reasons.push(...rulesBaseline(f).reasons);
      if (level !== 'healthy' && reasons.length === 0)
        reasons.push('its recent pattern resembles the run-up to past incidents');
      return {
        node,
        at,
        level,
        probability,
        ...(level === 'healthy' || !kind ? {} : { kind, leadTimeMinutes: leadTime(f) }),
        reasons,
        source,
      };
    });
  }
}

/** `ratio` is the score over its alarm threshold: 1 and above is at risk, half of it caution. */
function levelOf(ratio: number): RiskLevel {
  if (ratio >= 1) return 'at-risk';
  if (ratio >= 0.5) return 'caution';
  return 'healthy';
}

/**
 * Minutes until memory runs out at the 30-minute trend when it is rising, otherwise the model's
 * horizon: the prediction says "within this long", and no finer estimate exists.
 */
function leadTime(features: ArrayLike<number>): number {
  const horizon = HORIZON_MS / 60_000;
  const slopePerHour = features[MEMORY_SLOPE] ?? 0;
  const headroom = 1 - (features[MEMORY_LEVEL] ?? 0);
  if (slopePerHour > 0.01 && headroom > 0)
    return Math.round(Math.min(horizon, (headroom / slopePerHour) * 60));
  return horizon;
}
