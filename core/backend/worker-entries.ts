import { Worker } from 'node:worker_threads';

/**
 * Starts one of Foresight's worker threads. From the esbuild bundle (npm start, Electron) each
 * entry is a sibling .mjs in dist/node/. From TypeScript sources (tests, `npm run bench`) a small
 * bootstrap registers tsx inside the worker first: Node 20 does not apply `--import` loaders
 * given in a worker's execArgv to the worker's own entry.
 */
export type WorkerName = 'collector' | 'demo';

const sourceEntries: Record<WorkerName, string> = {
  collector: '../worker/entry.ts',
  demo: '../demo/thread.ts',
};

/** The key under which the bootstrap finds the entry to load; the entry never sees it. */
export const bootstrapEntryKey = '__foresightEntry';

export function workerUrl(
  name: WorkerName,
  moduleUrl: string = import.meta.url,
): { url: URL; fromSource: boolean } {
  if (moduleUrl.endsWith('.ts')) return { url: new URL(sourceEntries[name], moduleUrl), fromSource: true };
  return { url: new URL(`./${name}-worker.mjs`, moduleUrl), fromSource: false };
}

export function startWorker(name: WorkerName, workerData: object): Worker {
  const { url, fromSource } = workerUrl(name);
  if (!fromSource) return new Worker(url, { workerData });
  return new Worker(new URL('./ts-worker-bootstrap.mjs', import.meta.url), {
    workerData: { ...workerData, [bootstrapEntryKey]: url.href },
  });
}
