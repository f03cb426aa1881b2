import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../sim/store/api-resources.ts';
import { podJson } from '../testing/fixture.ts';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { names, readWatch } from '../testing/watch-stream.ts';

/** Watches as kube-apiserver serves them: initial state, resume, filters, bookmarks, 410, timeouts. */

let fx: FixtureServer;
beforeEach(async () => {
  fx = await startFixtureServer({ bookmarkIntervalMs: 100 });
});
afterEach(async () => {
  await fx.close();
});

const watch = (path: string, options: Parameters<typeof readWatch>[2] = {}) =>
  readWatch(`${fx.server.url}${path}`, fx.server.token, options);
const store = () => fx.backend.store;
const later = (action: () => void, ms = 100) => setTimeout(action, ms);

describe('watch', () => {
  it('starts with the current objects as ADDED, then streams changes, and ends at timeoutSeconds', async () => {
    later(() => {
      store().create(keys.pods, podJson({ namespace: 'shop', name: 'new', node: 'node-1' }));
      store().mutate(keys.pods, 'shop', 'new', (p) => {
        p.metadata.labels = { touched: 'yes' };
      });
      store().delete(keys.pods, 'shop', 'new');
      store().create(keys.pods, podJson({ namespace: 'default', name: 'elsewhere' }));
    });
    const result = await watch('/api/v1/namespaces/shop/pods?watch=true&timeoutSeconds=1');
    expect(result.ended).toBe('server');
    expect(names(result.events)).toEqual([
      'ADDED web-5d4f8c7b9-abcde',
      'ADDED web-5d4f8c7b9-fghij',
      'ADDED web-5d4f8c7b9-klmno',
      'ADDED new',
      'MODIFIED new',
      'DELETED new',
    ]);
  });

  it('resumes after a resourceVersion with exactly the later changes', async () => {
    const from = store().resourceVersion;
    store().create(keys.pods, podJson({ namespace: 'shop', name: 'a' }));
    store().delete(keys.pods, 'shop', 'a');
    const result = await watch(`/api/v1/pods?watch=1&resourceVersion=${from}`, {
      until: (e) => e.length >= 2,
    });
    expect(names(result.events)).toEqual(['ADDED a', 'DELETED a']);
    expect(result.events[0]?.object.metadata?.resourceVersion).toBe(String(from + 1));
  });

  it('shows an object leaving a label selector as DELETED and one entering as ADDED', async () => {
    later(() => {
      store().mutate(keys.pods, 'shop', 'web-5d4f8c7b9-abcde', (p) => {
        p.metadata.labels = { app: 'retired' };
      });
      store().mutate(keys.pods, 'kube-system', 'node-exporter-q2x7k', (p) => {
        p.metadata.labels = { app: 'web' };
      });
    });
    const from = store().resourceVersion;
    const result = await watch(`/api/v1/pods?watch=true&labelSelector=app%3Dweb&resourceVersion=${from}`, {
      until: (e) => e.length >= 2,
    });
    expect(names(result.events)).toEqual(['DELETED web-5d4f8c7b9-abcde', 'ADDED node-exporter-q2x7k']);
  });

  it('watches one object by fieldSelector metadata.name, as kubectl rollout status does', async () => {
    later(() => {
      store().mutate(keys.deployments, 'shop', 'web', (d) => {
        d.status = { replicas: 4 };
      });
      store().mutate(keys.replicasets, 'shop', 'web-5d4f8c7b9', (r) => {
        r.status = {};
      });
    });
    const result = await watch(
      '/apis/apps/v1/namespaces/shop/deployments?watch=true&fieldSelector=metadata.name%3Dweb',
      {
        until: (e) => e.length >= 2,
      },
    );
    expect(names(result.events)).toEqual(['ADDED web', 'MODIFIED web']);
  });

  it('sends bookmarks when allowed, and the initial-events-end bookmark for sendInitialEvents', async () => {
    const bookmarks = await watch(
      `/api/v1/nodes?watch=true&allowWatchBookmarks=true&resourceVersion=${store().resourceVersion}`,
      {
        until: (e) => e.length >= 2,
      },
    );
    expect(bookmarks.events.map((e) => e.type)).toEqual(['BOOKMARK', 'BOOKMARK']);
    expect(bookmarks.events[0]?.object).toEqual({
      kind: 'Node',
      apiVersion: 'v1',
      metadata: { resourceVersion: String(store().resourceVersion) },
    });
    const initial = await watch(
      '/api/v1/nodes?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true',
      {
        until: (e) => e.some((x) => x.type === 'BOOKMARK'),
      },
    );
    expect(initial.events.map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'ADDED', 'ADDED', 'BOOKMARK']);
    expect(initial.events[4]?.object.metadata).toMatchObject({
      annotations: { 'k8s.io/initial-events-end': 'true' },
    });
  });

  it('answers a too-old resourceVersion with an ERROR event carrying 410 Expired', async () => {
    fx.server.faults.set({ watchGone: 1 });
    const result = await watch('/api/v1/pods?watch=true&resourceVersion=5');
    expect(result.events).toEqual([
      {
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: expect.stringMatching(/^too old resource version: 5 \(\d+\)$/),
          reason: 'Expired',
          code: 410,
        },
      },
    ]);
    expect((await watch('/api/v1/pods?watch=true', { until: (e) => e.length > 0 })).events[0]?.type).toBe(
      'ADDED',
    );
  });

  it('sends Tables with one row per event when kubectl asks for them', async () => {
    const result = await watch('/api/v1/namespaces/shop/pods?watch=true', {
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
      until: (e) => e.length >= 1,
    });
    const table = result.events[0]?.object;
    expect(table).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
    expect(table?.rows).toEqual([
      expect.objectContaining({
        cells: [
          'web-5d4f8c7b9-abcde',
          '1/1',
          'Running',
          '0',
          '3d',
          '10.244.1.10',
          'node-1',
          '<none>',
          '<none>',
        ],
      }),
    ]);
  });

  it('is dropped mid-stream by the dropWatchAfterSeconds fault', async () => {
    fx.server.faults.set({ dropWatchAfterSeconds: 0.3 });
    const started = Date.now();
    const result = await watch('/api/v1/nodes?watch=true', { timeoutMs: 5000 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.ended).toBe('error');
    expect(result.events).toHaveLength(4);
  });

  it('reads timeoutSeconds=0 as the server limit, not as zero', async () => {
    const short = await startFixtureServer({ watchTimeoutSeconds: 1 });
    try {
      const started = Date.now();
      const result = await readWatch(
        `${short.server.url}/api/v1/nodes?watch=true&timeoutSeconds=0`,
        short.server.token,
      );
      expect(result.ended).toBe('server');
      expect(result.events).toHaveLength(4);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    } finally {
      await short.close();
    }
  });

  it('refuses a malformed resourceVersion with 400 before streaming', async () => {
    const result = await watch('/api/v1/pods?watch=true&resourceVersion=abc');
    expect(result.status).toBe(400);
  });
});
