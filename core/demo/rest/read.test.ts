import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { asRecord, itemsOf, nameOf } from '../testing/http.ts';

/** Lists and gets over the store: versions, paging, selectors, Tables. */

let fx: FixtureServer;
beforeAll(async () => {
  fx = await startFixtureServer();
});
afterAll(async () => {
  await fx.close();
});

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

describe('list', () => {
  it.each([
    ['no resourceVersion', '', 200],
    ['resourceVersion=0', 'resourceVersion=0', 200],
    ['NotOlderThan an old version', 'resourceVersion=3&resourceVersionMatch=NotOlderThan', 200],
    ['Exact an old version', 'resourceVersion=3&resourceVersionMatch=Exact', 410],
    ['a version from the future', 'resourceVersion=999999', 504],
    ['a malformed version', 'resourceVersion=x', 400],
  ])('with %s answers %i', async (_what, query, code) => {
    expect((await fx.admin.get(`/api/v1/pods?${query}`)).status).toBe(code);
  });

  it('pages with limit and continue, reporting what remains', async () => {
    const first = asRecord((await fx.admin.get('/api/v1/pods?limit=5')).json);
    const meta = asRecord(first.metadata);
    expect(itemsOf(first)).toHaveLength(5);
    expect(meta.remainingItemCount).toBe(2);
    const second = asRecord(
      (await fx.admin.get(`/api/v1/pods?limit=5&continue=${String(meta.continue)}`)).json,
    );
    expect(itemsOf(second).map(nameOf)).toEqual(['web-5d4f8c7b9-fghij', 'web-5d4f8c7b9-klmno']);
    expect(asRecord(second.metadata).resourceVersion).toBe(meta.resourceVersion);
  });

  it('selects events by involvedObject, as kubectl describe does', async () => {
    const selector = encodeURIComponent(
      'involvedObject.kind=Node,involvedObject.name=node-1,involvedObject.namespace=',
    );
    expect(itemsOf((await fx.admin.get(`/api/v1/events?fieldSelector=${selector}`)).json)).toHaveLength(2);
  });

  it.each([
    ['/api/v1/nodes', ['Name', 'Status', 'Roles', 'Age', 'Version']],
    ['/apis/apps/v1/deployments', ['Name', 'Ready', 'Up-to-date', 'Available', 'Age']],
    [
      '/apis/policy/v1/poddisruptionbudgets',
      ['Name', 'Min Available', 'Max Unavailable', 'Allowed Disruptions', 'Age'],
    ],
    ['/api/v1/events', ['Last Seen', 'Type', 'Reason', 'Object', 'Message']],
    ['/api/v1/namespaces', ['Name', 'Status', 'Age']],
  ])('prints %s as a Table with kubectl columns', async (path, columns) => {
    const table = asRecord((await fx.admin.get(path, TABLE)).json);
    expect(table.kind).toBe('Table');
    const definitions = (table.columnDefinitions as { name: string; priority: number }[]).filter(
      (c) => c.priority === 0,
    );
    expect(definitions.map((c) => c.name)).toEqual(columns);
  });
});
