import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ALL_CANDIDATES, STATISTICAL_CANDIDATES } from '../scaling/forecast/candidates.ts';
import { parseSeriesCsv, SeriesInputError } from '../scaling/forecast/csv-series.ts';
import { forecastCsv, rollingForecastRows } from '../scaling/forecast/rolling-csv.ts';
import type { CommandOutput } from './output.ts';
import type { Subcommand } from './subcommands.ts';
import { UsageError } from './usage-error.ts';
import { checkInputFile } from './input-file.ts';

const MAX_WARNINGS = 10;

/** `foresight forecast`: a rolling forecast of any series, exactly as it would have run live. */
export const forecastCommand: Subcommand = {
  name: 'forecast',
  usage: `  forecast       Rolling forecast of a series (causal: each row uses only rows up to it).
                 --input FILE          CSV with header timestamp,value (ISO 8601 or epoch s/ms)
                 --horizon STEPS       how many steps ahead each row forecasts
                 --output FILE         CSV timestamp,forecast,lower,upper (one row per input row; - for stdout)
                 --methods all|statistical   include the tfjs model (default all)`,
  async run(argv: string[], out: CommandOutput): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        input: { type: 'string' },
        horizon: { type: 'string' },
        output: { type: 'string' },
        methods: { type: 'string', default: 'all' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0)
      throw new UsageError(`forecast takes no positional arguments, got "${positionals[0]}".`);
    if (!values.input)
      throw new UsageError('forecast needs --input FILE (a CSV with header timestamp,value).');
    if (!values.output)
      throw new UsageError('forecast needs --output FILE (where to write the forecasts, - for stdout).');
    if (!values.horizon)
      throw new UsageError('forecast needs --horizon STEPS (a whole number of steps ahead, 1 or more).');
    const horizon = Number(values.horizon);
    if (!Number.isInteger(horizon) || horizon < 1 || horizon > 100_000)
      throw new UsageError(`--horizon must be a whole number from 1 to 100000, got "${values.horizon}".`);
    if (values.methods !== 'all' && values.methods !== 'statistical')
      throw new UsageError(`--methods must be all or statistical, got "${values.methods}".`);
    if (!(await checkInputFile(values.input, out))) return 1;
    try {
      const began = performance.now();
      const parsed = parseSeriesCsv(await readFile(values.input, 'utf8'));
      for (const warning of parsed.warnings.slice(0, MAX_WARNINGS)) out.info(`foresight: ${warning}`);
      if (parsed.warnings.length > MAX_WARNINGS)
        out.info(`foresight: … and ${parsed.warnings.length - MAX_WARNINGS} more rows like these.`);
      const candidates = values.methods === 'all' ? ALL_CANDIDATES : STATISTICAL_CANDIDATES;
      const result = await rollingForecastRows(parsed.rows, horizon, candidates);
      const csv = forecastCsv(result.rows);
      if (values.output === '-') process.stdout.write(csv);
      else await writeFile(values.output, csv);
      const seconds = (performance.now() - began) / 1000;
      const step = Number.isFinite(result.stepMs)
        ? `${result.stepMs / 1000} s`
        : 'unknown (fewer than two usable rows)';
      const used = Object.entries(result.usage)
        .map(([name, rows]) => `${name} ${rows}`)
        .join(', ');
      out.info(
        `Forecast ${parsed.rows.length} rows ${horizon} steps ahead in ${seconds.toFixed(2)} s; step ${step}; methods used: ${used || 'none yet'}.`,
      );
      return 0;
    } catch (error) {
      if (error instanceof SeriesInputError) {
        out.error(`foresight: ${values.input}: ${error.message}`);
        return 1;
      }
      throw error;
    }
  },
};
