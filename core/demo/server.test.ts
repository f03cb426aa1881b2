import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacySimulationBackend } from './legacy/sim-backend.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import { asArray, asRecord, frozenSimulation, httpGet, nameOf } from './testing/http.ts';

/** The server as a whole: authentication, discovery, errors, and both listeners. */

let server: DemoServer;
const get = (path: string, accept?: string) =>
  httpGet(`${server.url}${path}`, { token: server.token, ...(accept ? { accept } : {}) });

beforeAll(async () => {
  // 100 nodes x 20 pods: a mid-sized cluster, frozen in time.
  server = await startDemoServer({
    backend: legacySimulationBackend(frozenSimulation({ seed: 4, nodes: 100, podsPerNode: 20 })),
  });
});
afterAll(async () => {
  await server.close();
});

describe('authentication', () => {
  it.each([
    ['no token', undefined],
    ['a wrong token', 'not-the-token'],
  ])('refuses %s with a 401 Status', async (_what, token) => {
    for (const path of [
      '/api/v1/nodes',
      '/version',
      '/api',
      '/apis/metrics.k8s.io/v1beta1/nodes',
      '/no/such/path',
    ]) {
      const res = await httpGet(`${server.url}${path}`, token === undefined ? {} : { token });
      expect(res.status, path).toBe(401);
      expect(res.contentType).toBe('application/json');
      expect(res.json).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
  });

  it('uses a different random token for each server', async () => {
    const other = await startDemoServer({ nodes: 3, podsPerNode: 1 });
    try {
      expect(other.token).not.toBe(server.token);
      expect(other.token.length).toBeGreaterThanOrEqual(32);
      expect((await httpGet(`${other.url}/api/v1/nodes`, { token: server.token })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it.each(['/healthz', '/livez', '/readyz'])('answers %s without a token', async (path) => {
    const res = await httpGet(`${server.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('ok');
  });
});

describe('discovery', () => {
  it('reports a Kubernetes version', async () => {
    const body = asRecord((await get('/version')).json);
    expect(body.gitVersion).toMatch(/^v1\.\d+\.\d+$/);
    expect(body.major).toBe('1');
    expect(String(body.gitVersion)).toContain(`.${String(body.minor)}.`);
  });

  it('lists the core versions and the v1 resources with their verbs', async () => {
    expect(asRecord((await get('/api')).json)).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const list = asRecord((await get('/api/v1')).json);
    expect(list).toMatchObject({ kind: 'APIResourceList', groupVersion: 'v1' });
    const byName = new Map(asArray(list.resources).map((r) => [String(asRecord(r).name), asRecord(r)]));
    expect(byName.get('nodes')).toMatchObject({ kind: 'Node', namespaced: false, shortNames: ['no'] });
    expect(byName.get('pods')).toMatchObject({ kind: 'Pod', namespaced: true, shortNames: ['po'] });
    expect(byName.get('namespaces')).toMatchObject({
      kind: 'Namespace',
      namespaced: false,
      shortNames: ['ns'],
    });
    expect(byName.get('pods')?.verbs).toEqual(
      expect.arrayContaining(['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']),
    );
    // kubectl drain evicts only when discovery names policy/v1 Eviction as a pods subresource.
    expect(byName.get('pods/eviction')).toEqual({
      name: 'pods/eviction',
      singularName: '',
      namespaced: true,
      group: 'policy',
      version: 'v1',
      kind: 'Eviction',
      verbs: ['create'],
    });
    expect(byName.get('nodes/status')).toMatchObject({ kind: 'Node', verbs: ['get', 'patch', 'update'] });
  });

  it('announces every group of the resource table with its resources', async () => {
    const groups = asArray(asRecord((await get('/apis')).json).groups).map((g) => String(asRecord(g).name));
    expect(groups).toEqual(
      expect.arrayContaining([
        'apps',
        'batch',
        'policy',
        'autoscaling',
        'metrics.k8s.io',
        'authorization.k8s.io',
      ]),
    );
    const apps = asRecord((await get('/apis/apps/v1')).json);
    const byName = new Map(asArray(apps.resources).map((r) => [String(asRecord(r).name), asRecord(r)]));
    expect(byName.get('deployments')).toMatchObject({
      kind: 'Deployment',
      shortNames: ['deploy'],
      categories: ['all'],
    });
    expect(byName.get('deployments/scale')).toMatchObject({
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
    });
    expect(asRecord((await get('/apis/autoscaling')).json)).toMatchObject({
      kind: 'APIGroup',
      preferredVersion: { groupVersion: 'autoscaling/v2', version: 'v2' },
    });
  });

  it('publishes an OpenAPI v3 index whose documents declare fieldValidation on PATCH', async () => {
    const index = asRecord(asRecord((await get('/openapi/v3')).json).paths);
    const url = String(asRecord(index['apis/apps/v1']).serverRelativeURL);
    expect(url).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]+$/);
    const document = asRecord((await get(url)).json);
    const patch = asRecord(
      asRecord(asRecord(document.paths)['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']).patch,
    );
    expect(patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
    });
    expect(asArray(patch.parameters).map((p) => asRecord(p).name)).toContain('fieldValidation');
  });

  it('announces metrics.k8s.io/v1beta1 with node and pod metrics', async () => {
    const groups = asRecord((await get('/apis')).json);
    expect(groups.kind).toBe('APIGroupList');
    expect(groups.groups).toContainEqual(
      expect.objectContaining({
        name: 'metrics.k8s.io',
        preferredVersion: { groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' },
      }),
    );
    const resources = asRecord((await get('/apis/metrics.k8s.io/v1beta1')).json);
    expect(asArray(resources.resources).map((r) => asRecord(r).kind)).toEqual(['NodeMetrics', 'PodMetrics']);
  });
});

describe('protocol', () => {
  it.each([
    ['/api/v2', 404, 'NotFound'],
    ['/apis/apps/v2/deployments', 404, 'NotFound'],
    ['/apis/example.com/v1/widgets', 404, 'NotFound'],
    ['/api/v1/namespaces/default/widgets', 404, 'NotFound'],
    ['/api/v1/nodes/node-01/eviction', 404, 'NotFound'],
    ['/openapi/v2', 404, 'NotFound'],
  ])('answers unknown path %s with %i', async (path, code, reason) => {
    const res = await get(path);
    expect(res.status).toBe(code);
    expect(res.json).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason, code });
  });

  it.each([
    ['POST', '/apis/metrics.k8s.io/v1beta1/nodes'],
    ['DELETE', '/apis/metrics.k8s.io/v1beta1/nodes/node-01'],
    ['GET', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews'],
    ['POST', '/api/v1/namespaces/default/pods/x/status'],
    ['OPTIONS', '/api/v1/nodes/node-01'],
    ['POST', '/api/v1/pods'],
  ])('answers %s %s with 405 MethodNotAllowed', async (method, path) => {
    const res = await httpGet(`${server.url}${path}`, { token: server.token, method });
    expect(res.status).toBe(405);
    expect(res.json).toMatchObject({ kind: 'Status', reason: 'MethodNotAllowed', code: 405 });
  });

  it('serves the same API over TLS with a certificate the kubeconfig trusts', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      const req = httpsRequest(
        `${server.httpsUrl}/api/v1/nodes/node-01`,
        { ca: server.caCertPem, headers: { authorization: `Bearer ${server.token}` } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(nameOf(asRecord(JSON.parse(body)))).toBe('node-01');
  });
});
