import { createBackend } from '../backend/index.ts';
import { findKubeconfigs } from '../kube/discovery.ts';
import { startWebHost } from '../web/server.ts';
import { defaultDataDir } from './data-dir.ts';
import { parseScenario } from './demo-server-command.ts';
import { rendererDir } from './renderer-dir.ts';
import type { CommandOutput } from './output.ts';

export interface WebCommandOptions {
  demo: boolean;
  kubeconfig?: string[];
  context?: string;
  port?: number;
  dataDir?: string;
  seed?: number;
  nodes?: number;
  speed?: number;
  intervalMs?: number;
  /** `family` or `family@delay`: incidents to stage on the demo cluster. */
  scenarios?: readonly string[];
}

/**
 * `foresight web`: the browser host. Connects to the kubeconfig's cluster, or to the demo
 * cluster when asked or when no kubeconfig exists, and prints the URL (with its token).
 */
export async function runWebCommand(
  options: WebCommandOptions,
  out: CommandOutput,
): Promise<() => Promise<void>> {
  const staticDir = rendererDir();
  if (!staticDir) {
    throw new Error(
      'The renderer is not built (dist/renderer/index.html is missing). Run `npm run build` first.',
    );
  }
  const kubeconfigPath = options.demo
    ? undefined
    : options.kubeconfig?.length
      ? options.kubeconfig
      : findKubeconfigs();
  const dataDir = options.dataDir ?? defaultDataDir();
  if (!kubeconfigPath) {
    out.info(options.demo ? 'Starting the demo cluster.' : 'No kubeconfig found: starting the demo cluster.');
  }
  const backend = await createBackend({
    host: 'web',
    dataDir,
    ...(kubeconfigPath ? { kubeconfigPath } : {}),
    ...(options.context ? { context: options.context } : {}),
    demo: kubeconfigPath
      ? false
      : {
          seed: options.seed ?? 1,
          nodes: options.nodes ?? 12,
          speed: options.speed ?? 1,
          ...(options.scenarios?.length ? { scenarios: options.scenarios.map(parseScenario) } : {}),
        },
    ...(options.intervalMs ? { collectIntervalMs: options.intervalMs } : {}),
  });
  const host = await startWebHost({ handler: backend, staticDir, port: options.port ?? 0 });
  if (backend.demoUrl)
    out.info(`Demo cluster API at ${backend.demoUrl} (kubeconfig: ${backend.kubeconfigPath})`);
  out.info(`History in ${dataDir}`);
  out.result(`Foresight is running at ${host.url}`);
  return async () => {
    await host.close();
    await backend.stop();
  };
}
