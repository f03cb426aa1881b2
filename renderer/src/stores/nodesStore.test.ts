import { describe, expect, it } from 'vitest';
import { nodeRow, snapshot } from '../testing/fixtures.ts';
import { appendTrends, createNodesStore, trendLength } from './nodesStore.ts';

describe('nodes store', () => {
  it('takes a newer snapshot and ignores an older or repeated one', () => {
    const store = createNodesStore();
    const first = snapshot(2000, [nodeRow({ cpuMillis: 100 })]);
    store.getState().applySnapshot(first);
    store.getState().applySnapshot(snapshot(2000, [nodeRow({ cpuMillis: 200 })]));
    store.getState().applySnapshot(snapshot(1000, [nodeRow({ cpuMillis: 300 })]));
    expect(store.getState().snapshot).toBe(first);
    expect(store.getState().trends.get('node-1')).toHaveLength(1);

    store.getState().applySnapshot(snapshot(3000, [nodeRow({ cpuMillis: 400 })]));
    expect(store.getState().snapshot?.nodes[0]?.cpuMillis).toBe(400);
    expect(
      store
        .getState()
        .trends.get('node-1')
        ?.map((p) => p.cpuMillis),
    ).toEqual([100, 400]);
  });

  it('clears a load error once a snapshot arrives', () => {
    const store = createNodesStore();
    store.getState().setLoadError('ClusterError');
    store.getState().applySnapshot(snapshot(1, []));
    expect(store.getState().loadError).toBeNull();
  });

  it('toggles sort on the same column and keeps the filter text as typed', () => {
    const store = createNodesStore();
    store.getState().sortBy('cpu');
    expect(store.getState().sort).toEqual({ key: 'cpu', dir: 'desc' });
    store.getState().sortBy('cpu');
    expect(store.getState().sort).toEqual({ key: 'cpu', dir: 'asc' });
    store.getState().setFilter(' Node ');
    expect(store.getState().filter).toBe(' Node ');
  });
});

describe('appendTrends', () => {
  it('keeps at most the limit of points per node, newest last', () => {
    let trends = appendTrends(new Map(), snapshot(0, [nodeRow()]), 3);
    for (let at = 1; at <= 5; at++) trends = appendTrends(trends, snapshot(at, [nodeRow()]), 3);
    expect(trends.get('node-1')?.map((p) => p.at)).toEqual([3, 4, 5]);
  });

  it('drops nodes that left and starts nodes that joined', () => {
    const before = appendTrends(new Map(), snapshot(1, [nodeRow({ name: 'a' }), nodeRow({ name: 'b' })]));
    const after = appendTrends(
      before,
      snapshot(2, [nodeRow({ name: 'b' }), nodeRow({ name: 'c', pods: 3 })]),
    );
    expect([...after.keys()]).toEqual(['b', 'c']);
    expect(after.get('b')).toHaveLength(2);
    expect(after.get('c')).toEqual([{ at: 2, cpuMillis: 1000, memoryBytes: 4 * 1024 ** 3, pods: 3 }]);
  });

  it('does not mutate the previous trends (zustand compares by identity)', () => {
    const before = appendTrends(new Map(), snapshot(1, [nodeRow()]));
    const kept = before.get('node-1');
    appendTrends(before, snapshot(2, [nodeRow()]));
    expect(kept).toHaveLength(1);
  });

  it('defaults to a limit of 60 points', () => {
    expect(trendLength).toBe(60);
  });
});
