import type { CommandOutput } from './output.ts';
import { detectCommand } from './detect-command.ts';
import { evaluateCommand } from './evaluate-command.ts';
import { drainSubcommand } from './drain-command.ts';
import { forecastCommand } from './forecast-command.ts';
import { scaleAdviceCommand } from './scale-advice-command.ts';
import { placeCommand } from './place-command.ts';
import { snapshotCommand } from './snapshot-command.ts';

/**
 * A command that parses its own arguments (`foresight place --snapshot …`). Each lives in its own
 * file beside its domain's CLI code; main.ts hands it everything after the command's name.
 * Throw a UsageError for bad arguments (main prints it with the usage) and return the exit code.
 */
export interface Subcommand {
  readonly name: string;
  /** Lines for `foresight --help`: the first names the command, the rest its options. */
  readonly usage: string;
  run(argv: string[], out: CommandOutput): Promise<number>;
}

/** The self-parsing commands, in the order `--help` lists them. Add one line per command. */
export const subcommands: readonly Subcommand[] = [
  detectCommand,
  evaluateCommand,
  drainSubcommand,
  forecastCommand,
  scaleAdviceCommand,
  snapshotCommand,
  placeCommand,
];

export function findSubcommand(name: string | undefined): Subcommand | undefined {
  return subcommands.find((command) => command.name === name);
}
