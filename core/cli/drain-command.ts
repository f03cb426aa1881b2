import { parseArgs } from 'node:util';
import { drainPermissions } from '../kube/actions/action-permissions.ts';
import { listPodsOnNode } from '../kube/actions/drain-plan.ts';
import {
  DEFAULT_DRAIN_OPTIONS,
  runDrain,
  type DrainOptions,
  type DrainProgress,
  type DrainReport,
  type DryRun,
} from '../kube/actions/drain-run.ts';
import { parseGoDuration } from '../kube/actions/go-duration.ts';
import { kubeJson, KubeStatusError } from '../kube/actions/kube-json.ts';
import { missingPermissions, refusalMessage } from '../kube/actions/rbac-check.ts';
import { kubeconfigFiles } from '../kube/kubeconfig-files.ts';
import { KubeconfigError, loadKubeconfig } from '../kube/kubeconfig.ts';
import type { CommandOutput } from './output.ts';
import type { Subcommand } from './subcommands.ts';
import { UsageError } from './usage-error.ts';

const usage = `  drain NODE     Cordon a node and evict its pods, as kubectl drain does (PDBs respected).
                 --context NAME --kubeconfig FILE   which cluster (as kubectl)
                 --ignore-daemonsets   leave DaemonSet pods (else the drain refuses)
                 --delete-emptydir-data   evict pods with emptyDir volumes (their data is lost)
                 --force               also delete pods that no controller will recreate
                 --grace-period S      seconds each pod gets to stop (-1: the pod's own)
                 --timeout DURATION    give up after this long, e.g. 5m (default 0: no limit)
                 --disable-eviction    delete instead of evict: bypasses PodDisruptionBudgets
                 --dry-run=none|client|server   server: validated by the API server, nothing changes
                 -o json               print {"node","cordoned","evict","skip","blocking","outcome"}
`;

export interface DrainCommandArgs {
  node: string;
  context?: string;
  kubeconfigs: string[];
  options: DrainOptions;
  json: boolean;
}

const DRY_RUNS: readonly DryRun[] = ['none', 'client', 'server'];

export function parseDrainArgs(argv: string[]): DrainCommandArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        context: { type: 'string' },
        kubeconfig: { type: 'string', multiple: true },
        'ignore-daemonsets': { type: 'boolean' },
        'delete-emptydir-data': { type: 'boolean' },
        force: { type: 'boolean' },
        'grace-period': { type: 'string' },
        timeout: { type: 'string' },
        'disable-eviction': { type: 'boolean' },
        'dry-run': { type: 'string' },
        'skip-wait-for-delete-timeout': { type: 'string' },
        output: { type: 'string', short: 'o' },
      },
    });
  } catch (error) {
    throw new UsageError(`drain: ${(error as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'drain: name the node to drain, e.g. foresight drain node-3'
        : `drain: one node at a time (got ${positionals.join(', ')})`,
    );
  }
  const grace = values['grace-period'] ?? '-1';
  const graceSeconds = Number(grace);
  if (!Number.isInteger(graceSeconds) || graceSeconds < -1) {
    throw new UsageError(
      `drain: --grace-period needs whole seconds, or -1 for each pod's own (got "${grace}")`,
    );
  }
  const timeout = parseGoDuration(values.timeout ?? '0');
  if (timeout instanceof Error) throw new UsageError(`drain: --timeout: ${timeout.message}`);
  const skipWait = parseGoDuration(values['skip-wait-for-delete-timeout'] ?? '0');
  if (skipWait instanceof Error)
    throw new UsageError(`drain: --skip-wait-for-delete-timeout: ${skipWait.message}`);
  const dryRun = (values['dry-run'] ?? 'none') as DryRun;
  if (!DRY_RUNS.includes(dryRun)) {
    throw new UsageError(`drain: --dry-run must be none, client or server (got "${values['dry-run']}")`);
  }
  if (values.output !== undefined && values.output !== 'json') {
    throw new UsageError(
      `drain: -o supports json only (got "${values.output}"); leave it out for kubectl-style lines`,
    );
  }
  return {
    node: positionals[0] as string,
    ...(values.context ? { context: values.context } : {}),
    kubeconfigs: values.kubeconfig ?? [],
    json: values.output === 'json',
    options: {
      ...DEFAULT_DRAIN_OPTIONS,
      ignoreDaemonSets: values['ignore-daemonsets'] ?? false,
      deleteEmptyDirData: values['delete-emptydir-data'] ?? false,
      force: values.force ?? false,
      gracePeriodSeconds: graceSeconds,
      timeoutSeconds: timeout,
      skipWaitForDeleteTimeoutSeconds: skipWait,
      disableEviction: values['disable-eviction'] ?? false,
      dryRun,
    },
  };
}

