import { parentPort, workerData } from 'node:worker_threads';
import { contractError, errorReply, validateRequest } from '../contract/index.ts';
import { CollectorService } from './collector-service.ts';
import type { WorkerConfig } from './config.ts';

/**
 * Worker-thread entry: wires the collector service to the parent port. Requests arrive
 * already validated by the backend, but are validated again here: the port is a boundary too.
 */
const port = parentPort;
if (!port) throw new Error('core/worker/entry.ts must run in a worker thread');

const service = new CollectorService(workerData as WorkerConfig, (event) => port.postMessage(event));

// Report builds answer asynchronously; everything else is answered at once.
const answer = async (message: unknown): Promise<void> => {
  if (message && typeof message === 'object' && (message as { kind?: unknown }).kind === 'stop') {
    void service.stop().then(() => process.exit(0));
    return;
  }
  const validation = validateRequest(message);
  if (!validation.ok) {
    port.postMessage(errorReply(validation.id, validation.error));
    return;
  }
  try {
    port.postMessage(await service.handle(validation.request));
  } catch (error) {
    port.postMessage(
      errorReply(validation.request.id, contractError('Internal', `Worker failed: ${String(error)}`)),
    );
  }
};

port.on('message', (message: unknown) => void answer(message));

service.start();
