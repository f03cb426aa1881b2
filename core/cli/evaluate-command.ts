import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  DEFAULT_PLAN,
  runExperiment,
  SHORT_TIMESCALES_PLAN,
  type ExperimentPlan,
} from '../risk/experiment.ts';
import { formatExperiment } from '../risk/evaluation-text.ts';
import {
  COMPONENT_NAMES,
  TC_GRID_NAMES,
  type ComponentName,
  type TcGridName,
} from '../risk/alarm-components.ts';
import { planAtHorizon } from '../risk/horizon-sweep.ts';
import { FEATURE_SET_NAMES, type FeatureSetName } from '../risk/network-inputs.ts';
import { formatUnseenExams, runUnseenExams } from '../risk/unseen-exam.ts';
import { SCENARIO_FAMILIES, type ScenarioFamily } from '../sim/index.ts';
import type { CommandOutput } from './output.ts';
import type { Subcommand } from './subcommands.ts';
import { UsageError } from './usage-error.ts';

function seedList(text: string | undefined, name: string, fallback: number[]): number[] {
  if (text === undefined) return fallback;
  const seeds = text.split(',').map((s) => s.trim());
  if (seeds.length === 0 || seeds.some((s) => !/^\d+$/.test(s)))
    throw new UsageError(`--${name} needs comma-separated whole numbers, e.g. 1,2,3; got "${text}".`);
  return seeds.map(Number);
}