const SUFFIX: Record<DryRun, string> = { none: '', client: ' (dry run)', server: ' (server dry run)' };

/** kubectl's lines for each step: results on stdout, warnings and retries on stderr. */
export function progressPrinter(
  out: CommandOutput,
  dryRun: DryRun,
  json: boolean,
): (step: DrainProgress) => void {
  const suffix = SUFFIX[dryRun];
  const result = json ? out.info : out.result;
  return (step) => {
    switch (step.type) {
      case 'cordoned':
        return result(`node/${step.node} ${step.already ? 'already cordoned' : 'cordoned'}${suffix}`);
      case 'warning':
        return out.info(step.message);
      case 'evicting':
        return result(`evicting pod ${step.pod}${suffix}`);
      case 'retrying':
        return out.info(step.message);
      case 'evicted':
        if (dryRun === 'none')
          result(`pod/${step.pod.split('/')[1]} ${step.deleted ? 'deleted' : 'evicted'}`);
        return;
      case 'refused':
      case 'waiting':
      case 'failed':
        return;
    }
  };
}

/** kubectl's closing lines: "node/x drained", or the error and the pending node. */
export function printEnding(out: CommandOutput, report: DrainReport, dryRun: DryRun, json: boolean): void {
  if (json) {
    const { node, cordoned, evict, skip, blocking, outcome } = report;
    out.result(JSON.stringify({ node, cordoned, evict, skip, blocking, outcome }, null, 2));
  }
  const result = json ? out.info : out.result;
  if (report.outcome === 'drained') {
    result(`node/${report.node} drained${SUFFIX[dryRun]}`);
    return;
  }
  const joined = report.errors.length === 1 ? report.errors[0] : `[${report.errors.join(', ')}]`;
  out.error(`error: unable to drain node "${report.node}" due to error: ${joined}, continuing command...`);
  out.error('There are pending nodes to be drained:');
  out.error(` ${report.node}`);
  for (const line of report.errors) out.error(line);
}

export async function runDrainCommand(
  args: DrainCommandArgs,
  out: CommandOutput,
  signal?: AbortSignal,
): Promise<number> {
  let loaded;
  try {
    loaded = loadKubeconfig(args.kubeconfigs.length > 0 ? args.kubeconfigs : kubeconfigFiles(), args.context);
  } catch (error) {
    if (error instanceof KubeconfigError) {
      out.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const api = kubeJson(loaded.kubeConfig, loaded.server);
  try {
    if (args.options.dryRun !== 'client') {
      const pods = await listPodsOnNode(api, args.node);
      const namespaces = pods.map((pod) => pod.metadata.namespace ?? '');
      const denials = await missingPermissions(
        api,
        drainPermissions(args.node, namespaces, args.options.disableEviction),
      );
      if (denials.length > 0) {
        out.error(
          `error: ${refusalMessage(`Draining node ${args.node}`, `the user of context "${loaded.context}"`, denials)}`,
        );
        return 1;
      }
    }
    const report = await runDrain(
      api,
      args.node,
      args.options,
      progressPrinter(out, args.options.dryRun, args.json),
      signal,
    );
    printEnding(out, report, args.options.dryRun, args.json);
    return report.outcome === 'drained' ? 0 : 1;
  } catch (error) {
    if (error instanceof KubeStatusError) {
      out.error(`error: ${error.message}`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
      out.error(
        `error: cannot reach the API server at ${loaded.server} (${code}). Check the context and that the cluster is up.`,
      );
      return 1;
    }
    throw error;
  }
}

export const drainSubcommand: Subcommand = {
  name: 'drain',
  usage,
  async run(argv, out) {
    const args = parseDrainArgs(argv);
    const stop = new AbortController();
    const cancel = () => stop.abort();
    process.once('SIGINT', cancel);
    try {
      return await runDrainCommand(args, out, stop.signal);
    } finally {
      process.off('SIGINT', cancel);
    }
  },
};
