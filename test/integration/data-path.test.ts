import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../core/backend/index.ts';
import { historyPath } from '../../core/history/history-path.ts';
import { startWebHost, type WebHost } from '../../core/web/server.ts';
import { createApiClient } from '../../renderer/src/api/client.ts';
import { createWsTransport } from '../../renderer/src/api/wsTransport.ts';
import { connectStores, createStores } from '../../renderer/src/stores/connectStores.ts';
import { nodeSocketFactory } from './support/node-socket.ts';
import { waitFor } from './support/wait.ts';

// The whole path with every part real: the demo cluster's HTTP API in its own thread, the
// collector worker reading it through @kubernetes/client-node, the SQLite file, the web host,
// and the renderer's own transport and zustand stores (run in Node over the `ws` package
// instead of a browser WebSocket — the only stand-in).

let backend: Backend;
let host: WebHost;
const dataDir = mkdtempSync(join(tmpdir(), 'foresight-datapath-'));

beforeAll(async () => {
  backend = await createBackend({
    host: 'test',
    dataDir,
    demo: { seed: 3, nodes: 6, podsPerNode: 5, speed: 600 },
    collectIntervalMs: 300,
  });
  host = await startWebHost({ handler: backend, staticDir: dataDir });
});

afterAll(async () => {
  await host?.close();
  await backend?.stop();
});

describe('data path: demo cluster → client-node → worker → SQLite → contract → renderer store', () => {
  it('lands samples in SQLite and the same numbers in the renderer’s nodes store', async () => {
    const transport = createWsTransport({
      url: `ws://127.0.0.1:${host.port}/contract?token=${host.token}`,
      openSocket: nodeSocketFactory(`http://127.0.0.1:${host.port}`),
    });
    const stores = createStores();
    const stop = connectStores(createApiClient(transport), transport, stores);
    try {
      // Two snapshots, so we know the collector loop runs and values move.
      const first = await waitFor('a first snapshot with metrics', () => {
        const s = stores.nodes.getState().snapshot;
        return s && s.nodes.length > 0 && s.metricsAvailable ? s : undefined;
      });
      const second = await waitFor('a later snapshot', () => {
        const s = stores.nodes.getState().snapshot;
        return s && s.at > first.at ? s : undefined;
      });
      expect(second.nodes.map((n) => n.name)).toEqual(first.nodes.map((n) => n.name));
      expect(second.nodes.length).toBe(6);
      expect(second.nodes.every((n) => n.cpuMillis !== null && n.cpuMillis > 0)).toBe(true);
      expect(stores.connection.getState()).toMatchObject({ status: { state: 'connected', demo: true } });

      // The very same sample, read straight from the database file the worker wrote.
      const worker = second.nodes.find((n) => n.pods > 0) ?? second.nodes[0];
      if (!worker) throw new Error('no nodes');
      const db = new Database(historyPath(dataDir, { demo: true }), { readonly: true, fileMustExist: true });
      try {
        const row = db
          .prepare(
            `SELECT s.cpu_millis AS cpu, s.memory_bytes AS memory, s.pods AS pods FROM node_samples s
             JOIN nodes n ON n.id = s.node_id WHERE n.name = ? AND s.ts = ?`,
          )
          .get(worker.name, second.at) as { cpu: number; memory: number; pods: number } | undefined;
        expect(row).toEqual({ cpu: worker.cpuMillis, memory: worker.memoryBytes, pods: worker.pods });
      } finally {
        db.close();
      }

      // And the history reaches the UI through the contract.
      const series = await createApiClient(transport).call('history.nodeSeries', {
        node: worker.name,
        since: 0,
      });
      expect(series.points.map((p) => p.at)).toContain(second.at);
      expect(stores.history.getState()).toMatchObject({ status: { state: 'ok' } });
    } finally {
      stop();
      transport.close();
    }
  });
});
