/**
 * Candidate horizons for the product (HORIZON_MS) compared on the validation seeds only (the
 * held-out seeds and the unseen family are the exam, not looked at here). For each candidate N the
 * model learns from labels N min ahead, is calibrated and thresholded at N for the plan's
 * false-alarm budget, and its alarms are judged at N. The rule, written down before the held-out
 * figures were run: among the horizons whose median lead on validation is at least MIN_LEAD_MINUTES,
 * the one with the best incident-level PR-AUC; without any, the former 30 min.
 *
 *   node --import tsx core/risk/horizon-sweep.ts                 (a few minutes: three trainings)
 *   node --import tsx core/risk/horizon-sweep.ts --held-out 60   (the exam at 60 min, as `evaluate`)
 *   … --held-out 60 --test-seeds 103,104,105,106   (a second exam on other held-out clusters)
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadTf } from '../../models/tf-backend.ts';
import type { ClassifierData } from '../../models/risk/classifier.ts';
import { SCENARIO_FAMILIES, type IncidentRecord } from '../sim/index.ts';
import { alarmSummary, incidentPrCurve } from './alarm-metrics.ts';
import { buildDataset, YARDSTICK_HORIZON_MS } from './dataset.ts';
import { modelScores } from './evaluation.ts';
import { formatExperiment } from './evaluation-text.ts';
import { withTestSeeds } from './exam-seeds.ts';
import { DEFAULT_PLAN, runExperiment, trainOn, type ExperimentPlan } from './experiment.ts';
import { simulatedCluster } from './simulated-cluster.ts';
import { leadRoom } from './lead-room.ts';
import type { NodeHistory } from './node-history.ts';

export const CANDIDATE_HORIZONS = [30, 45, 60];
export const MIN_LEAD_MINUTES = 10;
const MINUTE = 60_000;

export interface HorizonResult {
  horizonMinutes: number;
  threshold: number;
  incidentPrAuc: number;
  incidents: number;
  warned: number;
  medianLeadMinutes: number;
  falseAlarmsPerNodeDay: number;
  /** Incidents whose cause began ≥ 10 min ahead: warned, and their median lead. */
  longRoom: number;
  longRoomWarned: number;
  longRoomMedianLeadMinutes: number;
}

/** A calibrated, thresholded model's alarms on the validation clusters, judged at the horizon. */
export function validationResult(
  model: ClassifierData,
  threshold: number,
  validationNodes: readonly NodeHistory[],
  causes: readonly IncidentRecord[],
  plan: ExperimentPlan,
  horizonMinutes: number,
): HorizonResult {
  const data = buildDataset(validationNodes, {
    strideMs: plan.strideMinutes * MINUTE,
    horizonMs: horizonMinutes * MINUTE,
  });
  const scores = modelScores(model, data).probability;
  const alarms = alarmSummary(data, scores, threshold);
  const room = leadRoom(data, scores, threshold, causes);
  return {
    horizonMinutes,
    threshold,
    incidentPrAuc: incidentPrCurve(data, scores).auc,
    incidents: alarms.incidents,
    warned: alarms.warned,
    medianLeadMinutes: alarms.medianLeadMinutes,
    falseAlarmsPerNodeDay: alarms.falseAlarmsPerNodeDay,
    longRoom: room.longRoom,
    longRoomWarned: room.longRoomWarned,
    longRoomMedianLeadMinutes: room.longRoomMedianLeadMinutes,
  };
}

/** The rule above: best PR-AUC among the horizons that lead by MIN_LEAD_MINUTES, else 30 min. */
export function chooseHorizon(results: readonly HorizonResult[]): number {
  return pickByRule(results)?.horizonMinutes ?? YARDSTICK_HORIZON_MS / MINUTE;
}

/**
 * The rule for any candidates (horizons, ensemble sizes): the best validation PR-AUC among those
 * with a median lead of at least MIN_LEAD_MINUTES, else the best at the 30-min yardstick; a tie
 * goes to the smaller `size` (fewer networks), then to the first.
 */
