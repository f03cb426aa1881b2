import { parseArgs } from 'node:util';
import { DetectInputError, detectCsvFile } from '../risk/detect-csv.ts';
import type { CommandOutput } from './output.ts';
import type { Subcommand } from './subcommands.ts';
import { UsageError } from './usage-error.ts';
import { checkInputFile } from './input-file.ts';

/** `foresight detect`: early-warning scores for any exported metric series, as it would run live. */
export const detectCommand: Subcommand = {
  name: 'detect',
  usage: `  detect         Score a metric series for anomalies (causal: each score uses only earlier rows).
                 --input FILE          CSV with header timestamp,value (ISO 8601 or epoch s/ms)
                 --output FILE         CSV with header timestamp,anomaly_score (one row per input row)`,
  async run(argv: string[], out: CommandOutput): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { input: { type: 'string' }, output: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0)
      throw new UsageError(`detect takes no positional arguments, got "${positionals[0]}".`);
    if (!values.input) throw new UsageError('detect needs --input FILE (a CSV with header timestamp,value).');
    if (!values.output) throw new UsageError('detect needs --output FILE (where to write the scores).');
    if (!(await checkInputFile(values.input, out))) return 1;
    try {
      const began = performance.now();
      const { rows } = await detectCsvFile(values.input, values.output);
      const seconds = (performance.now() - began) / 1000;
      out.info(`Scored ${rows} rows in ${seconds.toFixed(2)} s; wrote ${values.output}.`);
      return 0;
    } catch (error) {
      if (error instanceof DetectInputError) {
        out.error(`foresight: ${values.input}: ${error.message}`);
        return 1;
      }
      throw error;
    }
  },
};
