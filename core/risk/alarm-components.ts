import type { ClassifierData } from '../../models/risk/classifier.ts';
import { alarmSummary } from './alarm-metrics.ts';
import type { RiskDataset } from './dataset.ts';
import { modelScores, type PointScores } from './evaluation.ts';
import {
  EXHAUSTED_AT,
  exhaustion,
  FEATURE_COUNT,
  featureIndex,
  SLOW_EXHAUSTION_SCALE_HOURS,
} from './features.ts';

/**
 * Issue 5, acceptance 1, rounds 3-5 (models/risk/EVALUATION.md): a fixed, unlearned component C
 * whose alarm joins the model's as one alarm — it rings when the calibrated probability p ≥ t_m OR
 * c ≥ t_c. Nothing in C is learnt from incidents, so a family never trained on can still ring it.
 * - E, the exhaustion forecast: the worst over memory, disk and podMemory of the fast and slow
 *   time-to-exhaustion scores (features.ts `…Exhaustion`, `…ExhaustionSlow`);
 * - E30 (round 4): E with the slow score read at the 30-min slope alone, not waiting for the 2-h
 *   trend to agree (a climb younger than 2 h shows in it at once);
 * - E30C (round 5): E30 or a container towards its own memory limit at its own 30-min trend
 *   (`containerMemoryExhaustion`; podMemory is only the fullest container, which hides a leak
 *   climbing below it);
 * - D, the streaming detector: the worst over the metrics of `…Detector`;
 * - E+D: the worse of E and D. Every one lies in [0, 1].
 */
export const COMPONENT_NAMES = ['none', 'E', 'D', 'E+D', 'E30', 'E30C'] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];

const EXHAUSTIBLE = ['memory', 'disk', 'podMemory'] as const;
const EXHAUSTION_FEATURES = EXHAUSTIBLE.flatMap((m) => [`${m}Exhaustion`, `${m}ExhaustionSlow`]);
const DETECTOR_FEATURES = ['memory', 'cpu', 'disk', 'podMemory'].map((m) => `${m}Detector`);

/** A component's score of the point whose features start at `offset` of row-major features. */
type PointScore = (features: Float32Array, offset: number) => number;

/** The max of the named features. */
function maxOf(names: readonly string[]): PointScore {
  const columns = names.map(featureIndex);
  return (features, offset) => {
    let worst = 0;
    for (const f of columns) worst = Math.max(worst, features[offset + f] ?? 0);
    return worst;
  };
}

/**
 * S30 of each exhaustible resource: exhaustion() of its headroom at its 30-min slope alone, on the
 * slow (2-h) scale. The level is lastValid's, which is 0 exactly when none of the last 10 samples
 * is known (as the exhaustion features' `known`): then 0.
 */
function thirtyMinuteExhaustion(): PointScore {
  const resources = EXHAUSTIBLE.map((m) => ({
    level: featureIndex(`${m}Level`),
    slope: featureIndex(`${m}Slope30m`),
    limit: EXHAUSTED_AT[m] ?? Number.POSITIVE_INFINITY,
  }));
  return (features, offset) => {
    let worst = 0;
    for (const r of resources) {
      const level = features[offset + r.level] ?? 0;
      if (level === 0) continue;
      const slope = features[offset + r.slope] ?? 0;
      worst = Math.max(worst, exhaustion(r.limit - level, slope, slope, SLOW_EXHAUSTION_SCALE_HOURS));
    }
    return worst;
  };
}

/** The worse of two scores. */
const worseOf =
  (a: PointScore, b: PointScore): PointScore =>
  (features, offset) =>
    Math.max(a(features, offset), b(features, offset));

const E30_SCORE = worseOf(maxOf(EXHAUSTIBLE.map((m) => `${m}Exhaustion`)), thirtyMinuteExhaustion());

/** Each component's score of one point, and how a printout names it. */
const COMPONENTS: Record<ComponentName, { score: PointScore; description: string }> = {
  none: { score: () => 0, description: 'nothing' },
  E: { score: maxOf(EXHAUSTION_FEATURES), description: `${EXHAUSTION_FEATURES.length} features' max` },
  D: { score: maxOf(DETECTOR_FEATURES), description: `${DETECTOR_FEATURES.length} features' max` },
  'E+D': {
    score: maxOf([...EXHAUSTION_FEATURES, ...DETECTOR_FEATURES]),
    description: `${EXHAUSTION_FEATURES.length + DETECTOR_FEATURES.length} features' max`,
  },
  E30: { score: E30_SCORE, description: 'fast exhaustion or at the 30-min trend, worst resource' },
  E30C: {
    score: worseOf(E30_SCORE, maxOf(['containerMemoryExhaustion'])),
    description: 'E30, or a container towards its own limit at its 30-min trend',
  },
};

/**
 * The rules' grids for t_c, lowest first, by round (models/risk/EVALUATION.md): round 3's
 * stopped at 0.50, which always bound, so round 4's goes down to 0.10. Both stay, so each round's
 * figures are reproduced by its own command (`evaluate --tc-grid round3|round4`).
 */
