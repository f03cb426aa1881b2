import { parseArgs } from 'node:util';
import { foresightVersion } from '../backend/version.ts';
import { consoleOutput, type CommandOutput } from './output.ts';
import { runWebCommand } from './web-command.ts';
import { runDemoServerCommand } from './demo-server-command.ts';
import { runContextsCommand } from './contexts-command.ts';
import { runReportCommand } from './report-command.ts';
import { parseReportOptions } from './report-options.ts';
import { UsageError } from './usage-error.ts';
import { findSubcommand, subcommands } from './subcommands.ts';

const usage = `Usage: foresight <command> [options]

Commands:
  web            Serve the Foresight UI to your browser on 127.0.0.1 (prints the URL).
                 --demo                use the built-in demo cluster
                 --kubeconfig FILE     kubeconfig to use (default: $KUBECONFIG, ~/.kube/config)
                 --context NAME        context in that kubeconfig (default: its current-context)
                 --port N              port (default: a free one)
                 --data-dir DIR        where history is kept
                 --seed S --nodes N --speed X   demo cluster shape and clock speed
                 --interval-ms MS      how often to poll metrics (default 15000; demo 5000)
                 --scenario NAME[@DELAY][+DURATION][:NODE]   stage an incident on the demo cluster (repeatable)
  contexts       Print the contexts of your kubeconfig as JSON, merged as kubectl merges them.
                 --kubeconfig FILE     read these files (repeatable) instead of $KUBECONFIG
  report         Export a report of the cluster to a file, then exit.
                 --format html|pdf|csv|json   (required)
                 --out FILE            where to write it (required)
                 --since DURATION      the period, ending now: 30m, 6h, 24h (default), 7d
                 --sections A,B        e.g. cluster-summary (default: every available section)
                 --demo                report on the demo cluster (history in a temporary folder)
                 --kubeconfig FILE --context NAME --data-dir DIR   as for web
  demo-server    Run the demo cluster's Kubernetes API in the foreground for kubectl.
                 --port N              TLS port the kubeconfig points at (default: a free one)
                 --nodes N --seed S --speed X   cluster shape and clock speed
                 --preset NAME         a simulator preset
                 --scenario NAME[@DELAY][+DURATION][:NODE]   stage an incident, e.g. memoryLeak@10m+20m (repeatable)
                 --kubeconfig-out FILE where to write the kubeconfig (admin and viewer contexts)
`;

const usageFooter = `  --version      Print the version.
  --help         Print this help.
`;

function fullUsage(): string {
  return [usage.trimEnd(), ...subcommands.map((command) => command.usage.trimEnd()), usageFooter].join('\n');
}

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0)
    throw new UsageError(`--${name} needs a non-negative number, got "${value}".`);
  return parsed;
}

export { UsageError };

const sharedOptions = {
  demo: { type: 'boolean' },
  kubeconfig: { type: 'string', multiple: true },
  context: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  seed: { type: 'string' },
  nodes: { type: 'string' },
  speed: { type: 'string' },
  'interval-ms': { type: 'string' },
  'kubeconfig-out': { type: 'string' },
  preset: { type: 'string' },
  scenario: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
  since: { type: 'string' },
  sections: { type: 'string' },
  help: { type: 'boolean' },
  version: { type: 'boolean' },
} as const;

/** Waits for Ctrl-C or SIGTERM, then runs the command's cleanup. */
function stopOnSignal(stop: () => Promise<void>, out: CommandOutput): void {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    out.info('Stopping…');
    void stop().then(() => process.exit(0));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

export async function main(argv: string[], out: CommandOutput = consoleOutput): Promise<number> {
  try {
    const subcommand = findSubcommand(argv[0]);
    if (subcommand) return await subcommand.run(argv.slice(1), out);
    const { values, positionals } = parseArgs({
      args: argv,
      options: sharedOptions,
      allowPositionals: true,
      strict: true,
    });
    const [command] = positionals;
    if (values.version) {
      out.result(foresightVersion);
      return 0;
    }
    if (values.help || !command) {
      out.result(fullUsage());
      return values.help ? 0 : 2;
    }
    const shape = {
      seed: numberOption(values.seed, 'seed'),
      nodes: numberOption(values.nodes, 'nodes'),
      speed: numberOption(values.speed, 'speed'),
      port: numberOption(values.port, 'port'),
    };
    if (command === 'web') {
      const stop = await runWebCommand(
        {
          demo: values.demo ?? false,
          kubeconfig: values.kubeconfig,
          context: values.context,
          dataDir: values['data-dir'],
          intervalMs: numberOption(values['interval-ms'], 'interval-ms'),
          scenarios: values.scenario,
          ...shape,
        },
        out,
      );
      stopOnSignal(stop, out);
      return -1;
    }
    if (command === 'report') {
      const report = parseReportOptions({
        format: values.format,
        out: values.out,
        since: values.since,
        sections: values.sections,
      });
      return await runReportCommand(
        {
          ...report,
          demo: values.demo ?? false,
          kubeconfig: values.kubeconfig,
          context: values.context,
          dataDir: values['data-dir'],
          seed: shape.seed,
          nodes: shape.nodes,
          speed: shape.speed,
        },
        out,
      );
    }
    if (command === 'contexts') return runContextsCommand(values.kubeconfig ?? [], out);
    if (command === 'demo-server') {
      const stop = await runDemoServerCommand(
        {
          ...shape,
          kubeconfigOut: values['kubeconfig-out'],
          preset: values.preset,
          scenarios: values.scenario,
        },
        out,
      );
      stopOnSignal(stop, out);
      return -1;
    }
    throw new UsageError(`Unknown command "${command}".`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out.error(`foresight: ${(error as Error).message}\n\n${fullUsage()}`);
      return 2;
    }
    out.error(`foresight: ${(error as Error).message}`);
    return 1;
  }
}

/** Exit codes: -1 means "keep running" (a server is up); anything else ends the process. */
export async function run(): Promise<void> {
  const code = await main(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
}
