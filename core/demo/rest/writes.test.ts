import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../sim/store/api-resources.ts';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { asRecord } from '../testing/http.ts';

/** Create, update, patch and delete through HTTP: what the registry does and the Status it answers. */

let fx: FixtureServer;
beforeEach(async () => {
  fx = await startFixtureServer();
});
afterEach(async () => {
  await fx.close();
});

const store = () => fx.backend.store;
const newPod = (name: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: name,
  spec: {
    containers: [{ name: 'app', image: 'nginx:1.27', resources: { limits: { cpu: '1', memory: '1Gi' } } }],
  },
  ...extra,
});

describe('create', () => {
  it('names from generateName, takes the namespace from the path, defaults and stores', async () => {
    const res = await fx.admin.send('POST', '/api/v1/namespaces/shop/pods', newPod({ generateName: 'job-' }));
    expect(res.status).toBe(201);
    const pod = asRecord(res.json);
    const meta = asRecord(pod.metadata);
    expect(meta.name).toMatch(/^job-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(meta).toMatchObject({
      namespace: 'shop',
      uid: expect.any(String),
      resourceVersion: expect.stringMatching(/^\d+$/),
    });
    expect(pod.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      serviceAccountName: 'default',
      containers: [
        {
          imagePullPolicy: 'IfNotPresent',
          terminationMessagePath: '/dev/termination-log',
          resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } },
        },
      ],
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
    });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
    expect(store().get(keys.pods, 'shop', String(meta.name))).toEqual(pod);
  });

  it.each([
    [
      'an existing name',
      '/api/v1/namespaces/shop/pods',
      newPod({ name: 'web-5d4f8c7b9-abcde' }),
      409,
      'AlreadyExists',
      'pods "web-5d4f8c7b9-abcde" already exists',
    ],
    [
      'a missing namespace',
      '/api/v1/namespaces/nowhere/pods',
      newPod({ name: 'x' }),
      404,
      'NotFound',
      'namespaces "nowhere" not found',
    ],
    [
      'another namespace in the body',
      '/api/v1/namespaces/shop/pods',
      newPod({ name: 'x', namespace: 'default' }),
      400,
      'BadRequest',
      'the namespace of the provided object does not match the namespace sent on the request',
    ],
    [
      'another kind in the body',
      '/api/v1/namespaces/shop/pods',
      { ...newPod({ name: 'x' }), kind: 'Service' },
      400,
      'BadRequest',
      'the kind in the data (Service) does not match the expected kind (Pod)',
    ],
    [
      'no containers',
      '/api/v1/namespaces/shop/pods',
      { ...newPod({ name: 'x' }), spec: {} },
      422,
      'Invalid',
      'Pod "x" is invalid: spec.containers: Required value',
    ],
    [
      'neither name nor generateName',
      '/api/v1/namespaces/shop/pods',
      newPod({}),
      422,
      'Invalid',
      'Pod "" is invalid: metadata.name: Required value: name or generateName is required',
    ],
    [
      'a name that is not DNS-1123',
      '/api/v1/nodes',
      { kind: 'Node', apiVersion: 'v1', metadata: { name: 'Node_1' } },
      422,
      'Invalid',
      `Node "Node_1" is invalid: metadata.name: Invalid value: "Node_1": a lowercase RFC 1123 subdomain must consist of`,
    ],
  ])('refuses %s with %i %s', async (_what, path, body, code, reason, message) => {
    const res = await fx.admin.send('POST', path, body);
    expect(res.status).toBe(code);
    expect(res.json).toMatchObject({ kind: 'Status', status: 'Failure', code, reason });
    expect(String(asRecord(res.json).message)).toContain(message);
  });

  it('answers a dry run fully but stores nothing', async () => {
    const before = store().resourceVersion;
    const res = await fx.admin.send(
      'POST',
      '/api/v1/namespaces/shop/pods?dryRun=All',
      newPod({ name: 'dry' }),
    );
    expect(res.status).toBe(201);
    expect(asRecord(asRecord(res.json).metadata)).toMatchObject({ name: 'dry', uid: expect.any(String) });
    expect(store().get(keys.pods, 'shop', 'dry')).toBeUndefined();
    expect(store().resourceVersion).toBe(before);
    expect(
      (await fx.admin.send('POST', '/api/v1/namespaces/shop/pods?dryRun=Some', newPod({ name: 'dry' })))
        .status,
    ).toBe(400);
  });

  it('refuses bodies it cannot read with 415 and 400', async () => {
    const protobuf = await fx.admin.send(
      'POST',
      '/api/v1/namespaces/shop/pods',
      'k8s\0',
      'application/vnd.kubernetes.protobuf',
    );
    expect(protobuf).toMatchObject({ status: 415, json: { reason: 'UnsupportedMediaType' } });
    const broken = await fx.admin.send(
      'POST',
      '/api/v1/namespaces/shop/pods',
      '{"kind":',
      'application/json',
    );
    expect(broken).toMatchObject({ status: 400, json: { reason: 'BadRequest' } });
  });

  it('gives a Job a selector on its own uid, as the batch strategy does', async () => {
    const res = await fx.admin.send('POST', '/apis/batch/v1/namespaces/shop/jobs', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'once' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } },
    });
    expect(res.status).toBe(201);
    const job = asRecord(res.json);
    const uid = asRecord(job.metadata).uid;
    expect(job.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: { metadata: { labels: { 'job-name': 'once', 'controller-uid': uid } } },
    });
  });
});

