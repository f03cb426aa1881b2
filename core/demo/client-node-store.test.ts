import type { ApiException } from '@kubernetes/client-node';
import {
  CoreV1Api,
  KubeConfig,
  PatchStrategy,
  makeInformer,
  setHeaderOptions,
  type V1Node,
  type V1Pod,
} from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../sim/store/api-resources.ts';
import { podJson, standardCluster } from './testing/fixture.ts';
import { startFixtureServer, type FixtureServer } from './testing/fixture-server.ts';

/**
 * @kubernetes/client-node 1.x, the client the app itself uses, against the store-backed server:
 * lists, an informer that survives a forced 410 by relisting, and a strategic merge patch.
 */

let fx: FixtureServer;
let kc: KubeConfig;

beforeEach(async () => {
  fx = await startFixtureServer();
  kc = new KubeConfig();
  kc.loadFromString(fx.server.kubeconfigYaml());
});
afterEach(async () => {
  await fx.close();
});

function until<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const value = probe();
      if (value !== undefined) resolve(value);
      else if (Date.now() - started > timeoutMs) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 20);
    };
    tick();
  });
}

describe('client-node against the store-backed server', { timeout: 30_000 }, () => {
  it('lists pods with a field selector, as drain and the collector do', async () => {
    const pods = await kc
      .makeApiClient(CoreV1Api)
      .listPodForAllNamespaces({ fieldSelector: 'spec.nodeName=node-3' });
    expect(pods.items.map((p) => p.metadata?.name).sort()).toEqual([
      'node-exporter-t8z2p',
      'web-5d4f8c7b9-klmno',
    ]);
    expect(pods.metadata?.resourceVersion).toBe(String(fx.backend.store.resourceVersion));
  });

  it('keeps an informer in step across a forced 410 Gone, by relisting', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    let lists = 0;
    const informer = makeInformer<V1Pod>(kc, '/api/v1/namespaces/shop/pods', () => {
      lists++;
      return core.listNamespacedPod({ namespace: 'shop' });
    });
    const added: string[] = [];
    informer.on('add', (pod) => added.push(pod.metadata?.name ?? ''));
    fx.server.faults.set({ watchGone: 1 });
    await informer.start();
    try {
      await until('the relist after 410', () => (lists >= 2 ? true : undefined));
      expect(fx.server.faults.current.watchGone).toBe(0);
      fx.backend.store.create(
        keys.pods,
        podJson({ namespace: 'shop', name: 'after-relist', node: 'node-2' }),
      );
      await until('the new pod through the watch', () => (added.includes('after-relist') ? true : undefined));
      expect(informer.list('shop').map((p) => p.metadata?.name)).toContain('after-relist');
      fx.backend.store.delete(keys.pods, 'shop', 'web-5d4f8c7b9-abcde');
      await until('the deletion', () =>
        informer.get('web-5d4f8c7b9-abcde', 'shop') === undefined ? true : undefined,
      );
    } finally {
      await informer.stop();
    }
  });

  it('resumes a watch from a resourceVersion too old to serve with ERROR 410', async () => {
    const small = await startFixtureServer({
      backend: standardCluster({ historyLimit: 3 }),
    });
    try {
      for (let i = 0; i < 5; i++) {
        small.backend.store.create(
          keys.pods,
          podJson({ namespace: 'shop', name: `churn-${i}`, node: 'node-1' }),
        );
      }
      const res = await fetch(`${small.server.url}/api/v1/pods?watch=true&resourceVersion=2`, {
        headers: { authorization: `Bearer ${small.server.token}` },
      });
      expect(res.status).toBe(200);
      const lines = (await res.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown);
      expect(lines).toEqual([
        {
          type: 'ERROR',
          object: expect.objectContaining({
            kind: 'Status',
            code: 410,
            reason: 'Expired',
            message: expect.stringMatching(/^too old resource version: 2 \(\d+\)$/),
          }),
        },
      ]);
    } finally {
      await small.close();
    }
  });

  it('patches a node with a strategic merge patch, merging labels and replacing taints', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const patched: V1Node = await core.patchNode(
      {
        name: 'node-2',
        body: {
          metadata: { labels: { 'foresight.dev/pool': 'batch' } },
          spec: { taints: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }] },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    expect(patched.metadata?.labels).toMatchObject({
      'kubernetes.io/hostname': 'node-2',
      'foresight.dev/pool': 'batch',
    });
    expect(patched.spec?.taints).toEqual([{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }]);
    const error = await core
      .patchNode(
        { name: 'node-2', body: { spec: { taints: [{ key: 'dedicated', effect: 'Sometimes' }] } } },
        setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
      )
      .catch((e: unknown) => e);
    expect((error as ApiException<string>).code).toBe(422);
    expect(JSON.parse((error as ApiException<string>).body)).toMatchObject({
      reason: 'Invalid',
      message:
        'Node "node-2" is invalid: spec.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      details: { causes: [{ reason: 'FieldValueNotSupported', field: 'spec.taints[0].effect' }] },
    });
  });
});
