import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../history/migrations.ts';
import { AdviceRecords } from './advice-records.ts';

function records(): AdviceRecords {
  const db = new Database(':memory:');
  migrate(db, migrations);
  return new AdviceRecords(db);
}

describe('AdviceRecords', () => {
  it('records advice, then where the pod ran and whether it was disrupted', () => {
    const r = records();
    const base = { source: 'pending' as const, namespace: 'shop', kubeNode: 'node-1', confidence: 0.7 };
    r.record({ ...base, at: 1, pod: 'a', advisedNode: 'node-2' });
    r.record({ ...base, at: 2, pod: 'b', advisedNode: 'node-2' });
    r.record({ ...base, at: 3, pod: 'c', advisedNode: 'node-3' });
    r.record({ ...base, source: 'spec', at: 4, pod: 'pasted-pod', advisedNode: 'node-3' });
    expect(r.open().map((o) => o.pod)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = r.open();
    r.placed(a!.id, 'node-2', 10);
    r.placed(b!.id, 'node-1', 10);
    r.resolve(a!.id, 0, 100);
    r.resolve(b!.id, 2, 100);
    expect(r.open().map((o) => o.pod)).toEqual(['c']);
    expect(c!.actualNode).toBeNull();
    expect(r.outcomes()).toEqual({
      advised: 4,
      placed: 2,
      followed: 1,
      resolvedFollowed: 1,
      disruptedFollowed: 0,
      resolvedIgnored: 1,
      disruptedIgnored: 1,
    });
  });
});