describe('update and patch', () => {
  const web = () => store().get(keys.deployments, 'shop', 'web');

  it('refuses a stale resourceVersion with 409 Conflict', async () => {
    const stale = { ...web(), metadata: { ...web()?.metadata, resourceVersion: '1' } };
    const res = await fx.admin.send('PUT', '/apis/apps/v1/namespaces/shop/deployments/web', stale);
    expect(res).toMatchObject({
      status: 409,
      json: {
        reason: 'Conflict',
        message:
          'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
      },
    });
  });

  it('keeps status on a write to the resource, and spec on a write to /status', async () => {
    const current = web();
    const body = {
      ...current,
      spec: { ...(current?.spec as object), replicas: 6 },
      status: { replicas: 99 },
    };
    const updated = asRecord(
      (await fx.admin.send('PUT', '/apis/apps/v1/namespaces/shop/deployments/web', body)).json,
    );
    expect(updated.spec).toMatchObject({ replicas: 6 });
    expect(updated.status).toEqual(current?.status);
    expect(asRecord(updated.metadata).generation).toBe(2);
    const statusWrite = { ...web(), spec: { replicas: 1 }, status: { replicas: 6, readyReplicas: 6 } };
    const res = await fx.admin.send(
      'PUT',
      '/apis/apps/v1/namespaces/shop/deployments/web/status',
      statusWrite,
    );
    expect(asRecord(res.json).status).toEqual({ replicas: 6, readyReplicas: 6 });
    expect(asRecord(asRecord(res.json).spec).replicas).toBe(6);
    expect(asRecord(asRecord(res.json).metadata).generation).toBe(2);
  });

  it('refuses a body whose name is not the URL name', async () => {
    const res = await fx.admin.send('PUT', '/apis/apps/v1/namespaces/shop/deployments/other', web());
    expect(res).toMatchObject({
      status: 400,
      json: { message: 'the name of the object (web) does not match the name on the URL (other)' },
    });
  });

  it.each([
    ['application/merge-patch+json', { spec: { replicas: 4 } }],
    ['application/strategic-merge-patch+json', { spec: { replicas: 4 } }],
    ['application/json-patch+json', [{ op: 'replace', path: '/spec/replicas', value: 4 }]],
    [
      'application/apply-patch+yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 4}\n',
    ],
  ])('patches with %s', async (type, patch) => {
    const res = await fx.admin.send('PATCH', '/apis/apps/v1/namespaces/shop/deployments/web', patch, type);
    expect(res.status).toBe(200);
    expect(web()?.spec).toMatchObject({ replicas: 4, selector: { matchLabels: { app: 'web' } } });
  });

  it('stores nothing for a patch that changes nothing', async () => {
    const before = web()?.metadata.resourceVersion;
    const res = await fx.admin.send(
      'PATCH',
      '/apis/apps/v1/namespaces/shop/deployments/web',
      { spec: { replicas: 3 } },
      'application/merge-patch+json',
    );
    expect(asRecord(asRecord(res.json).metadata).resourceVersion).toBe(before);
  });

  it.each([
    [
      'an unknown patch type',
      '/apis/apps/v1/namespaces/shop/deployments/web',
      { a: 1 },
      'application/x-yaml-patch',
      415,
      'UnsupportedMediaType',
    ],
    [
      'a failing JSON patch test',
      '/apis/apps/v1/namespaces/shop/deployments/web',
      [{ op: 'test', path: '/spec/replicas', value: 9 }],
      'application/json-patch+json',
      422,
      'Invalid',
    ],
    [
      'a missing object',
      '/apis/apps/v1/namespaces/shop/deployments/nope',
      { spec: {} },
      'application/merge-patch+json',
      404,
      'NotFound',
    ],
    [
      'a stale resourceVersion in the patch',
      '/apis/apps/v1/namespaces/shop/deployments/web',
      { metadata: { resourceVersion: '2' } },
      'application/merge-patch+json',
      409,
      'Conflict',
    ],
    [
      'a changed selector',
      '/apis/apps/v1/namespaces/shop/deployments/web',
      { spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } } } } },
      'application/merge-patch+json',
      422,
      'Invalid',
    ],
  ])('refuses %s', async (_what, path, patch, type, code, reason) => {
    const res = await fx.admin.send('PATCH', path, patch, type);
    expect(res).toMatchObject({ status: code, json: { reason } });
  });

  it('refuses changes to a running pod spec beyond the mutable fields', async () => {
    const path = '/api/v1/namespaces/shop/pods/web-5d4f8c7b9-abcde';
    const image = await fx.admin.send(
      'PATCH',
      path,
      { spec: { containers: [{ name: 'main', image: 'app:2' }] } },
      'application/strategic-merge-patch+json',
    );
    expect(image.status).toBe(200);
    const res = await fx.admin.send(
      'PATCH',
      path,
      { spec: { nodeName: 'node-2' } },
      'application/merge-patch+json',
    );
    expect(res.status).toBe(422);
    expect(String(asRecord(res.json).message)).toContain(
      'spec: Forbidden: pod updates may not change fields other than',
    );
  });
});