export function pickByRule<T extends HorizonResult>(
  results: readonly T[],
  size: (result: T) => number = () => 1,
): T | undefined {
  const leading = results.filter((r) => r.medianLeadMinutes >= MIN_LEAD_MINUTES);
  const pool =
    leading.length > 0 ? leading : results.filter((r) => r.horizonMinutes * MINUTE === YARDSTICK_HORIZON_MS);
  return pool.reduce<T | undefined>((best, r) => {
    if (!best || r.incidentPrAuc > best.incidentPrAuc) return r;
    return r.incidentPrAuc === best.incidentPrAuc && size(r) < size(best) ? r : best;
  }, undefined);
}

export async function horizonSweep(
  plan: ExperimentPlan = DEFAULT_PLAN,
  horizons: readonly number[] = CANDIDATE_HORIZONS,
  progress: (line: string) => void = () => {},
): Promise<HorizonResult[]> {
  const families = SCENARIO_FAMILIES.filter((f) => !plan.unseenFamilies.includes(f));
  const train = plan.trainSeeds.flatMap((seed) => simulatedCluster(seed, families, plan).nodes);
  const validation = plan.validationSeeds.map((seed) => simulatedCluster(seed, families, plan));
  const validationNodes = validation.flatMap((c) => c.nodes);
  const causes = validation.flatMap((c) => c.incidents);
  const results: HorizonResult[] = [];
  for (const horizonMinutes of horizons) {
    progress(`training with labels ${horizonMinutes} min ahead…`);
    const trained = await trainOn(train, {
      epochs: plan.epochs,
      falseAlarmBudget: plan.falseAlarmBudget,
      strideMinutes: plan.strideMinutes,
      trainHorizonMinutes: horizonMinutes,
      horizonMinutes,
      ensembleSize: plan.ensembleSize,
      validation: validationNodes,
    });
    results.push(
      validationResult(trained.model, trained.threshold, validationNodes, causes, plan, horizonMinutes),
    );
  }
  return results;
}

export function formatSweep(results: readonly HorizonResult[], plan: ExperimentPlan = DEFAULT_PLAN): string {
  const f = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
  return [
    `Validation seeds ${plan.validationSeeds.join(',')} (trained on ${plan.trainSeeds.join(',')}), threshold for ≤ ${plan.falseAlarmBudget} false alarms per node-day:`,
    'horizon  threshold  PR-AUC incidents  warned  median lead  false alarms/node-day  cause ≥ 10 min: warned, lead',
    ...results.map(
      (r) =>
        `${`${r.horizonMinutes} min`.padEnd(9)}${f(r.threshold, 2).padEnd(11)}${f(r.incidentPrAuc, 3).padEnd(17)}` +
        `${`${r.warned}/${r.incidents}`.padEnd(8)}${`${f(r.medianLeadMinutes, 1)} min`.padEnd(13)}` +
        `${f(r.falseAlarmsPerNodeDay, 2).padEnd(23)}${r.longRoomWarned}/${r.longRoom}, ${f(r.longRoomMedianLeadMinutes, 1)} min`,
    ),
    `Chosen (best PR-AUC among median lead ≥ ${MIN_LEAD_MINUTES} min): ${chooseHorizon(results)} min.`,
  ].join('\n');
}

/** The full evaluation (held-out seeds, unseen family) with the product horizon set to N. */
export function planAtHorizon(horizonMinutes: number, plan: ExperimentPlan = DEFAULT_PLAN): ExperimentPlan {
  return { ...plan, horizonMinutes, trainHorizonMinutes: horizonMinutes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await loadTf();
  const progress = (line: string) => process.stderr.write(line + '\n');
  const { values } = parseArgs({
    options: { 'held-out': { type: 'string' }, 'test-seeds': { type: 'string' } },
  });
  if (values['held-out'] === undefined) {
    if (values['test-seeds'] !== undefined)
      throw new Error('--test-seeds is for the exam: add --held-out N.');
    process.stdout.write(formatSweep(await horizonSweep(DEFAULT_PLAN, CANDIDATE_HORIZONS, progress)) + '\n');
  } else {
    const minutes = Number(values['held-out']);
    if (!CANDIDATE_HORIZONS.includes(minutes))
      throw new Error(`--held-out needs one of ${CANDIDATE_HORIZONS.join(', ')} (minutes).`);
    const plan = withTestSeeds(planAtHorizon(minutes), values['test-seeds']);
    process.stdout.write(formatExperiment(await runExperiment(plan, progress)) + '\n');
  }
}
