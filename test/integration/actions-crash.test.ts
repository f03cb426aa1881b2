import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorker } from '../../core/backend/worker-entries.ts';
import type { AuditRecord } from '../../core/contract/actions.ts';
import { ownerRef, podJson, standardCluster } from '../../core/demo/testing/fixture.ts';
import { startFixtureServer, type FixtureServer } from '../../core/demo/testing/fixture-server.ts';
import type { KubeObject } from '../../core/sim/store/kube-object.ts';
import { keys } from '../../core/sim/store/api-resources.ts';
import type { WorkerConfig } from '../../core/worker/config.ts';
import { waitFor } from './support/wait.ts';

/**
 * Kill the worker in the middle of a drain: the audit log keeps the steps it took and says the
 * drain was interrupted, the node stays cordoned, and running the drain again completes it.
 * Everything is real: the collector worker thread, the demo API server, the SQLite file.
 */

interface Message {
  kind: string;
  id?: number;
  ok?: boolean;
  result?: unknown;
  error?: { message: string };
  name?: string;
  payload?: unknown;
}

class WorkerClient {
  readonly messages: Message[] = [];
  private nextId = 1;
  constructor(readonly worker: Worker) {
    worker.on('message', (message: Message) => this.messages.push(message));
  }
  async call<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    this.worker.postMessage({ kind: 'request', id, method, params });
    const reply = await waitFor(`the reply to ${method}`, () =>
      this.messages.find((m) => m.kind === 'reply' && m.id === id),
    );
    if (!reply.ok) throw new Error(`${method} failed: ${reply.error?.message}`);
    return reply.result as T;
  }
  events<T>(name: string): T[] {
    return this.messages.filter((m) => m.kind === 'event' && m.name === name).map((m) => m.payload as T);
  }
}

let fx: FixtureServer | undefined;
let dir: string | undefined;
const workers: Worker[] = [];

afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.terminate();
  await fx?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const drain = {
  action: { kind: 'drain', node: 'node-1', options: { ignoreDaemonSets: true, deleteEmptyDirData: true } },
};

describe('a worker killed mid-drain', { timeout: 60_000 }, () => {
  it('leaves an interrupted audit record with its steps and a cordoned node; a second drain completes', async () => {
    const backend = standardCluster();
    const rs = backend.store.get(keys.replicasets, 'shop', 'web-5d4f8c7b9') as KubeObject;
    // A pod no budget covers (evicted at once) beside web's pod, whose budget is used up (429 until freed).
    backend.store.create(
      keys.pods,
      podJson({
        namespace: 'shop',
        name: 'api-1',
        node: 'node-1',
        owner: ownerRef('ReplicaSet', rs),
        gracePeriodSeconds: 1,
      }),
    );
    const setBudget = (allowed: number) =>
      backend.store.mutate(keys.poddisruptionbudgets, 'shop', 'web-pdb', (draft) => {
        draft.status = { ...(draft.status as object), disruptionsAllowed: allowed };
      });
    setBudget(0);
    fx = await startFixtureServer({ backend });
    dir = await mkdtemp(join(tmpdir(), 'foresight-crash-drain-'));
    const kubeconfigPath = join(dir, 'kubeconfig.yaml');
    await fx.server.writeKubeconfig(kubeconfigPath);
    const config: WorkerConfig = {
      host: 'test',
      version: 'test',
      kubeconfigPath,
      demo: false,
      dataDir: join(dir, 'data'),
      collectIntervalMs: 60_000,
      retentionDays: 7,
    };
    const start = () => {
      const worker = startWorker('collector', config);
      workers.push(worker);
      return new WorkerClient(worker);
    };
    const podsOnNode1 = () =>
      backend.store
        .list(keys.pods)
        .filter((p) => (p.spec as { nodeName?: string }).nodeName === 'node-1')
        .map((p) => p.metadata.name)
        .sort();

    const first = start();
    const { auditId } = await first.call<{ auditId: number }>('actions.execute', drain);
    const steps = () =>
      first.events<{ auditId: number; message: string }>('actionProgress').map((e) => e.message);
    await waitFor('the blocked eviction to be retried, and api-1 evicted', () =>
      steps().some((s) => s.includes('will retry after 5s')) && steps().includes('pod/shop/api-1 evicted')
        ? true
        : undefined,
    );
    await first.worker.terminate();

    expect(
      (backend.store.get(keys.nodes, undefined, 'node-1')?.spec as { unschedulable?: boolean }).unschedulable,
    ).toBe(true);
    expect(podsOnNode1()).toEqual(['node-exporter-r4v8m', 'web-5d4f8c7b9-abcde']);

    const second = start();
    const { records } = await second.call<{ records: AuditRecord[] }>('actions.audit', {});
    const interrupted = records.find((r) => r.id === auditId);
    expect(interrupted).toMatchObject({ status: 'interrupted', action: 'drain', target: 'node/node-1' });
    const messages = interrupted?.progress.map((p) => p.message) ?? [];
    expect(messages).toContain('node/node-1 cordoned');
    expect(messages).toContain('pod/shop/api-1 evicted');
    expect(
      messages.some((m) => m.includes(`pods/"web-5d4f8c7b9-abcde" -n "shop" (will retry after 5s)`)),
    ).toBe(true);
    expect(messages).not.toContain('node/node-1 drained');

    setBudget(1);
    const rerun = await second.call<{ auditId: number }>('actions.execute', drain);
    const finished = await waitFor('the second drain to finish', () =>
      second
        .events<AuditRecord>('actionFinished')
        .find((r) => r.id === rerun.auditId && r.status !== 'running'),
    );
    expect(finished).toMatchObject({
      status: 'succeeded',
      outcome: 'node/node-1 drained (1 pod(s) evicted)',
    });
    expect(finished.progress.map((p) => p.message)).toContain('node/node-1 already cordoned');
    expect(podsOnNode1()).toEqual(['node-exporter-r4v8m']);
  });
});