describe('delete', () => {
  const web1 = '/api/v1/namespaces/shop/pods/web-5d4f8c7b9-abcde';

  it('marks a pod for graceful deletion; the stand-in kubelet removes it', async () => {
    const res = await fx.admin.send('DELETE', web1);
    expect(res.status).toBe(200);
    const meta = asRecord(asRecord(res.json).metadata);
    expect(meta).toMatchObject({ deletionTimestamp: '2025-06-02T14:30:05Z', deletionGracePeriodSeconds: 5 });
    expect(store().get(keys.pods, 'shop', 'web-5d4f8c7b9-abcde')?.metadata.deletionTimestamp).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(store().get(keys.pods, 'shop', 'web-5d4f8c7b9-abcde')).toBeUndefined();
  });

  it('deletes a pod at once with gracePeriodSeconds=0, answering with the pod', async () => {
    const res = await fx.admin.send('DELETE', `${web1}?gracePeriodSeconds=0`);
    expect(asRecord(res.json).kind).toBe('Pod');
    expect(store().get(keys.pods, 'shop', 'web-5d4f8c7b9-abcde')).toBeUndefined();
  });

  it('deletes other kinds at once, answering with a success Status', async () => {
    const res = await fx.admin.send(
      'DELETE',
      '/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web',
    );
    expect(res.json).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: {
        name: 'web',
        group: 'autoscaling',
        kind: 'horizontalpodautoscalers',
        uid: expect.any(String),
      },
    });
    expect(store().get(keys.horizontalpodautoscalers, 'shop', 'web')).toBeUndefined();
  });

  it('checks preconditions and honours dry runs', async () => {
    const wrongUid = await fx.admin.send('DELETE', web1, { preconditions: { uid: 'not-it' } });
    expect(wrongUid).toMatchObject({ status: 409, json: { reason: 'Conflict' } });
    expect(String(asRecord(wrongUid.json).message)).toContain(
      'Precondition failed: UID in precondition: not-it',
    );
    const dry = await fx.admin.send('DELETE', `${web1}?dryRun=All&gracePeriodSeconds=0`);
    expect(dry.status).toBe(200);
    expect(store().get(keys.pods, 'shop', 'web-5d4f8c7b9-abcde')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('orphans dependents with propagationPolicy=Orphan', async () => {
    await fx.admin.send('DELETE', '/apis/apps/v1/namespaces/shop/replicasets/web-5d4f8c7b9', {
      propagationPolicy: 'Orphan',
    });
    const pod = store().get(keys.pods, 'shop', 'web-5d4f8c7b9-abcde');
    expect(pod?.metadata.ownerReferences).toBeUndefined();
  });

  it('deletes a collection by selector', async () => {
    const res = await fx.admin.send(
      'DELETE',
      '/api/v1/namespaces/kube-system/pods?labelSelector=app%3Dnode-exporter&gracePeriodSeconds=0',
    );
    expect(asRecord(res.json).kind).toBe('PodList');
    expect(store().list(keys.pods, 'kube-system')).toEqual([]);
  });

  it('takes everything in a namespace with it', async () => {
    await fx.admin.send('DELETE', '/api/v1/namespaces/shop');
    expect(store().list(keys.pods, 'shop')).toEqual([]);
    expect(store().list(keys.deployments, 'shop')).toEqual([]);
    expect(store().get(keys.namespaces, undefined, 'shop')).toBeUndefined();
  });
});
