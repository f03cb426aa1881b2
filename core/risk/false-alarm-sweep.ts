/**
 * Issue 5: where (b) + E30's false alarms come from, for one unseen family F. Builds round 4's
 * setup of `evaluate --unseen each --horizon 60 --ensemble 3 --component E30` (plan (b): 60 min ×
 * 3, t_m and t_c chosen on validation seeds 7-8 without F), prints the pooled held-out summary row
 * (PR-AUC incidents (rules), warned, median lead, false alarms per node-day, targets met) and the
 * false-alarm breakdown (false-alarm-breakdown.ts) on the pooled held-out clusters (every family)
 * and on the validation clusters (without F). Checks nothing itself.
 *
 *   node --import tsx core/risk/false-alarm-sweep.ts --unseen memoryLeak --test-seeds 107,108,109,110,111,112
 *   (~2.5 min here)
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { loadTf } from '../../models/tf-backend.ts';
import { SCENARIO_FAMILIES, type IncidentRecord, type ScenarioFamily } from '../sim/index.ts';
import { alarmScores, componentScores } from './alarm-components.ts';
import { buildDataset, type RiskDataset } from './dataset.ts';
import { modelScores } from './evaluation.ts';
import { withTestSeeds } from './exam-seeds.ts';
import {
  compare,
  DEFAULT_PLAN,
  trainOn,
  trainOptionsOf,
  type ExperimentPlan,
  type TrainedRisk,
} from './experiment.ts';
import {
  falseAlarmBreakdown,
  formatFalseAlarmBreakdown,
  type FalseAlarmBreakdown,
} from './false-alarm-breakdown.ts';
import { examFigures } from './feature-sweep.ts';
import { planAtHorizon } from './horizon-sweep.ts';
import { simulatedCluster } from './simulated-cluster.ts';

const MINUTE = 60_000;

/** Round 4's plan (b) + E30 with F unseen, thresholds chosen on validation seeds 7-8. */
export function round4Plan(family: ScenarioFamily, testSeeds?: string): ExperimentPlan {
  return withTestSeeds(
    {
      ...planAtHorizon(60, DEFAULT_PLAN),
      validationSeeds: [7, 8],
      unseenFamilies: [family],
      ensembleSize: 3,
      component: 'E30',
    },
    testSeeds,
  );
}

/** The breakdown of `trained`'s alarm on `data`, which part rang told by its model and component scores. */
export function breakdownOf(
  trained: TrainedRisk,
  data: RiskDataset,
  causes: readonly IncidentRecord[],
  family: ScenarioFamily,
): FalseAlarmBreakdown {
  const { scores, threshold } = alarmScores(trained, data);
  const component = trained.component;
  return falseAlarmBreakdown(
    data,
    scores.probability,
    threshold,
    causes,
    {
      probability: modelScores(trained.model, data).probability,
      modelThreshold: trained.threshold,
      ...(component && component.name !== 'none' && component.threshold !== undefined
        ? {
            component: componentScores(component.name, data.features),
            componentThreshold: component.threshold,
          }
        : {}),
    },
    family,
  );
}

export async function falseAlarmSweep(
  plan: ExperimentPlan,
  progress: (line: string) => void,
): Promise<string> {
  const family = plan.unseenFamilies[0];
  if (family === undefined) throw new Error('the plan needs one unseen family');
  const trainedFamilies = SCENARIO_FAMILIES.filter((f) => !plan.unseenFamilies.includes(f));
  progress(`[${family} unseen] simulating…`);
  const trainHistories = plan.trainSeeds.flatMap(
    (seed) => simulatedCluster(seed, trainedFamilies, plan).nodes,
  );
  const validation = plan.validationSeeds.map((seed) => simulatedCluster(seed, trainedFamilies, plan));
  const heldOut = plan.testSeeds.map((seed) => simulatedCluster(seed, SCENARIO_FAMILIES, plan));
  progress(`[${family} unseen] training…`);
  const trained = await trainOn(
    trainHistories,
    trainOptionsOf(
      plan,
      validation.flatMap((c) => c.nodes),
    ),
  );
  const dataOf = (clusters: typeof heldOut) =>
    buildDataset(
      clusters.flatMap((c) => c.nodes),
      { strideMs: plan.strideMinutes * MINUTE, horizonMs: plan.horizonMinutes * MINUTE },
    );
  const heldData = dataOf(heldOut);
  const heldCauses = heldOut.flatMap((c) => c.incidents);
  const validationCauses = validation.flatMap((c) => c.incidents);
  const tc = trained.component?.threshold;
  const seeds = (s: number[]) => s.join(',');
  return [
    `F = ${family}: t_m ${trained.threshold.toFixed(2)}, t_c ${tc === undefined ? 'none' : tc.toFixed(2)}`,
    'Pooled held-out (PR-AUC incidents (rules), warned, median lead, false alarms per node-day, targets met):',
    `held-out ${seeds(plan.testSeeds)}, ${family} unseen: ${examFigures(compare(trained, heldData, heldCauses))}`,
    '',
    formatFalseAlarmBreakdown(
      `Pooled held-out ${seeds(plan.testSeeds)} (every family, ${family} unseen)`,
      breakdownOf(trained, heldData, heldCauses, family),
    ),
    '',
    formatFalseAlarmBreakdown(
      `Validation ${seeds(plan.validationSeeds)} (without ${family})`,
      breakdownOf(trained, dataOf(validation), validationCauses, family),
    ),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await loadTf();
  const began = performance.now();
  const { values } = parseArgs({ options: { unseen: { type: 'string' }, 'test-seeds': { type: 'string' } } });
  const family = values.unseen as ScenarioFamily | undefined;
  if (family === undefined || !SCENARIO_FAMILIES.includes(family))
    throw new Error(`--unseen needs one of ${SCENARIO_FAMILIES.join(', ')}`);
  const progress = (line: string) => process.stderr.write(line + '\n');
  process.stdout.write((await falseAlarmSweep(round4Plan(family, values['test-seeds']), progress)) + '\n');
  process.stderr.write(`took ${((performance.now() - began) / 1000).toFixed(0)} s\n`);
}
