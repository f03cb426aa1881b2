import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  DEFAULT_PLAN,
  runExperiment,
  SHORT_TIMESCALES_PLAN,
  type ExperimentPlan,
} from '../risk/experiment.ts';
import { formatExperiment } from '../risk/evaluation-text.ts';
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

/** Parses `foresight evaluate`'s options into an experiment plan (exported for tests). */
export function parseEvaluateArgs(argv: string[]): { plan: ExperimentPlan; json: string | undefined } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      seeds: { type: 'string' },
      'test-seeds': { type: 'string' },
      unseen: { type: 'string' },
      nodes: { type: 'string' },
      hours: { type: 'string' },
      epochs: { type: 'string' },
      timescales: { type: 'string' },
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
  const unseen = (values.unseen?.split(',').map((f) => f.trim()) ??
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
  const base = timescales === 'short' ? SHORT_TIMESCALES_PLAN : DEFAULT_PLAN;
  return {
    plan: {
      ...base,
      trainSeeds,
      // The threshold is chosen on seeds neither trained on nor tested on.
      validationSeeds: DEFAULT_PLAN.validationSeeds.filter(
        (s) => !trainSeeds.includes(s) && !testSeeds.includes(s),
      ),
      testSeeds,
      unseenFamilies: unseen,
      nodes: whole(values.nodes, 'nodes', DEFAULT_PLAN.nodes, 2, 500),
      hours: whole(values.hours, 'hours', DEFAULT_PLAN.hours, 4, 24 * 14),
      epochs: whole(values.epochs, 'epochs', DEFAULT_PLAN.epochs, 1, 500),
    },
    json: values.json,
  };
}

/** `foresight evaluate`: trains on simulated clusters and grades model and rules on held-out ones. */
export const evaluateCommand: Subcommand = {
  name: 'evaluate',
  usage: `  evaluate       Train the risk model on simulated clusters; compare it with the rules baseline on held-out ones.
                 --seeds 1,2,3         training seeds (default ${DEFAULT_PLAN.trainSeeds.join(',')})
                 --test-seeds 101,102  held-out seeds (default ${DEFAULT_PLAN.testSeeds.join(',')})
                 --unseen FAMILY[,..]  families kept out of training (default ${DEFAULT_PLAN.unseenFamilies.join(',')})
                 --timescales realistic|short   incidents that take minutes to hours to show (default
                                       ${DEFAULT_PLAN.timescales}), or the plan before issue 5: each family's short,
                                       severity-tied timing and 15-min training labels
                 --nodes N --hours H --epochs E   cluster size, simulated hours per seed, training epochs
                 --json FILE           also write the full evaluation (curves, calibration) as JSON`,
  async run(argv: string[], out: CommandOutput): Promise<number> {
    const { plan, json } = parseEvaluateArgs(argv);
    const report = await runExperiment(plan, (line) => out.info(line));
    out.result(formatExperiment(report));
    if (json) {
      await writeFile(json, JSON.stringify({ ...report, model: undefined }, null, 2));
      out.info(`Wrote ${json}.`);
    }
    return 0;
  },
};
