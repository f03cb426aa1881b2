import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { historyPath } from '../history/history-path.ts';
import { HistoryStore } from '../history/store.ts';
import { KubeconfigError, loadKubeconfig } from '../kube/kubeconfig.ts';
import { kubeconfigFiles } from '../kube/kubeconfig-files.ts';
import { adviseFromHistory } from '../scaling/advice/advise-history.ts';
import { readHpas, type HpaBounds } from '../scaling/advice/cluster-hpas.ts';
import { DEFAULT_PRICES, type Prices } from '../scaling/advice/cost.ts';
import { defaultDataDir } from './data-dir.ts';
import type { CommandOutput } from './output.ts';
import type { Subcommand } from './subcommands.ts';
import { UsageError } from './usage-error.ts';

function rounded(_key: string, value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
  return value;
}

/** `foresight scale-advice`: the scaling advisor for every workload, from the history Foresight keeps. */
export const scaleAdviceCommand: Subcommand = {
  name: 'scale-advice',
  usage: `  scale-advice   Replicas, HPA bounds, a weekly schedule, right-sizing and cost for every workload.
                 --context NAME --kubeconfig FILE   which cluster (as kubectl; default: current context)
                 --namespace NS        only this namespace
                 -o, --output json|yaml   (default json)
                 --data-dir DIR        where history is kept (Foresight records it while connected)
                 --vcpu-hour-price P --gib-hour-price P --currency C   prices (default AWS Fargate us-east-1, USD)`,
  async run(argv: string[], out: CommandOutput): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        context: { type: 'string' },
        kubeconfig: { type: 'string', multiple: true },
        namespace: { type: 'string' },
        output: { type: 'string', short: 'o', default: 'json' },
        'data-dir': { type: 'string' },
        'vcpu-hour-price': { type: 'string' },
        'gib-hour-price': { type: 'string' },
        currency: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0)
      throw new UsageError(`scale-advice takes no positional arguments, got "${positionals[0]}".`);
    if (values.output !== 'json' && values.output !== 'yaml')
      throw new UsageError(`-o must be json or yaml, got "${values.output}".`);
    const price = (option: string, text: string | undefined, fallback: number): number => {
      if (text === undefined) return fallback;
      const n = Number(text);
      if (!Number.isFinite(n) || n < 0)
        throw new UsageError(`--${option} must be a price of 0 or more, got "${text}".`);
      return n;
    };
    const prices: Prices = {
      vcpuHour: price('vcpu-hour-price', values['vcpu-hour-price'], DEFAULT_PRICES.vcpuHour),
      gibHour: price('gib-hour-price', values['gib-hour-price'], DEFAULT_PRICES.gibHour),
      currency: values.currency ?? DEFAULT_PRICES.currency,
    };
    let loaded;
    try {
      loaded = loadKubeconfig(values.kubeconfig ?? kubeconfigFiles(), values.context);
    } catch (error) {
      if (error instanceof KubeconfigError) {
        out.error(`foresight: ${error.message}`);
        return 1;
      }
      throw error;
    }
    const dataDir = values['data-dir'] ?? defaultDataDir();
    const path = historyPath(dataDir, { demo: false, server: loaded.server });
    if (!existsSync(path)) {
      out.error(
        `foresight: no history for ${loaded.context} (${loaded.server}) in ${dataDir}. Scaling advice is learned from ` +
          `recorded usage: run \`foresight web --context ${loaded.context}\` for at least half an hour first.`,
      );
      return 1;
    }
    const hpas = await readHpas(loaded.kubeConfig).catch((error: unknown) => {
      out.info(
        `foresight: HPAs not read (${(error as Error).message ?? String(error)}); advice assumes none.`,
      );
      return new Map<string, HpaBounds>();
    });
    const store = HistoryStore.open(path);
    try {
      const result = await adviseFromHistory(store, {
        nowMs: Date.now(),
        namespace: values.namespace,
        hpas,
        prices,
      });
      for (const s of result.skipped) out.info(`foresight: ${s.workload} skipped: ${s.reason}.`);
      const body = {
        context: loaded.context,
        generatedAt: new Date().toISOString(),
        workloads: result.advice,
      };
      const plain = JSON.parse(JSON.stringify(body, rounded)) as unknown;
      out.result(
        values.output === 'yaml'
          ? yaml.dump(plain, { lineWidth: 120, noRefs: true })
          : JSON.stringify(plain, null, 2),
      );
      if (result.advice.length === 0) out.info('foresight: no workload has enough recorded usage yet.');
      return 0;
    } finally {
      store.close();
    }
  },
};
