import { FEATURE_COUNT, FEATURE_NAMES, featureIndex } from './features.ts';

/**
 * What the network reads: a named selection of the computed features (FEATURE_NAMES) and of
 * resource-agnostic aggregates derived from them, row by row. The features themselves are always
 * computed in full, so the rules baseline, the live verdict and the reasons shown to users keep
 * reading the per-resource ones by name ("memory +12% in 30 min") whatever the network reads.
 *
 * The aggregates say what an operator asks first, "does something on this node run out soon?",
 * as the worst over the resources that run out (memory, disk, the fullest container against its
 * limit), each as a fraction of where it runs out. A network that never saw a disk fill can then
 * still weigh a disk running out as it learnt to weigh memory running out.
 */

/** The resources that run out, with where (the kubelet's hard eviction thresholds, as in features.ts). */
const RUNS_OUT = [
  { metric: 'memory', limit: 1 },
  { metric: 'disk', limit: 0.9 },
  { metric: 'podMemory', limit: 1 },
] as const;

/** Each aggregate: the worst over RUNS_OUT of one per-resource feature, divided by the limit or not. */
const AGGREGATES = {
  worstLevel: { feature: 'Level', perLimit: true },
  worstSlope30m: { feature: 'Slope30m', perLimit: true },
  worstSlope2h: { feature: 'Slope2h', perLimit: true },
  worstExhaustion: { feature: 'Exhaustion', perLimit: false },
  worstExhaustionSlow: { feature: 'ExhaustionSlow', perLimit: false },
  worstDetector: { feature: 'Detector', perLimit: false },
} as const;
type Aggregate = keyof typeof AGGREGATES;
export const AGGREGATE_NAMES = Object.keys(AGGREGATES) as Aggregate[];

/**
 * Computed features no network reads yet: added after the shipped model was trained, they enter
 * an input set only by a rule written before its evaluation (models/risk/EVALUATION.md). Until then
 * they serve the reasons, the alarm components and the exams.
 */
const NOT_YET_INPUTS = new Set(['containerMemoryExhaustion']);
/** The features the shipped model reads: the computed ones, less those not yet inputs. */
const TODAY = FEATURE_NAMES.filter((name) => !NOT_YET_INPUTS.has(name));

/** The per-resource features of the resources that run out, which variant B leaves to the reasons. */
const PER_RESOURCE = new Set(
  TODAY.filter((name) => RUNS_OUT.some(({ metric }) => new RegExp(`^${metric}[A-Z]`).test(name))),
);

/**
 * The network's inputs compared for issue 5 (acceptance 1, round 2): `today` the computed
 * features the shipped model reads; `A` those and the aggregates; `B` the aggregates in place of
 * the per-resource features of memory, disk and podMemory (CPU, pods, missing metrics and events
 * kept).
 */
export const FEATURE_SETS = {
  today: TODAY,
  A: [...TODAY, ...AGGREGATE_NAMES],
  B: [...TODAY.filter((name) => !PER_RESOURCE.has(name)), ...AGGREGATE_NAMES],
} as const satisfies Record<string, readonly string[]>;
export type FeatureSetName = keyof typeof FEATURE_SETS;
export const FEATURE_SET_NAMES = Object.keys(FEATURE_SETS) as FeatureSetName[];

/** Reads one input from a row of computed features (`row` is the row's first index). */
type Source = (features: Float32Array, row: number) => number;

function sourceOf(name: string): Source {
  const aggregate = AGGREGATES[name as Aggregate] as (typeof AGGREGATES)[Aggregate] | undefined;
  if (!aggregate) {
    const f = featureIndex(name);
    return (x, row) => x[row + f] as number;
  }
  const parts = RUNS_OUT.map(({ metric, limit }) => ({
    f: featureIndex(`${metric}${aggregate.feature}`),
    scale: aggregate.perLimit ? 1 / limit : 1,
  }));
  return (x, row) => {
    let worst = -Infinity;
    for (const { f, scale } of parts) worst = Math.max(worst, (x[row + f] as number) * scale);
    return worst;
  };
}

/** Whether every name is a computed feature or an aggregate (a model this Foresight can feed). */
export function canFeed(names: readonly string[]): boolean {
  return names.every((name) => name in AGGREGATES || FEATURE_NAMES.includes(name));
}

/**
 * The network's input rows for row-major computed features. The computed features themselves
 * (the same array) when the network reads exactly them, as the models before the aggregates do.
 */
export function networkInputs(names: readonly string[], features: Float32Array): Float32Array {
  if (names.length === FEATURE_COUNT && names.every((name, i) => name === FEATURE_NAMES[i])) return features;
  const sources = names.map(sourceOf);
  const rows = Math.floor(features.length / FEATURE_COUNT);
  const out = new Float32Array(rows * names.length);
  for (let r = 0; r < rows; r++) {
    const row = r * FEATURE_COUNT;
    for (let j = 0; j < sources.length; j++)
      out[r * names.length + j] = (sources[j] as Source)(features, row);
  }
  return out;
}
