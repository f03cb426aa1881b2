import { join } from 'node:path';
import {
  contractError,
  errorReply,
  validateRequest,
  type ContractHandler,
  type EventEnvelope,
  type ReplyEnvelope,
} from '../contract/index.ts';
import { defaultRetentionDays } from '../history/retention.ts';
import type { WorkerConfig } from '../worker/config.ts';
import { startDemoThread, type RunningDemo } from './demo-thread.ts';
import type { BackendOptions } from './options.ts';
import { WorkerBridge } from './worker-bridge.ts';
import { foresightVersion } from './version.ts';

export interface Backend extends ContractHandler {
  /** The demo cluster's API server URL when the demo runs (for kubectl and tests). */
  readonly demoUrl: string | undefined;
  /** The kubeconfig file(s) the collector uses. */
  readonly kubeconfigPath: string | string[];
  stop(): Promise<void>;
}

/**
 * Starts the service behind the contract: the demo cluster when asked (or when no kubeconfig
 * is given), then the collector worker that owns the cluster connection and the database.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const useDemo = options.demo === true || typeof options.demo === 'object' || !options.kubeconfigPath;
  let demo: RunningDemo | undefined;
  if (useDemo) {
    const demoOptions = typeof options.demo === 'object' ? options.demo : {};
    demo = await startDemoThread(demoOptions, join(options.dataDir, 'demo', 'kubeconfig.yaml'));
  }
  const kubeconfigPath = demo?.kubeconfigPath ?? (options.kubeconfigPath as string | string[]);
  const config: WorkerConfig = {
    host: options.host,
    version: foresightVersion,
    kubeconfigPath,
    ...(demo || !options.context ? {} : { context: options.context }),
    demo: !!demo,
    dataDir: options.dataDir,
    collectIntervalMs: options.collectIntervalMs ?? 5000,
    retentionDays: options.retentionDays ?? defaultRetentionDays,
  };

  const listeners = new Set<(event: EventEnvelope) => void>();
  const broadcast = (event: EventEnvelope) => {
    for (const listener of listeners) listener(event);
  };
  const bridge = new WorkerBridge(config, broadcast, (message) =>
    broadcast({
      kind: 'event',
      name: 'connection',
      payload: {
        context: config.context ?? (demo ? 'foresight-demo' : '(current)'),
        server: demo?.url ?? '',
        demo: !!demo,
        state: 'disconnected',
        message: `${message} Restarting it.`,
        since: Date.now(),
      },
    }),
  );
  bridge.start();

  return {
    demoUrl: demo?.url,
    kubeconfigPath,
    async handle(raw: unknown): Promise<ReplyEnvelope> {
      try {
        const validation = validateRequest(raw);
        if (!validation.ok) return errorReply(validation.id, validation.error);
        return await bridge.request(validation.request);
      } catch (error) {
        return errorReply(null, contractError('Internal', `The backend failed: ${String(error)}`));
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      listeners.clear();
      await bridge.stop();
      await demo?.stop();
    },
  };
}
