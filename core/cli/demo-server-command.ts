import { resolve } from 'node:path';
import type { ScenarioRequest } from '../demo/default-backend.ts';
import { DEMO_CONTEXT_NAME, DEMO_VIEWER_CONTEXT_NAME } from '../demo/kubeconfig.ts';
import { startDemoServer } from '../demo/server.ts';
import type { CommandOutput } from './output.ts';
import { UsageError } from './usage-error.ts';

export interface DemoServerCommandOptions {
  /** The TLS port the kubeconfig points at (default: a free one). */
  port?: number;
  nodes?: number;
  seed?: number;
  speed?: number;
  preset?: string;
  /**
   * `family`, `family@delay` or `family@delay+duration` (like 90s, 10m, 2h; the delay defaults to
   * 5m after the start; without a duration an incident lasts until it ends by itself), each with an
   * optional `:node` (the node it hits; otherwise the simulator picks one).
   */
  scenarios?: readonly string[];
  kubeconfigOut?: string;
}

const DEFAULT_ONSET_MS = 5 * 60_000;
const UNITS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000 };

/**
 * `memoryLeak@10m+20m` → { family: 'memoryLeak', onsetMs: 600000, durationMs: 1200000 };
 * `hardwareFailure@2m+1m:node-03` also → target: { node: 'node-03' }.
 */
export function parseScenario(text: string): ScenarioRequest {
  const match =
    /^([A-Za-z][A-Za-z0-9-]*)(?:@(\d+)(s|m|h))?(?:\+(\d+)(s|m|h))?(?::([a-z0-9]([-a-z0-9.]*[a-z0-9])?))?$/.exec(
      text,
    );
  if (!match) {
    throw new UsageError(
      `--scenario needs NAME, NAME@DELAY or NAME@DELAY+DURATION, optionally followed by :NODE (e.g. memoryLeak@10m+20m or hardwareFailure@2m+1m:node-03), got "${text}".`,
    );
  }
  const [, family = '', amount, unit, lasts, lastsUnit, node] = match;
  const ms = (count: string, per: string | undefined) => Number(count) * (UNITS[per ?? 's'] ?? 1000);
  // A cause that stops lets the cluster recover (for instance a leak whose pod is OOM-killed and
  // restarted, which otherwise leaks again after every restart).
  if (lasts !== undefined && ms(lasts, lastsUnit) === 0) {
    throw new UsageError(`--scenario ${text}: the duration after "+" must be longer than 0.`);
  }
  return {
    family,
    onsetMs: amount === undefined ? DEFAULT_ONSET_MS : ms(amount, unit),
    ...(lasts === undefined ? {} : { durationMs: ms(lasts, lastsUnit) }),
    ...(node === undefined ? {} : { target: { node } }),
  };
}

/**
 * `foresight demo-server`: the demo cluster's API in the foreground, for kubectl and friends.
 * Writes a kubeconfig with an admin and a read-only viewer context and prints how to use it.
 */
export async function runDemoServerCommand(
  options: DemoServerCommandOptions,
  out: CommandOutput,
): Promise<() => Promise<void>> {
  const scenarios = (options.scenarios ?? []).map(parseScenario);
  const server = await startDemoServer({
    ...(options.port !== undefined ? { tlsPort: options.port } : {}),
    ...(options.nodes !== undefined ? { nodes: options.nodes } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.speed !== undefined ? { speed: options.speed } : {}),
    ...(options.preset !== undefined ? { preset: options.preset } : {}),
    ...(scenarios.length > 0 ? { scenarios } : {}),
  });
  const kubeconfigPath = resolve(options.kubeconfigOut ?? 'foresight-demo.kubeconfig');
  await server.writeKubeconfig(kubeconfigPath);
  out.result(
    `Demo cluster API at ${server.httpsUrl} (plain http for tools that send the token: ${server.url})`,
  );
  out.result(`Kubeconfig written to ${kubeconfigPath}`);
  out.result(`Contexts: ${DEMO_CONTEXT_NAME} (admin), ${DEMO_VIEWER_CONTEXT_NAME} (read-only)`);
  out.result(`Try:      export KUBECONFIG=${kubeconfigPath}`);
  out.result('          kubectl get nodes');
  out.result(`          kubectl --context ${DEMO_VIEWER_CONTEXT_NAME} auth can-i delete pods`);
  out.info('Press Ctrl-C to stop.');
  return () => server.close();
}
