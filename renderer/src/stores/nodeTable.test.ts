import { describe, expect, it } from 'vitest';
import { nodeRow } from '../testing/fixtures.ts';
import { filterNodes, nextSort, sortNodes, statusRank, visibleNodes, type NodeSort } from './nodeTable.ts';

const nodes = [
  nodeRow({ name: 'node-10', cpuMillis: 3000, memoryBytes: 1e9, pods: 50, roles: ['worker'] }),
  nodeRow({ name: 'node-2', cpuMillis: 1000, memoryBytes: 8e9, pods: 5, roles: ['control-plane'] }),
  nodeRow({ name: 'node-1', ready: false, cpuMillis: null, memoryBytes: null, pods: 0, roles: [] }),
  nodeRow({
    name: 'gpu-1',
    unschedulable: true,
    cpuMillis: 2000,
    memoryBytes: 2e9,
    pods: 20,
    roles: ['gpu'],
  }),
];

const names = (rows: readonly { name: string }[]) => rows.map((row) => row.name);

describe('sortNodes', () => {
  it.each<[string, NodeSort, string[]]>([
    [
      'name ascending, numbers in natural order',
      { key: 'name', dir: 'asc' },
      ['gpu-1', 'node-1', 'node-2', 'node-10'],
    ],
    ['name descending', { key: 'name', dir: 'desc' }, ['node-10', 'node-2', 'node-1', 'gpu-1']],
    ['status: worst first', { key: 'status', dir: 'asc' }, ['node-1', 'gpu-1', 'node-2', 'node-10']],
    [
      'cpu busiest first, unknown last',
      { key: 'cpu', dir: 'desc' },
      ['node-10', 'gpu-1', 'node-2', 'node-1'],
    ],
    [
      'cpu idlest first, unknown still last',
      { key: 'cpu', dir: 'asc' },
      ['node-2', 'gpu-1', 'node-10', 'node-1'],
    ],
    ['memory busiest first', { key: 'memory', dir: 'desc' }, ['node-2', 'gpu-1', 'node-10', 'node-1']],
    ['pods busiest first', { key: 'pods', dir: 'desc' }, ['node-10', 'gpu-1', 'node-2', 'node-1']],
    [
      'roles alphabetical, none first',
      { key: 'roles', dir: 'asc' },
      ['node-1', 'node-2', 'gpu-1', 'node-10'],
    ],
  ])('%s', (_label, sort, expected) => {
    expect(names(sortNodes(nodes, sort))).toEqual(expected);
  });

  it('breaks ties by name so rows do not jump between snapshots', () => {
    const tied = [nodeRow({ name: 'b' }), nodeRow({ name: 'c' }), nodeRow({ name: 'a' })];
    expect(names(sortNodes(tied, { key: 'cpu', dir: 'desc' }))).toEqual(['a', 'b', 'c']);
  });

  it('does not modify its input', () => {
    const input = [...nodes];
    sortNodes(input, { key: 'name', dir: 'asc' });
    expect(input).toEqual(nodes);
  });
});

describe('filterNodes', () => {
  it.each([
    ['', 4],
    ['   ', 4],
    ['node', 3],
    ['NODE-1', 2],
    [' gpu ', 1],
    ['nothing', 0],
  ])('"%s" keeps %i nodes', (filter, count) => {
    expect(filterNodes(nodes, filter)).toHaveLength(count);
  });
});

describe('visibleNodes', () => {
  it('filters, then sorts', () => {
    expect(names(visibleNodes(nodes, { key: 'name', dir: 'desc' }, 'node-1'))).toEqual(['node-10', 'node-1']);
  });
});

describe('nextSort', () => {
  it.each<[NodeSort, NodeSort['key'], NodeSort]>([
    [{ key: 'name', dir: 'asc' }, 'name', { key: 'name', dir: 'desc' }],
    [{ key: 'name', dir: 'desc' }, 'name', { key: 'name', dir: 'asc' }],
    [{ key: 'name', dir: 'asc' }, 'cpu', { key: 'cpu', dir: 'desc' }],
    [{ key: 'cpu', dir: 'desc' }, 'memory', { key: 'memory', dir: 'desc' }],
    [{ key: 'cpu', dir: 'desc' }, 'status', { key: 'status', dir: 'asc' }],
    [{ key: 'cpu', dir: 'desc' }, 'pods', { key: 'pods', dir: 'desc' }],
  ])('%o, click %s → %o', (current, key, expected) => {
    expect(nextSort(current, key)).toEqual(expected);
  });
});

describe('statusRank', () => {
  it.each([
    [false, false, 0],
    [false, true, 0],
    [true, true, 1],
    [true, false, 2],
  ])('ready=%s unschedulable=%s → %i', (ready, unschedulable, rank) => {
    expect(statusRank({ ready, unschedulable })).toBe(rank);
  });
});
