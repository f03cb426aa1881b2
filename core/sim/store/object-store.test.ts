import { describe, expect, it } from 'vitest';
import type { KubeObject, StoreEvent } from './kube-object.ts';
import { ObjectStore, isoSeconds } from './object-store.ts';

function store(historyLimit?: number) {
  let uid = 0;
  return new ObjectStore({ now: () => 1_700_000_000_500, newUid: () => `uid-${++uid}`, historyLimit });
}

const pod = (namespace: string, name: string, spec: object = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { namespace, name },
  spec,
});

describe('ObjectStore', () => {
  it('stamps uid, creationTimestamp, generation and a growing resourceVersion on create', () => {
    const s = store();
    const a = s.create('/pods', pod('default', 'a'));
    const b = s.create('/pods', pod('default', 'b'));
    expect(a.metadata).toMatchObject({
      uid: 'uid-1',
      creationTimestamp: '2023-11-14T22:13:20Z',
      generation: 1,
    });
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(s.resourceVersion).toBe(Number(b.metadata.resourceVersion));
  });

  it('lists in API order (namespace/name, code-unit order), per namespace or all', () => {
    const s = store();
    for (const [ns, name] of [
      ['kube-system', 'z'],
      ['default', 'b'],
      ['default', 'B'],
      ['default', 'a'],
    ] as const) {
      s.create('/pods', pod(ns, name));
    }
    expect(s.list('/pods').map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'default/B',
      'default/a',
      'default/b',
      'kube-system/z',
    ]);
    expect(s.list('/pods', 'kube-system').map((p) => p.metadata.name)).toEqual(['z']);
    expect(s.list('/pods', 'nope')).toEqual([]);
    expect(s.list('/nodes')).toEqual([]);
  });

  it.each([
    ['create twice', (s: ObjectStore) => s.create('/pods', pod('d', 'a')), 'AlreadyExists'],
    ['update a missing object', (s: ObjectStore) => s.update('/pods', pod('d', 'zz')), 'NotFound'],
    ['delete a missing object', (s: ObjectStore) => s.delete('/pods', 'd', 'zz'), 'NotFound'],
    [
      'update from a stale read',
      (s: ObjectStore) => s.update('/pods', pod('d', 'a', { x: 1 }), '1'),
      'Conflict',
    ],
    [
      'create without a name',
      (s: ObjectStore) => s.create('/pods', { apiVersion: 'v1', kind: 'Pod', metadata: {} }),
      'Invalid',
    ],
  ])('%s → %s', (_name, operation, reason) => {
    const s = store();
    s.create('/pods', pod('d', 'a'));
    s.create('/pods', pod('d', 'b'));
    expect(() => operation(s)).toThrow(expect.objectContaining({ reason }));
  });

  it('never mutates a stored object: readers keep what they read', () => {
    const s = store();
    const before = s.create('/pods', pod('d', 'a', { replicas: 1 }));
    s.mutate('/pods', 'd', 'a', (draft) => {
      (draft['spec'] as { replicas: number }).replicas = 2;
    });
    expect(before['spec']).toEqual({ replicas: 1 });
    const after = s.get('/pods', 'd', 'a');
    expect(after?.['spec']).toEqual({ replicas: 2 });
    expect(after?.metadata.generation).toBe(2);
    expect(after?.metadata.uid).toBe(before.metadata.uid);
  });

  it('a mutate that returns false writes nothing', () => {
    const s = store();
    s.create('/pods', pod('d', 'a'));
    const version = s.resourceVersion;
    s.mutate('/pods', 'd', 'a', () => false);
    expect(s.resourceVersion).toBe(version);
  });

  it('logs changes for watches, per resource, and expires what fell out of the log', () => {
    const s = store(3);
    const seen: StoreEvent[] = [];
    s.subscribe((e) => seen.push(e));
    const start = s.resourceVersion;
    s.create('/pods', pod('d', 'a'));
    s.create('/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } });
    s.delete('/pods', 'd', 'a');
    expect(seen.map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'DELETED']);
    const changes = s.changesSince(start, '/pods');
    expect('events' in changes && changes.events.map((e) => e.type)).toEqual(['ADDED', 'DELETED']);
    s.create('/pods', pod('d', 'b'));
    s.create('/pods', pod('d', 'c'));
    expect(s.changesSince(start)).toMatchObject({ expired: true });
    expect(s.changesSince(s.resourceVersion)).toEqual({ events: [] });
  });

  it('keeps at least the last historyLimit changes, and not many more', () => {
    const s = store(80);
    for (let i = 0; i < 1000; i++) s.create('/pods', pod('d', `p${i}`));
    const changes = s.changesSince(s.resourceVersion - 80);
    expect('events' in changes && changes.events).toHaveLength(80);
    expect(s.changesSince(s.resourceVersion - 200)).toMatchObject({ expired: true });
  });

  it('bulk-loads without watch events, in order', () => {
    const s = store();
    const seen: StoreEvent[] = [];
    s.subscribe((e) => seen.push(e));
    s.load('/pods', [pod('b', 'x'), pod('a', 'y')]);
    expect(seen).toEqual([]);
    expect(s.list('/pods').map((p) => p.metadata.name)).toEqual(['y', 'x']);
    expect(s.count('/pods')).toBe(2);
  });
});

describe('isoSeconds', () => {
  it('drops milliseconds like Kubernetes timestamps', () => {
    expect(isoSeconds(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe('2026-01-02T03:04:05Z');
  });
});
