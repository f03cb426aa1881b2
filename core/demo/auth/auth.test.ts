import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { asRecord } from '../testing/http.ts';
import { ADMIN_USER, Authorizer, forbiddenError, VIEWER_USER } from './authorizer.ts';

/** Two users, RBAC-style decisions, Forbidden messages, and SelfSubjectAccessReview. */

describe('Authorizer', () => {
  const authorizer = new Authorizer();
  const attrs = (verb: string, resource = 'pods', extra: Record<string, string> = {}) => ({
    verb,
    group: '',
    resource,
    subresource: '',
    namespace: 'default',
    name: '',
    ...extra,
  });

  it.each([
    [ADMIN_USER, 'delete', 'pods', true],
    [ADMIN_USER, '*', '*', true],
    [VIEWER_USER, 'get', 'pods', true],
    [VIEWER_USER, 'list', 'nodes', true],
    [VIEWER_USER, 'watch', 'events', true],
    [VIEWER_USER, 'patch', 'nodes', false],
    [VIEWER_USER, 'create', 'pods', false],
    [VIEWER_USER, '*', 'pods', false],
  ])('%o may %s %s: %s', (user, verb, resource, allowed) => {
    expect(authorizer.authorize(user, attrs(verb, resource)).allowed).toBe(allowed);
  });

  it('lets everyone review their own access', () => {
    expect(
      authorizer.authorize(
        VIEWER_USER,
        attrs('create', 'selfsubjectaccessreviews', { group: 'authorization.k8s.io' }),
      ).allowed,
    ).toBe(true);
  });

  it.each([
    [
      { verb: 'delete', group: '', resource: 'pods', subresource: '', namespace: 'default', name: 'x' },
      'pods "x" is forbidden: User "viewer" cannot delete resource "pods" in API group "" in the namespace "default"',
    ],
    [
      { verb: 'list', group: 'apps', resource: 'deployments', subresource: '', namespace: '', name: '' },
      'deployments.apps is forbidden: User "viewer" cannot list resource "deployments" in API group "apps" at the cluster scope',
    ],
    [
      {
        verb: 'update',
        group: 'apps',
        resource: 'deployments',
        subresource: 'scale',
        namespace: 'shop',
        name: 'web',
      },
      'deployments.apps "web" is forbidden: User "viewer" cannot update resource "deployments/scale" in API group "apps" in the namespace "shop"',
    ],
  ])('words a refusal as kube-apiserver does: %o', (attributes, message) => {
    expect(forbiddenError(VIEWER_USER, attributes, '').message).toBe(message);
  });
});

describe('over HTTP', () => {
  let fx: FixtureServer;
  beforeAll(async () => {
    fx = await startFixtureServer();
  });
  afterAll(async () => {
    await fx.close();
  });

  const review = (client: FixtureServer['admin'], resourceAttributes: Record<string, string>) =>
    client.send('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes },
    });

  it('answers SelfSubjectAccessReviews for the caller', async () => {
    const admin = await review(fx.admin, { verb: 'delete', resource: 'pods', namespace: 'shop' });
    expect(admin.status).toBe(201);
    expect(asRecord(admin.json).status).toMatchObject({ allowed: true });
    const viewer = await review(fx.viewer, { verb: 'delete', resource: 'pods', namespace: 'shop' });
    expect(asRecord(viewer.json)).toMatchObject({
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb: 'delete', resource: 'pods' } },
      status: { allowed: false },
    });
  });

  it('names a namespace as its own namespace in refusals, as kube-apiserver does', async () => {
    const res = await fx.viewer.send('DELETE', '/api/v1/namespaces/shop');
    expect(asRecord(res.json).message).toBe(
      'namespaces "shop" is forbidden: User "viewer" cannot delete resource "namespaces" in API group "" in the namespace "shop"',
    );
  });

  it('refuses the viewer every write, and lets it read', async () => {
    expect((await fx.viewer.get('/api/v1/namespaces/shop/pods')).status).toBe(200);
    const create = await fx.viewer.send('POST', '/api/v1/namespaces/shop/configmaps', {
      metadata: { name: 'x' },
    });
    expect(create).toMatchObject({
      status: 403,
      json: {
        kind: 'Status',
        reason: 'Forbidden',
        code: 403,
        message:
          'configmaps is forbidden: User "viewer" cannot create resource "configmaps" in API group "" in the namespace "shop"',
        details: { group: '', kind: 'configmaps' },
      },
    });
  });
});
