/**
 * The seed ensemble's size K and the horizon N compared on the validation seeds only (the
 * held-out seeds and the unseen family are the exam, not looked at here). For each N the members
 * (seeds 1…max K) are trained once on labels N min ahead; each K is the mean of the first K,
 * calibrated and thresholded at N for the plan's false-alarm budget and judged at N.
 * The rule, written down before the held-out figures were run (horizon-sweep.ts's, extended to K):
 * among the (N, K) whose median lead on validation is at least MIN_LEAD_MINUTES, the best
 * incident-level PR-AUC; without any, the best PR-AUC at 30 min. A tie goes to the smaller K.
 *
 *   node --import tsx core/risk/ensemble-sweep.ts --horizon 30   (one horizon per process: 2 cores)
 *   node --import tsx core/risk/ensemble-sweep.ts --horizon 60 --held-out 3   (the exam of N, K)
 *   … --held-out 3 --test-seeds 103,104,105,106   (a second exam on other held-out clusters)
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { trainClassifier, type ClassifierData } from '../../models/risk/classifier.ts';
import { combineEnsemble } from '../../models/risk/ensemble.ts';
import { loadTf } from '../../models/tf-backend.ts';
import { SCENARIO_FAMILIES } from '../sim/index.ts';
import { buildDataset } from './dataset.ts';
import {
  calibrateAndThreshold,
  classLabels,
  DEFAULT_PLAN,
  runExperiment,
  type ExperimentPlan,
} from './experiment.ts';
import { simulatedCluster } from './simulated-cluster.ts';
import { FEATURE_SETS, networkInputs } from './network-inputs.ts';
import { formatExperiment } from './evaluation-text.ts';
import { withTestSeeds } from './exam-seeds.ts';
import { pickByRule, planAtHorizon, validationResult, type HorizonResult } from './horizon-sweep.ts';

export const CANDIDATE_SIZES = [1, 3, 5];
const MINUTE = 60_000;

export interface EnsembleResult extends HorizonResult {
  ensembleSize: number;
}

/** The rule above. */
export function chooseEnsemble(results: readonly EnsembleResult[]): EnsembleResult | undefined {
  return pickByRule(results, (r) => r.ensembleSize);
}

export async function ensembleSweep(
  horizonMinutes: number,
  plan: ExperimentPlan = DEFAULT_PLAN,
  sizes: readonly number[] = CANDIDATE_SIZES,
  progress: (line: string) => void = () => {},
): Promise<EnsembleResult[]> {
  const families = SCENARIO_FAMILIES.filter((f) => !plan.unseenFamilies.includes(f));
  progress('simulating…');
  const trainNodes = plan.trainSeeds.flatMap((seed) => simulatedCluster(seed, families, plan).nodes);
  const validation = plan.validationSeeds.map((seed) => simulatedCluster(seed, families, plan));
  const validationNodes = validation.flatMap((c) => c.nodes);
  const causes = validation.flatMap((c) => c.incidents);
  const strideMs = plan.strideMinutes * MINUTE;
  const train = buildDataset(trainNodes, { strideMs, horizonMs: horizonMinutes * MINUTE });
  const thresholdData = buildDataset(validationNodes, { strideMs, horizonMs: horizonMinutes * MINUTE });
  const inputs = FEATURE_SETS.today;
  const members: ClassifierData[] = [];
  const results: EnsembleResult[] = [];
  for (const size of [...sizes].sort((a, b) => a - b)) {
    while (members.length < size) {
      progress(`training member ${members.length + 1} (labels ${horizonMinutes} min ahead)…`);
      members.push(
        await trainClassifier(networkInputs(inputs, train.features), classLabels(train), inputs, {
          seed: members.length + 1,
          epochs: plan.epochs,
        }),
      );
    }
    const model = combineEnsemble(members.slice(0, size));
    const threshold = calibrateAndThreshold(model, thresholdData, plan.falseAlarmBudget);
    const result = {
      ensembleSize: size,
      ...validationResult(model, threshold, validationNodes, causes, plan, horizonMinutes),
    };
    progress(formatEnsembleRow(result));
    results.push(result);
  }
  return results;
}

export function formatEnsembleRow(r: EnsembleResult): string {
  const f = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
  return (
    `N = ${r.horizonMinutes} min, K = ${r.ensembleSize}: threshold ${f(r.threshold, 2)}, PR-AUC ${f(r.incidentPrAuc, 3)}, ` +
    `warned ${r.warned}/${r.incidents}, median lead ${f(r.medianLeadMinutes, 1)} min, ` +
    `${f(r.falseAlarmsPerNodeDay, 2)} false alarms/node-day, cause ≥ 10 min: ${r.longRoomWarned}/${r.longRoom}, ` +
    `${f(r.longRoomMedianLeadMinutes, 1)} min`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await loadTf();
  const progress = (line: string) => process.stderr.write(line + '\n');
  const { values } = parseArgs({
    options: {
      horizon: { type: 'string', default: '30' },
      'held-out': { type: 'string' },
      'test-seeds': { type: 'string' },
    },
  });
  const horizonMinutes = Number(values.horizon);
  if (values['held-out'] === undefined) {
    if (values['test-seeds'] !== undefined)
      throw new Error('--test-seeds is for the exam: add --held-out K.');
    const results = await ensembleSweep(horizonMinutes, DEFAULT_PLAN, CANDIDATE_SIZES, progress);
    process.stdout.write(results.map(formatEnsembleRow).join('\n') + '\n');
  } else {
    // The exam of the pick: `evaluate`'s plan with K members at N min (also judged at 30).
    const ensembleSize = Number(values['held-out']);
    if (!CANDIDATE_SIZES.includes(ensembleSize))
      throw new Error(`--held-out needs one of ${CANDIDATE_SIZES.join(', ')} (members).`);
    const plan = withTestSeeds({ ...planAtHorizon(horizonMinutes), ensembleSize }, values['test-seeds']);
    process.stdout.write(formatExperiment(await runExperiment(plan, progress)) + '\n');
  }
}
