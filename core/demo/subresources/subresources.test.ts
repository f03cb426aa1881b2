import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../sim/store/api-resources.ts';
import { podJson } from '../testing/fixture.ts';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { asRecord } from '../testing/http.ts';

/** The subresources: pods/eviction, deployments/scale, nodes/status and pods/binding. */

let fx: FixtureServer;
beforeEach(async () => {
  fx = await startFixtureServer();
});
afterEach(async () => {
  await fx.close();
});

const store = () => fx.backend.store;
const pdb = () => store().get(keys.poddisruptionbudgets, 'shop', 'web-pdb');
const evict = (name: string, namespace = 'shop', query = '', body: Record<string, unknown> = {}) =>
  fx.admin.send('POST', `/api/v1/namespaces/${namespace}/pods/${name}/eviction${query}`, {
    apiVersion: 'policy/v1',
    kind: 'Eviction',
    metadata: { name, namespace },
    ...body,
  });
const setBudget = (status: Record<string, unknown>) =>
  store().mutate(keys.poddisruptionbudgets, 'shop', 'web-pdb', (draft) => {
    draft.status = { ...(draft.status as object), ...status };
  });

describe('pods/eviction', () => {
  it('uses up a disruption, then deletes the pod gracefully', async () => {
    const res = await evict('web-5d4f8c7b9-abcde');
    expect(res).toMatchObject({ status: 201, json: { kind: 'Status', status: 'Success', code: 201 } });
    expect(pdb()?.status).toMatchObject({
      disruptionsAllowed: 0,
      disruptedPods: { 'web-5d4f8c7b9-abcde': '2025-06-02T14:30:00Z' },
      conditions: [
        expect.objectContaining({ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods' }),
      ],
    });
    expect(store().get(keys.pods, 'shop', 'web-5d4f8c7b9-abcde')?.metadata).toMatchObject({
      deletionTimestamp: '2025-06-02T14:30:05Z',
      deletionGracePeriodSeconds: 5,
    });
  });

  it('answers 429 naming the budget when none is left, as kubectl drain expects', async () => {
    setBudget({ disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2 });
    const res = await evict('web-5d4f8c7b9-fghij');
    expect(res.status).toBe(429);
    expect(res.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      reason: 'TooManyRequests',
      details: {
        causes: [
          {
            reason: 'DisruptionBudget',
            message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently',
          },
        ],
      },
      code: 429,
    });
    expect(store().get(keys.pods, 'shop', 'web-5d4f8c7b9-fghij')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('waits for the disruption controller to catch up with a changed budget', async () => {
    store().mutate(keys.poddisruptionbudgets, 'shop', 'web-pdb', (draft) => {
      draft.spec = { minAvailable: 1, selector: { matchLabels: { app: 'web' } } };
    });
    const res = await evict('web-5d4f8c7b9-fghij');
    expect(res).toMatchObject({
      status: 429,
      json: {
        details: {
          retryAfterSeconds: 10,
          causes: [
            {
              reason: 'DisruptionBudget',
              message: 'The disruption budget web-pdb is still being processed by the server.',
            },
          ],
        },
      },
    });
  });

  it.each([
    ['a pod no budget covers', 'node-exporter-r4v8m', 'kube-system'],
    ['a Pending pod, whatever its budget', 'pending-web', 'shop'],
  ])('evicts %s without asking a budget', async (_what, name, namespace) => {
    setBudget({ disruptionsAllowed: 0 });
    store().create(
      keys.pods,
      podJson({ namespace: 'shop', name: 'pending-web', phase: 'Pending', labels: { app: 'web' } }),
    );
    expect((await evict(name, namespace)).status).toBe(201);
    expect(pdb()?.status).toMatchObject({ disruptionsAllowed: 0 });
  });

  it('answers 404 for a missing pod and does nothing on a dry run', async () => {
    expect(await evict('ghost')).toMatchObject({
      status: 404,
      json: { reason: 'NotFound', message: 'pods "ghost" not found' },
    });
    const dry = await evict('web-5d4f8c7b9-abcde', 'shop', '', { deleteOptions: { dryRun: ['All'] } });
    expect(dry.status).toBe(201);
    expect(pdb()?.status).toMatchObject({ disruptionsAllowed: 1 });
    expect(store().get(keys.pods, 'shop', 'web-5d4f8c7b9-abcde')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('refuses a pod two budgets cover, and the viewer', async () => {
    store().create(keys.poddisruptionbudgets, {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'second', namespace: 'shop' },
      spec: { maxUnavailable: 1, selector: {} },
      status: { observedGeneration: 1, disruptionsAllowed: 1 },
    });
    expect((await evict('web-5d4f8c7b9-abcde')).status).toBe(500);
    const viewer = await fx.viewer.send(
      'POST',
      '/api/v1/namespaces/shop/pods/web-5d4f8c7b9-abcde/eviction',
      {},
    );
    expect(viewer).toMatchObject({
      status: 403,
      json: {
        message:
          'pods "web-5d4f8c7b9-abcde" is forbidden: User "viewer" cannot create resource "pods/eviction" in API group "" in the namespace "shop"',
      },
    });
  });
});

describe('scale', () => {
  const path = '/apis/apps/v1/namespaces/shop/deployments/web/scale';

  it('reads and writes autoscaling/v1 Scale', async () => {
    const scale = asRecord((await fx.admin.get(path)).json);
    expect(scale).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { replicas: 3 },
      status: { replicas: 3, selector: 'app=web' },
    });
    const put = await fx.admin.send('PUT', path, { ...scale, spec: { replicas: 4 } });
    expect(asRecord(put.json).spec).toEqual({ replicas: 4 });
    const patched = await fx.admin.send(
      'PATCH',
      path,
      { spec: { replicas: 6 } },
      'application/merge-patch+json',
    );
    expect(asRecord(patched.json).spec).toEqual({ replicas: 6 });
    expect(store().get(keys.deployments, 'shop', 'web')?.spec).toMatchObject({ replicas: 6 });
  });

  it.each([
    [
      { spec: { replicas: -1 } },
      422,
      'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      { metadata: { resourceVersion: '1' }, spec: { replicas: 2 } },
      409,
      'Operation cannot be fulfilled on deployments.apps "web"',
    ],
  ])('refuses %j', async (body, code, message) => {
    const res = await fx.admin.send('PUT', path, body);
    expect(res.status).toBe(code);
    expect(String(asRecord(res.json).message)).toContain(message);
  });
});

describe('status and binding', () => {
  it('patches only status through /status', async () => {
    const res = await fx.admin.send(
      'PATCH',
      '/api/v1/nodes/node-1/status',
      {
        spec: { unschedulable: true },
        status: { conditions: [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady' }] },
      },
      'application/strategic-merge-patch+json',
    );
    expect(res.status).toBe(200);
    const node = store().get(keys.nodes, undefined, 'node-1');
    expect((node?.spec as Record<string, unknown>).unschedulable).toBeUndefined();
    expect(node?.status).toMatchObject({
      conditions: [expect.objectContaining({ type: 'Ready', status: 'False', reason: 'KubeletNotReady' })],
    });
    expect((await fx.admin.get('/api/v1/nodes/node-1/status')).json).toMatchObject({ kind: 'Node' });
  });

  it('binds a pod to a node once', async () => {
    store().create(keys.pods, podJson({ namespace: 'shop', name: 'unbound', phase: 'Pending' }));
    const bind = () =>
      fx.admin.send('POST', '/api/v1/namespaces/shop/pods/unbound/binding', {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: 'unbound' },
        target: { apiVersion: 'v1', kind: 'Node', name: 'node-3' },
      });
    expect((await bind()).status).toBe(201);
    const pod = store().get(keys.pods, 'shop', 'unbound');
    expect(pod?.spec).toMatchObject({ nodeName: 'node-3' });
    expect(pod?.status).toMatchObject({
      conditions: expect.arrayContaining([expect.objectContaining({ type: 'PodScheduled', status: 'True' })]),
    });
    expect(await bind()).toMatchObject({ status: 409, json: { reason: 'Conflict' } });
  });
});