export const TC_GRIDS = {
  round3: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99],
  round4: [
    0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99,
  ],
} as const satisfies Record<string, readonly number[]>;
export type TcGridName = keyof typeof TC_GRIDS;
export const TC_GRID_NAMES = Object.keys(TC_GRIDS) as TcGridName[];
/** The grid `evaluate` and component-sweep use unless told otherwise: the newest rule's. */
export const DEFAULT_TC_GRID: TcGridName = 'round4';

/** The component's score of every point of row-major computed features (zeros for `none`). */
export function componentScores(name: ComponentName, features: Float32Array): Float32Array {
  const score = COMPONENTS[name].score;
  const rows = Math.floor(features.length / FEATURE_COUNT);
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) out[r] = score(features, r * FEATURE_COUNT);
  return out;
}

/** The largest float32 under 1: a ratio below its threshold never rounds up to an alarm. */
const JUST_UNDER_ONE = 1 - 2 ** -24;

const ratio = (x: number, threshold: number) =>
  x >= threshold ? x / threshold : Math.min(x / threshold, JUST_UNDER_ONE);

/**
 * The combined score max(p / t_m, c / t_c): monotone in both, ≥ 1 exactly when p ≥ t_m or
 * c ≥ t_c, so the one alarm is "score ≥ 1" and PR curves rank the points by it.
 */
export function combinedScores(
  probability: ArrayLike<number>,
  modelThreshold: number,
  component: ArrayLike<number>,
  componentThreshold: number,
): Float32Array {
  const out = new Float32Array(probability.length);
  for (let i = 0; i < out.length; i++)
    out[i] = Math.max(
      ratio(probability[i] ?? 0, modelThreshold),
      ratio(component[i] ?? 0, componentThreshold),
    );
  return out;
}

/** The alarm threshold of a combined score. */
export const COMBINED_ALARM = 1;

/**
 * t_c by the rule: the lowest value of `grid` at which the combined alarm's false alarms
 * per node-day on `data` (where t_m was chosen) stay within the budget; undefined when none does,
 * and then the component takes no part.
 */
export function chooseComponentThreshold(
  data: RiskDataset,
  probability: ArrayLike<number>,
  modelThreshold: number,
  component: ArrayLike<number>,
  budgetPerNodeDay: number,
  grid: readonly number[] = TC_GRIDS[DEFAULT_TC_GRID],
): number | undefined {
  return grid.find(
    (t) =>
      alarmSummary(data, combinedScores(probability, modelThreshold, component, t), COMBINED_ALARM)
        .falseAlarmsPerNodeDay <= budgetPerNodeDay,
  );
}

/** A component as a trained alarm carries it: its name and t_c (undefined: it takes no part). */
export interface ChosenComponent {
  name: ComponentName;
  threshold: number | undefined;
}

/** "E at t_c 0.80", "D takes no part (…)", for printouts. */
export function describeComponent(component: ChosenComponent | undefined): string {
  if (!component || component.name === 'none') return 'the model alone';
  if (component.threshold === undefined)
    return `${component.name} takes no part (no t_c on the grid keeps the false-alarm budget): the model alone`;
  return `model OR ${component.name} (${COMPONENTS[component.name].description}) ≥ ${component.threshold.toFixed(2)}`;
}

/** A trained model with its alarm threshold and, maybe, the component that rings with it. */
export interface AlarmModel {
  model: ClassifierData;
  threshold: number;
  component?: ChosenComponent;
}

/** Chooses t_c for `name` on the data t_m was chosen on (the model already calibrated there). */
export function chooseComponent(
  trained: AlarmModel,
  data: RiskDataset,
  name: ComponentName,
  budgetPerNodeDay: number,
  grid: TcGridName = DEFAULT_TC_GRID,
): ChosenComponent {
  if (name === 'none') return { name, threshold: undefined };
  const p = modelScores(trained.model, data).probability;
  const c = componentScores(name, data.features);
  return {
    name,
    threshold: chooseComponentThreshold(data, p, trained.threshold, c, budgetPerNodeDay, TC_GRIDS[grid]),
  };
}

/**
 * The scores an exam judges and the threshold the alarm rings at: the model's probability at t_m,
 * or with a component taking part, the combined score at COMBINED_ALARM (the likely kind stays the
 * model's).
 */
export function alarmScores(
  trained: AlarmModel,
  data: RiskDataset,
): { scores: PointScores; threshold: number } {
  const scores = modelScores(trained.model, data);
  const component = trained.component;
  if (!component || component.name === 'none' || component.threshold === undefined)
    return { scores, threshold: trained.threshold };
  const c = componentScores(component.name, data.features);
  return {
    scores: {
      ...scores,
      probability: combinedScores(scores.probability, trained.threshold, c, component.threshold),
    },
    threshold: COMBINED_ALARM,
  };
}
