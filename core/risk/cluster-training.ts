import { fitPlatt } from '../../models/risk/calibration.ts';
import { trainClassifier } from '../../models/risk/classifier.ts';
import type { ModelBundle } from '../../models/risk/model-bundle.ts';
import type { HistoryStore } from '../history/store.ts';
import type { Feedback } from '../history/risk-stores.ts';
import { RiskEventReader } from '../history/risk-event-reader.ts';
import { decideChampion, type ChampionDecision } from './champion.ts';
import { buildDatasetInChunks, capNegatives } from './dataset.ts';
import { evaluationData } from './evaluation-data.ts';
import { chooseThreshold, modelScores, permutationImportance } from './evaluation.ts';
import { compare, DEFAULT_PLAN } from './experiment.ts';
import { FEATURE_SETS, networkInputs } from './network-inputs.ts';
import { applyFeedback } from './feedback-labels.ts';
import type { NodeHistory } from './node-history.ts';

const DAY = 86_400_000;
/** The newest quarter of the history is held out to judge the challenger against the champion. */
const RECENT_SHARE = 0.25;
export const MAX_NEGATIVES = 100_000;

export interface ClusterTrainingOptions {
  history: HistoryStore;
  feedback: readonly Feedback[];
  now: number;
  champion: ModelBundle | undefined;
  /** What each node can hold (history keeps usage, not allocatable); default: the largest seen. */
  capacity?: (node: string) => { cpuMillis: number; memoryBytes: number; pods: number } | undefined;
  days?: number;
  epochs?: number;
}

/** The cluster's own history as the features read it (the last `days`). */
export function clusterHistories(options: ClusterTrainingOptions): NodeHistory[] {
  const since = options.now - (options.days ?? 7) * DAY;
  const reader = new RiskEventReader(options.history.database);
  const disks = reader.diskCapacities();
  return reader.nodes().flatMap((node) => {
    const samples = options.history.nodeSeries({ node, since, limit: 1_000_000 });
    if (samples.length === 0) return [];
    const known = options.capacity?.(node);
    // Without the node's allocatable, the largest usage seen stands in (fractions stay in 0..1).
    const capacity = known ?? {
      cpuMillis: Math.max(1, ...samples.map((s) => s.cpuMillis ?? 0)),
      memoryBytes: Math.max(1, ...samples.map((s) => s.memoryBytes ?? 0)),
      pods: Math.max(1, ...samples.map((s) => s.pods)),
    };
    return [
      {
        node,
        cpuAllocatableMillis: capacity.cpuMillis,
        memoryAllocatableBytes: capacity.memoryBytes,
        podCapacity: capacity.pods,
        ...(disks.has(node) ? { diskCapacityBytes: disks.get(node) } : {}),
        samples,
        events: options.history.lifecycle.forNode(node, since, 1_000_000),
      },
    ];
  });
}

/**
 * A challenger trained on the older part of this cluster's history, operators' verdicts folded
 * in, judged against the champion on the newest part. Training yields between epochs.
 */
export async function trainOnClusterHistory(
  options: ClusterTrainingOptions,
): Promise<{ bundle: ModelBundle; decision: ChampionDecision }> {
  const histories = clusterHistories(options);
  const first = Math.min(...histories.map((h) => h.samples[0]?.at ?? Infinity));
  if (!Number.isFinite(first)) throw new Error('There is no history to train on yet.');
  const cutoff = first + (1 - RECENT_SHARE) * (options.now - first);
  const all = await buildDatasetInChunks(histories, {
    endMs: cutoff,
    horizonMs: DEFAULT_PLAN.trainHorizonMinutes * 60_000,
  });
  // Weeks of a large cluster: every positive, a sample of the rest (MAX_NEGATIVES).
  const train = capNegatives(all, MAX_NEGATIVES);
  const recent = await buildDatasetInChunks(histories, { startMs: cutoff });
  const positives = train.labels.reduce((s, l) => s + l, 0);
  if (positives === 0) {
    throw new Error(
      `The ${Math.round((cutoff - first) / 3_600_000)} h of history before the held-out part hold no incident to learn from; the current model stays.`,
    );
  }
  const { classes, weights, changed } = applyFeedback(train, options.feedback);
  const inputs = FEATURE_SETS.today;
  const classifier = await trainClassifier(networkInputs(inputs, train.features), classes, inputs, {
    epochs: options.epochs ?? 30,
    sampleWeights: weights,
  });
  // Calibrated and thresholded on the uncapped points: they hold the true base rate, and false
  // alarms per node-day are counted on the real timeline.
  classifier.calibration = fitPlatt(modelScores(classifier, all).probability, all.labels);
  const threshold = chooseThreshold(
    all,
    modelScores(classifier, all).probability,
    DEFAULT_PLAN.falseAlarmBudget,
  );
  const challenger = { classifier, threshold };
  const decision = decideChampion(options.champion, challenger, recent);
  const hours = Math.round((options.now - first) / 3_600_000);
  const bundle: ModelBundle = {
    classifier,
    threshold,
    trainedAt: options.now,
    trainedOn:
      `this cluster's history: ${histories.length} nodes over ${hours} h (${train.length} points, ` +
      `${positives} before an incident, ${changed} judged by operators' feedback)`,
    evaluations: [
      evaluationData(
        'the newest quarter of this cluster’s history (held out)',
        compare({ model: classifier, threshold }, recent),
      ),
    ],
    importance: recent.length > 0 ? permutationImportance(classifier, recent) : [],
  };
  return { bundle, decision };
}
