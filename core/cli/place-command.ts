import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PodSpecError, podFromText } from '../scheduling/pod-spec.ts';
import { placePod } from '../scheduling/place.ts';
import type { ScoringStrategy } from '../scheduling/plugins/node-resources-fit.ts';
import { SnapshotError, snapshotFromText } from '../scheduling/snapshot.ts';
import type { CommandOutput } from './output.ts';
import type { Subcommand } from './subcommands.ts';
import { UsageError } from './usage-error.ts';

const usage = `  place          Rank every node for a pod, as kube-scheduler would and as Foresight advises.
                 --snapshot FILE       nodes and pods, from \`foresight snapshot\` (required)
                 --pod FILE            a Pod, a workload or a pod spec, YAML or JSON; - for stdin (required)
                 --strategy NAME       LeastAllocated (default) or MostAllocated, as NodeResourcesFit
`;

export interface PlaceArgs {
  snapshot: string;
  pod: string;
  strategy: ScoringStrategy;
}

export function parsePlaceArgs(argv: string[]): PlaceArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { snapshot: { type: 'string' }, pod: { type: 'string' }, strategy: { type: 'string' } },
    }));
  } catch (error) {
    throw new UsageError(`place: ${(error as Error).message}`);
  }
  if (!values.snapshot)
    throw new UsageError(
      'place: --snapshot FILE is required (take one with `foresight snapshot > cluster.json`).',
    );
  if (!values.pod)
    throw new UsageError('place: --pod FILE is required (a Pod, a workload or a pod spec; - reads stdin).');
  const strategy = values.strategy ?? 'LeastAllocated';
  if (strategy !== 'LeastAllocated' && strategy !== 'MostAllocated')
    throw new UsageError(`place: --strategy must be LeastAllocated or MostAllocated, got "${strategy}".`);
  return { snapshot: values.snapshot, pod: values.pod, strategy: { type: strategy } };
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new SnapshotError(
      `Cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
}

/**
 * `foresight place --snapshot cluster.json --pod pod.json`: JSON with every node (feasible,
 * kube-scheduler's reasons, per-plugin scores, both totals, rank), kubeSchedulerChoice and
 * advice, and nodeAdvice (cordon a node that keeps failing, uncordon it when that lapses). From a
 * bare snapshot Foresight's history-based plugins say they lack data and there is no node advice.
 */
export const placeCommand: Subcommand = {
  name: 'place',
  usage,
  async run(argv: string[], out: CommandOutput): Promise<number> {
    const args = parsePlaceArgs(argv);
    try {
      const snapshot = snapshotFromText(readText(args.snapshot, 'snapshot'));
      const pod = podFromText(readText(args.pod, 'pod file'), `pod file ${args.pod}`);
      out.result(JSON.stringify(placePod(pod, snapshot, { strategy: args.strategy }), null, 2));
      return 0;
    } catch (error) {
      if (error instanceof SnapshotError || error instanceof PodSpecError) {
        out.error(`error: ${error.message}`);
        return 1;
      }
      throw error;
    }
  },
};
