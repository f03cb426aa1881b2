import { resolve } from 'node:path';
import { startDemoServer } from '../demo/server.ts';
import type { CommandOutput } from './output.ts';

export interface DemoServerCommandOptions {
  port?: number;
  nodes?: number;
  seed?: number;
  speed?: number;
  kubeconfigOut?: string;
}

/** `foresight demo-server`: the demo cluster's API in the foreground, for kubectl and friends. */
export async function runDemoServerCommand(
  options: DemoServerCommandOptions,
  out: CommandOutput,
): Promise<() => Promise<void>> {
  const server = await startDemoServer({
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.nodes !== undefined ? { nodes: options.nodes } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.speed !== undefined ? { speed: options.speed } : {}),
  });
  const kubeconfigPath = resolve(options.kubeconfigOut ?? 'foresight-demo.kubeconfig');
  await server.writeKubeconfig(kubeconfigPath);
  out.result(`Demo cluster API at ${server.url}`);
  out.result(`Kubeconfig written to ${kubeconfigPath}`);
  out.result(`Try: kubectl --kubeconfig ${kubeconfigPath} get nodes`);
  out.info('Press Ctrl-C to stop.');
  return () => server.close();
}
