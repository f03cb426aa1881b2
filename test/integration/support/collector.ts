import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionStatus, EventEnvelope } from '../../../core/contract/index.ts';
import { CollectorService, type CollectorDeps } from '../../../core/worker/collector-service.ts';
import type { WorkerConfig } from '../../../core/worker/config.ts';
import type { WorkerDomainContext } from '../../../core/worker/domain.ts';
import { waitFor } from './wait.ts';

export interface TestCollector {
  service: CollectorService;
  events: EventEnvelope[];
  dataDir: string;
  /** The last connection status pushed, if any. */
  connection(): ConnectionStatus | undefined;
}

/**
 * The collector as the worker runs it (in-process, so tests can read its state), reading the
 * kubeconfig YAML given, with its history in a fresh folder. Started; the caller stops it.
 */
export function startTestCollector(
  kubeconfigYaml: string,
  config: Partial<WorkerConfig> = {},
  deps: CollectorDeps = {},
): TestCollector {
  const dataDir = mkdtempSync(join(tmpdir(), 'foresight-collector-'));
  const kubeconfigPath = join(dataDir, 'kubeconfig.yaml');
  writeFileSync(kubeconfigPath, kubeconfigYaml);
  const events: EventEnvelope[] = [];
  const service = new CollectorService(
    {
      host: 'test',
      version: '0',
      kubeconfigPath,
      demo: false,
      dataDir,
      collectIntervalMs: 200,
      retentionDays: 7,
      ...config,
    },
    (e) => events.push(e),
    deps,
  );
  service.start();
  const connection = () =>
    events.filter((e) => e.name === 'connection').at(-1)?.payload as ConnectionStatus | undefined;
  return { service, events, dataDir, connection };
}

/**
 * The collector with one domain that only keeps the context the worker lends it: the cluster,
 * history and snapshot as risk, placement and scaling see them.
 */
export function startContextCollector(
  kubeconfigYaml: string,
  config: Partial<WorkerConfig> = {},
  deps: Omit<CollectorDeps, 'domains'> = {},
): TestCollector & { context: WorkerDomainContext } {
  let context: WorkerDomainContext | undefined;
  const probe = (ctx: WorkerDomainContext) => {
    context = ctx;
    return { methods: [], handle: () => Promise.reject(new Error('unused')) };
  };
  const collector = startTestCollector(kubeconfigYaml, config, { ...deps, domains: [probe] });
  if (!context) throw new Error('the domain was not created');
  return { ...collector, context };
}

/** A test collector started on `kubeconfigYaml` and connected (its first collection done). */
export async function connectedTestCollector(kubeconfigYaml: string): Promise<TestCollector> {
  const collector = startTestCollector(kubeconfigYaml);
  await waitFor('connected', () => (collector.connection()?.state === 'connected' ? true : undefined));
  return collector;
}
