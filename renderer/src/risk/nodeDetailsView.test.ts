import { describe, expect, it } from 'vitest';
import { allocatedRows, formatAge, resourceListText, taintText } from './nodeDetailsView.ts';

describe('formatAge', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it.each([
    ['2026-11-23T11:59:15Z', '45s'],
    ['2026-11-23T11:30:00Z', '30m'],
    ['2026-11-23T07:00:00Z', '5h'],
    ['2026-11-20T12:00:00Z', '3d'],
    [undefined, '—'],
    ['not a time', '—'],
  ])('%s → %s', (createdAt, expected) => {
    expect(formatAge(createdAt, now)).toBe(expected);
  });
});

describe('allocatedRows', () => {
  it('prints requests and limits with kubectl’s truncated percentage of allocatable', () => {
    expect(
      allocatedRows({
        cpuMillis: { requests: 750, limits: 5000, allocatable: 3800 },
        memoryBytes: { requests: 512 * 2 ** 20, limits: 0, allocatable: 0 },
      }),
    ).toEqual([
      { resource: 'cpu', requests: '750m (19%)', limits: '5 (131%)', allocatable: '3.8' },
      { resource: 'memory', requests: '512Mi (0%)', limits: '0B (0%)', allocatable: '0B' },
    ]);
  });
});

describe('taintText and resourceListText', () => {
  it.each([
    [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }, 'dedicated=gpu:NoExecute'],
    [
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
      'node.kubernetes.io/unschedulable:NoSchedule',
    ],
  ])('%o → %s', (taint, expected) => {
    expect(taintText(taint)).toBe(expected);
  });

  it('lists resources in order, or a dash for none', () => {
    expect(resourceListText({ cpu: '4', memory: '16Gi', pods: '110' })).toBe(
      'cpu: 4, memory: 16Gi, pods: 110',
    );
    expect(resourceListText({})).toBe('—');
  });
});
