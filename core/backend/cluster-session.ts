import { join } from 'node:path';
import type { ContextRef, EventEnvelope } from '../contract/index.ts';
import { defaultRetentionDays } from '../history/retention.ts';
import type { WorkerConfig } from '../worker/config.ts';
import { startDemoThread, type RunningDemo } from './demo-thread.ts';
import type { BackendOptions } from './options.ts';
import { foresightVersion } from './version.ts';
import { WorkerBridge } from './worker-bridge.ts';

/** One connected cluster: the demo thread when it is the demo, and the collector worker. */
export interface ClusterSession {
  readonly target: ContextRef;
  readonly bridge: WorkerBridge;
  readonly demoUrl: string | undefined;
  readonly kubeconfigPath: string | string[];
  stop(): Promise<void>;
}

export async function startClusterSession(
  target: ContextRef,
  options: BackendOptions,
  broadcast: (event: EventEnvelope) => void,
): Promise<ClusterSession> {
  let demo: RunningDemo | undefined;
  const demoOptions = typeof options.demo === 'object' ? options.demo : {};
  if (target.source === 'demo') {
    demo = await startDemoThread(demoOptions, join(options.dataDir, 'demo', 'kubeconfig.yaml'));
  }
  const kubeconfigPath = demo?.kubeconfigPath ?? options.kubeconfigPath ?? [];
  const config: WorkerConfig = {
    host: options.host,
    version: foresightVersion,
    kubeconfigPath,
    ...(demo ? {} : { context: target.name }),
    demo: !!demo,
    dataDir: options.dataDir,
    // metrics-server resolves usage every 15 s by default: polling a real cluster faster only
    // costs its API server. The demo is sampled faster so a newcomer sees it move.
    collectIntervalMs: options.collectIntervalMs ?? (demo ? 5000 : 15_000),
    retentionDays: options.retentionDays ?? defaultRetentionDays,
    ...(demo && demoOptions.speed ? { clusterTimeScale: demoOptions.speed } : {}),
  };
  const bridge = new WorkerBridge(config, broadcast, (message) =>
    broadcast({
      kind: 'event',
      name: 'connection',
      payload: {
        context: target.name,
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
    target,
    bridge,
    demoUrl: demo?.url,
    kubeconfigPath,
    async stop() {
      await bridge.stop();
      await demo?.stop();
    },
  };
}
