import type { DemoOptions } from './options.ts';
import { startWorker } from './worker-entries.ts';

export interface RunningDemo {
  url: string;
  kubeconfigPath: string;
  stop(): Promise<void>;
}

type DemoMessage =
  { kind: 'ready'; url: string; kubeconfigPath: string } | { kind: 'error'; message: string };

/**
 * Starts the demo cluster in its own worker thread, so the simulation never runs on the thread
 * that hosts the UI, and resolves once its API server listens and its kubeconfig is written.
 */
export function startDemoThread(options: DemoOptions, kubeconfigPath: string): Promise<RunningDemo> {
  const worker = startWorker('demo', {
    seed: options.seed ?? 1,
    nodes: options.nodes ?? 12,
    podsPerNode: options.podsPerNode ?? 8,
    speed: options.speed ?? 1,
    ...(options.scenarios ? { scenarios: options.scenarios } : {}),
    kubeconfigPath,
  });
  const stop = async () => {
    worker.postMessage({ kind: 'stop' });
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 3000).unref());
    await Promise.race([exited, timeout]);
    await worker.terminate();
  };
  return new Promise((resolve, reject) => {
    worker.once('error', (error) => reject(new Error(`The demo cluster failed to start: ${error.message}`)));
    worker.once('exit', (code) => reject(new Error(`The demo cluster exited during start (code ${code}).`)));
    worker.on('message', (message: DemoMessage) => {
      if (message.kind === 'ready')
        resolve({ url: message.url, kubeconfigPath: message.kubeconfigPath, stop });
      else if (message.kind === 'error')
        reject(new Error(`The demo cluster failed to start: ${message.message}`));
    });
  });
}
