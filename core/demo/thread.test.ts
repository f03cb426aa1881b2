import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoThreadEvent } from './thread-messages.ts';

import { startWorker } from '../backend/worker-entries.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'foresight-thread-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the demo thread the way the backend does and resolves with its first message. */
function startThread(workerData: unknown): {
  worker: Worker;
  first: Promise<DemoThreadEvent>;
  exited: Promise<number>;
} {
  const worker = startWorker('demo', workerData as object);
  const first = new Promise<DemoThreadEvent>((resolve, reject) => {
    worker.once('message', (message: DemoThreadEvent) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`demo thread exited (${code}) before posting a message`)));
  });
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  return { worker, first, exited };
}

describe('demo server thread', { timeout: 30_000 }, () => {
  it('starts, writes its kubeconfig, serves nodes, and stops on request', async () => {
    const kubeconfigPath = join(dir, 'demo', 'kubeconfig');
    const { worker, first, exited } = startThread({
      seed: 2,
      nodes: 6,
      podsPerNode: 4,
      speed: 10,
      kubeconfigPath,
    });
    try {
      const ready = await first;
      expect(ready).toMatchObject({ kind: 'ready', kubeconfigPath });
      expect(ready.kind === 'ready' && ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const kc = new KubeConfig();
      kc.loadFromString(await readFile(kubeconfigPath, 'utf8'));
      const nodes = await kc.makeApiClient(CoreV1Api).listNode();
      expect(nodes.items.map((n) => n.metadata?.name)).toEqual([
        'control-plane-1',
        'node-01',
        'node-02',
        'node-03',
        'node-04',
        'node-05',
      ]);

      worker.postMessage({ kind: 'stop' });
      expect(await exited).toBe(0);
      // Stopped means stopped: the port no longer answers.
      await expect(kc.makeApiClient(CoreV1Api).listNode()).rejects.toThrow();
    } finally {
      await worker.terminate();
    }
  });

  it('reports bad worker data as an error message and exits', async () => {
    const { worker, first, exited } = startThread({ nodes: -1 });
    try {
      const message = await first;
      expect(message.kind).toBe('error');
      expect(message.kind === 'error' && message.message).toContain('kubeconfigPath');
      expect(await exited).toBe(0);
    } finally {
      await worker.terminate();
    }
  });

  it('reports a cluster that cannot be built as an error message', async () => {
    const { worker, first } = startThread({ nodes: 3, podsPerNode: 500, kubeconfigPath: join(dir, 'never') });
    try {
      const message = await first;
      expect(message).toMatchObject({ kind: 'error', message: expect.stringContaining('do not fit') });
    } finally {
      await worker.terminate();
    }
  });
});