function whole(text: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} needs a whole number from ${min} to ${max}, got "${text}".`);
  return n;
}

/**
 * The seeds thresholds, calibration and the examined families are chosen on: never trained on nor
 * tested on. By default the plan's, less any that --seeds or --test-seeds take; an explicit list
 * that overlaps either is refused.
 */
function validationSeedList(text: string | undefined, trainSeeds: number[], testSeeds: number[]): number[] {
  const unused = (s: number) => !trainSeeds.includes(s) && !testSeeds.includes(s);
  if (text === undefined) return DEFAULT_PLAN.validationSeeds.filter(unused);
  const seeds = seedList(text, 'validation-seeds', DEFAULT_PLAN.validationSeeds);
  const taken = seeds.find((s) => !unused(s));
  if (taken !== undefined)
    throw new UsageError(
      `seed ${taken} is in --validation-seeds and in ${trainSeeds.includes(taken) ? '--seeds' : '--test-seeds'}; thresholds must be chosen on seeds neither trained nor tested on.`,
    );
  return seeds;
}

/** `--unseen each`: every family whose lead room allows a 10-min lead, held out in turn. */
const EACH = 'each';

/** Parses `foresight evaluate`'s options into an experiment plan (exported for tests). */
export function parseEvaluateArgs(argv: string[]): {
  plan: ExperimentPlan;
  json: string | undefined;
  /** `--unseen each`: one exam per family (unseen-exam.ts); the plan's unseenFamilies are the default's. */
  each: boolean;
} {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      seeds: { type: 'string' },
      'test-seeds': { type: 'string' },
      'validation-seeds': { type: 'string' },
      unseen: { type: 'string' },
      nodes: { type: 'string' },
      hours: { type: 'string' },
      epochs: { type: 'string' },
      timescales: { type: 'string' },
      horizon: { type: 'string' },
      ensemble: { type: 'string' },
      features: { type: 'string' },
      component: { type: 'string' },
      'tc-grid': { type: 'string' },
      json: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0)
    throw new UsageError(`evaluate takes no positional arguments, got "${positionals[0]}".`);
  const trainSeeds = seedList(values.seeds, 'seeds', DEFAULT_PLAN.trainSeeds);
  const testSeeds = seedList(values['test-seeds'], 'test-seeds', DEFAULT_PLAN.testSeeds);
  const overlap = trainSeeds.filter((s) => testSeeds.includes(s));
  if (overlap.length > 0)
    throw new UsageError(
      `seed ${overlap[0]} is in both --seeds and --test-seeds; held-out seeds must not be trained on.`,
    );
  const validationSeeds = validationSeedList(values['validation-seeds'], trainSeeds, testSeeds);
  const each = values.unseen?.trim() === EACH;
  const unseen = ((each ? undefined : values.unseen)?.split(',').map((f) => f.trim()) ??
    DEFAULT_PLAN.unseenFamilies) as ScenarioFamily[];
  for (const family of unseen) {
    if (!(SCENARIO_FAMILIES as readonly string[]).includes(family))
      throw new UsageError(
        `--unseen: unknown scenario family "${family}"; try ${SCENARIO_FAMILIES.join(', ')}.`,
      );
  }
  if (unseen.length === 0 || unseen.length >= SCENARIO_FAMILIES.length)
    throw new UsageError('--unseen needs at least one family and must leave at least one to train on.');
  const timescales = values.timescales ?? DEFAULT_PLAN.timescales;
  if (timescales !== 'short' && timescales !== 'realistic')
    throw new UsageError(`--timescales needs short or realistic, got "${timescales}".`);
  const features = values.features ?? DEFAULT_PLAN.features;
  if (!(FEATURE_SET_NAMES as readonly string[]).includes(features))
    throw new UsageError(`--features needs one of ${FEATURE_SET_NAMES.join(', ')}, got "${features}".`);
  const component = values.component ?? DEFAULT_PLAN.component;
  if (!(COMPONENT_NAMES as readonly string[]).includes(component))
    throw new UsageError(`--component needs one of ${COMPONENT_NAMES.join(', ')}, got "${component}".`);
  const tcGrid = values['tc-grid'] ?? DEFAULT_PLAN.tcGrid;
  if (!(TC_GRID_NAMES as readonly string[]).includes(tcGrid))
    throw new UsageError(`--tc-grid needs one of ${TC_GRID_NAMES.join(', ')}, got "${tcGrid}".`);
  const shape = timescales === 'short' ? SHORT_TIMESCALES_PLAN : DEFAULT_PLAN;
  // The horizon labels are trained, calibrated, thresholded and judged at (horizon-sweep.ts's).
  const base =
    values.horizon === undefined
      ? shape
      : planAtHorizon(whole(values.horizon, 'horizon', DEFAULT_PLAN.horizonMinutes, 5, 240), shape);
  return {
    plan: {
      ...base,
      trainSeeds,
      validationSeeds,
      testSeeds,
      unseenFamilies: unseen,
      nodes: whole(values.nodes, 'nodes', DEFAULT_PLAN.nodes, 2, 500),
      hours: whole(values.hours, 'hours', DEFAULT_PLAN.hours, 4, 24 * 14),
      epochs: whole(values.epochs, 'epochs', DEFAULT_PLAN.epochs, 1, 500),
      ensembleSize: whole(values.ensemble, 'ensemble', DEFAULT_PLAN.ensembleSize, 1, 9),
      features: features as FeatureSetName,
      component: component as ComponentName,
      tcGrid: tcGrid as TcGridName,
    },
    json: values.json,
    each,
  };
}

/** `foresight evaluate`: trains on simulated clusters and grades model and rules on held-out ones. */
export const evaluateCommand: Subcommand = {
  name: 'evaluate',
  usage: `  evaluate       Train the risk model on simulated clusters; compare it with the rules baseline on held-out ones.
                 --seeds 1,2,3         training seeds (default ${DEFAULT_PLAN.trainSeeds.join(',')})
                 --test-seeds 101,102  held-out seeds (default ${DEFAULT_PLAN.testSeeds.join(',')})
                 --validation-seeds 7,8   seeds the thresholds, calibration and the examined families
                                       are chosen on (default ${DEFAULT_PLAN.validationSeeds.join(',')}, less any trained or tested on)
                 --unseen FAMILY[,..]  families kept out of training (default ${DEFAULT_PLAN.unseenFamilies.join(',')})
                 --unseen each         one exam per family whose median lead room (cause to incident) on the
                                       validation seeds is at least 20 min, each held out in turn; prints
                                       the lead rooms, each exam and whether all meet the issue's targets
                 --horizon MIN         labels, calibration, threshold and alarms at MIN min ahead
                                       (default ${DEFAULT_PLAN.horizonMinutes}; also judged at 30 when it differs)
                 --ensemble K          the mean of K networks (seeds 1..K), calibrated once (default ${DEFAULT_PLAN.ensembleSize})
                 --features today|A|B  what the network reads: the per-resource features (default ${DEFAULT_PLAN.features}),
                                       A: with the worst-over-resources aggregates, B: the aggregates
                                       in place of the memory, disk and podMemory features
                 --component none|E|D|E+D|E30|E30C   a fixed alarm that rings with the model's (default ${DEFAULT_PLAN.component}):
                                       E the exhaustion forecast (worst fast/slow time to exhaustion of
                                       memory, disk, podMemory), D the streaming detector (worst metric),
                                       E+D either, E30 E with the slow forecast at the 30-min trend
                                       alone, E30C E30 or a container towards its own limit at its
                                       own 30-min trend; its threshold chosen on the validation seeds within
                                       the same false-alarm budget; the alarm is model OR component
                 --tc-grid round4|round3   the values that threshold is chosen from: 0.10-0.99
                                       (default ${DEFAULT_PLAN.tcGrid}), or round 3's 0.50-0.99
                 --timescales realistic|short   incidents that take minutes to hours to show (default
                                       ${DEFAULT_PLAN.timescales}), or the plan before issue 5: each family's short,
                                       severity-tied timing and 15-min training labels
                 --nodes N --hours H --epochs E   cluster size, simulated hours per seed, training epochs
                 --json FILE           also write the full evaluation (curves, calibration) as JSON`,
  async run(argv: string[], out: CommandOutput): Promise<number> {
    const { plan, json, each } = parseEvaluateArgs(argv);
    const progress = (line: string) => out.info(line);
    let written: unknown;
    if (each) {
      const exams = await runUnseenExams(plan, progress);
      out.result(formatUnseenExams(exams, plan));
      written = { ...exams, reports: exams.reports.map((r) => ({ ...r, model: undefined })) };
    } else {
      const report = await runExperiment(plan, progress);
      out.result(formatExperiment(report));
      written = { ...report, model: undefined };
    }
    if (json) {
      await writeFile(json, JSON.stringify(written, null, 2));
      out.info(`Wrote ${json}.`);
    }
    return 0;
  },
};
