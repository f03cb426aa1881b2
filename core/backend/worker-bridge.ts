import type { Worker } from 'node:worker_threads';
import {
  contractError,
  errorReply,
  methodTimeoutMs,
  type EventEnvelope,
  type ReplyEnvelope,
  type RequestId,
  type ValidRequest,
} from '../contract/index.ts';
import type { WorkerConfig } from '../worker/config.ts';
import { startWorker } from './worker-entries.ts';

interface Pending {
  callerId: RequestId;
  resolve: (reply: ReplyEnvelope) => void;
  timer: NodeJS.Timeout;
}

const requestTimeoutMs = 30_000;
const maxRestarts = 5;

function isReply(message: unknown): message is ReplyEnvelope {
  return !!message && typeof message === 'object' && (message as { kind?: unknown }).kind === 'reply';
}
function isEvent(message: unknown): message is EventEnvelope {
  return !!message && typeof message === 'object' && (message as { kind?: unknown }).kind === 'event';
}

/**
 * The backend's side of the collector worker: forwards requests with ids of its own (callers'
 * ids may collide across windows and sockets), relays events, and restarts the worker if it
 * dies, answering what was in flight with a typed Unavailable error instead of hanging.
 */
export class WorkerBridge {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private restarts = 0;
  private stopping = false;

  constructor(
    private readonly config: WorkerConfig,
    private readonly onEvent: (event: EventEnvelope) => void,
    private readonly onCrash: (message: string) => void,
  ) {}

  start(): void {
    const worker = startWorker('collector', this.config);
    worker.on('message', (message: unknown) => this.receive(message));
    worker.on('error', (error) => this.crashed(`The collector worker failed: ${error.message}`));
    worker.on('exit', (code) => {
      if (!this.stopping) this.crashed(`The collector worker exited unexpectedly (code ${code}).`);
    });
    this.worker = worker;
  }

  private receive(message: unknown): void {
    if (isEvent(message)) {
      this.onEvent(message);
      return;
    }
    if (!isReply(message) || typeof message.id !== 'number') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    pending.resolve({ ...message, id: pending.callerId });
  }

  private crashed(message: string): void {
    if (this.stopping || !this.worker) return;
    this.worker = undefined;
    this.failPending(message);
    this.onCrash(message);
    if (this.restarts < maxRestarts) {
      this.restarts += 1;
      setTimeout(() => this.stopping || this.start(), 1000 * this.restarts).unref();
    }
  }

  private failPending(message: string): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.resolve(
        errorReply(pending.callerId, contractError('Unavailable', message, 'Retry in a moment.')),
      );
      this.pending.delete(id);
    }
  }

  request(request: ValidRequest): Promise<ReplyEnvelope> {
    const worker = this.worker;
    if (!worker) {
      return Promise.resolve(
        errorReply(
          request.id,
          contractError('Unavailable', 'The collector worker is not running.', 'Retry in a moment.'),
        ),
      );
    }
    const id = this.nextId++;
    const deadlineMs = methodTimeoutMs(request.method, requestTimeoutMs);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(
          errorReply(
            request.id,
            contractError(
              'Unavailable',
              `The collector did not answer ${request.method} within ${Math.round(deadlineMs / 1000)} s.`,
            ),
          ),
        );
      }, deadlineMs);
      this.pending.set(id, { callerId: request.id, resolve, timer });
      worker.postMessage({ kind: 'request', id, method: request.method, params: request.params });
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failPending('The backend is shutting down.');
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ kind: 'stop' });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
    await worker.terminate();
  }
}
