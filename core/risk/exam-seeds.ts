/**
 * `--test-seeds 103,104,105,106` for the sweeps' exams (horizon-sweep.ts, ensemble-sweep.ts): the
 * held-out clusters change, the training seeds and the validation seeds (where the threshold is
 * chosen) stay, so a second exam grades the same model on clusters nothing was tuned on.
 */
import type { ExperimentPlan } from './experiment.ts';

/** The plan with its held-out seeds replaced; without `text`, the plan as it is. */
export function withTestSeeds(plan: ExperimentPlan, text: string | undefined): ExperimentPlan {
  if (text === undefined) return plan;
  const parts = text.split(',').map((s) => s.trim());
  if (parts.some((s) => !/^\d+$/.test(s)))
    throw new Error(`--test-seeds needs comma-separated whole numbers, e.g. 103,104; got "${text}".`);
  const testSeeds = [...new Set(parts.map(Number))];
  const used = testSeeds.find((s) => plan.trainSeeds.includes(s) || plan.validationSeeds.includes(s));
  if (used !== undefined)
    throw new Error(
      `--test-seeds: seed ${used} is a training or validation seed (${[...plan.trainSeeds, ...plan.validationSeeds].join(',')}); the exam's must be neither.`,
    );
  return { ...plan, testSeeds };
}
