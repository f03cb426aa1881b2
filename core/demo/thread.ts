/**
 * Worker-thread entry for the demo server, so building and serving a large simulated cluster
 * never blocks the thread that started it. Start it with core/backend/worker-entries.ts's
 * startWorker('demo', …), which knows how to load it from sources and from the build. Posts `ready` (or `error`) once; closes the server and lets the thread exit on `stop`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startDemoServer, type DemoServer } from './server.ts';
import { demoThreadDataSchema, isDemoThreadCommand, type DemoThreadEvent } from './thread-messages.ts';

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('core/demo/thread.ts must run in a worker thread');
  const post = (event: DemoThreadEvent) => port.postMessage(event);

  let server: DemoServer | undefined;
  let stopping = false;
  // Listen before starting: a stop that arrives during startup must still be honoured.
  port.on('message', (message: unknown) => {
    if (!isDemoThreadCommand(message) || stopping) return;
    stopping = true;
    void (server?.close() ?? Promise.resolve()).finally(() => port.close());
  });

  try {
    const data = demoThreadDataSchema.parse(workerData);
    server = await startDemoServer({
      ...(data.seed === undefined ? {} : { seed: data.seed }),
      ...(data.nodes === undefined ? {} : { nodes: data.nodes }),
      ...(data.podsPerNode === undefined ? {} : { podsPerNode: data.podsPerNode }),
      ...(data.speed === undefined ? {} : { speed: data.speed }),
      ...(data.preset === undefined ? {} : { preset: data.preset }),
      ...(data.scenarios === undefined ? {} : { scenarios: data.scenarios }),
    });
    if (stopping) {
      await server.close();
      return;
    }
    await server.writeKubeconfig(data.kubeconfigPath);
    post({ kind: 'ready', url: server.url, kubeconfigPath: data.kubeconfigPath });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    await server?.close();
    port.close();
  }
}

void main();
