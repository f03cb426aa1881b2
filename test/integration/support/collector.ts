import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionStatus, EventEnvelope } from '../../../core/contract/index.ts';
import { CollectorService, type CollectorDeps } from '../../../core/worker/collector-service.ts';
import type { WorkerConfig } from '../../../core/worker/config.ts';

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
