import { applyPlatt } from '../../models/risk/calibration.ts';
import { RISK_CLASSES, type ClassifierData } from '../../models/risk/classifier.ts';
import type { NodeRisk, RiskKind, RiskLevel } from '../contract/risk.ts';
import { HORIZON_MS } from './dataset.ts';
import { featureIndex } from './features.ts';
import { riskReasons, type ReasonNames } from './reasons.ts';
import { rulesBaseline, rulesScore } from './rules-baseline.ts';

/** A node's risk without the node and the time: what one node's features and model output say. */
export type RiskVerdict = Omit<NodeRisk, 'node' | 'at'>;

export interface LiveModel {
  classifier: ClassifierData;
  threshold: number;
}

const MEMORY_LEVEL = featureIndex('memoryLevel');
const MEMORY_SLOPE = featureIndex('memorySlope30m');
const MEMORY_DETECTOR = featureIndex('memoryDetector');
const CPU_DETECTOR = featureIndex('cpuDetector');

/**
 * One node's verdict from its features `f` and the model's class probabilities for it: the
 * model when `useModel` (one is loaded and the node has enough history), the streaming detector
 * when a model is loaded but the node is new, the rules when there is no model.
 */
export function riskVerdict(
  f: Float32Array,
  /** The model's class probabilities for a batch of nodes, this node's from `row × classes`. */
  probabilities: Float32Array | undefined,
  row: number,
  model: LiveModel | undefined,
  useModel: boolean,
  /** What the reasons can name that the features cannot (the container nearest its limit). */
  names: ReasonNames = {},
): RiskVerdict {
  const rules = rulesScore(f);
  let probability: number;
  let kind: RiskKind | undefined;
  let source: NodeRisk['source'];
  let threshold = 0.5;
  if (useModel && model && probabilities) {
    source = 'model';
    threshold = model.threshold;
    const p = row * RISK_CLASSES.length;
    probability = applyPlatt(1 - (probabilities[p] ?? 0), model.classifier.calibration);
    let best = 1;
    for (let c = 2; c < RISK_CLASSES.length; c++) {
      if ((probabilities[p + c] ?? 0) > (probabilities[p + best] ?? 0)) best = c;
    }
    kind = RISK_CLASSES[best] as RiskKind;
  } else if (model) {
    source = 'detector';
    probability = Math.max(f[MEMORY_DETECTOR] ?? 0, f[CPU_DETECTOR] ?? 0);
    kind = 'resource-exhaustion';
  } else {
    source = 'rules';
    probability = rules;
    kind = 'resource-exhaustion';
  }
  // The rules still raise what is plainly wrong now (NotReady, memory at the ceiling); when they
  // are what raised the level, they are its source, and the probability stays the scorer's.
  const scored = probability / threshold;
  const ruled = rules / 0.5;
  const level = levelOf(Math.max(scored, ruled));
  if (ruled > scored && level !== 'healthy') source = 'rules';
  probability = Math.min(1, Math.max(0, probability));
  const reasons = level === 'healthy' ? [] : riskReasons(f, names);
  if (level !== 'healthy' && reasons.length === 0) reasons.push(...rulesBaseline(f).reasons);
  if (level !== 'healthy' && reasons.length === 0)
    reasons.push('its recent pattern resembles the run-up to past incidents');
  if (level === 'healthy' || !kind) return { level, probability, reasons, source };
  return { level, probability, kind, leadTimeMinutes: leadTime(f), reasons, source };
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
