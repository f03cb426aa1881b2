import { describe, expect, it } from 'vitest';
import type { LifecycleEvent } from '../kube/lifecycle.ts';
import { EPISODE_GAP_MS, incidentEpisodes, incidentSignals, labelAt } from './incident-labels.ts';

const MIN = 60_000;
const ev = (at: number, kind: LifecycleEvent['kind'], detail = '', pod?: string): LifecycleEvent => ({
  at: at * MIN,
  kind,
  node: 'n1',
  detail,
  ...(pod ? { pod } : {}),
});

describe('incident labels from history', () => {
  it.each([
    ['an OOM kill', [ev(1, 'PodOOMKilled', '1 restart(s)', 'p')], 'resource-exhaustion'],
    ['an eviction', [ev(1, 'PodEvicted', 'Failed', 'p')], 'resource-exhaustion'],
    ['MemoryPressure=True', [ev(1, 'NodeCondition', 'MemoryPressure=True')], 'resource-exhaustion'],
    ['Ready=Unknown', [ev(1, 'NodeCondition', 'Ready=Unknown')], 'node-down'],
    ['Ready=False', [ev(1, 'NodeCondition', 'Ready=False')], 'node-down'],
    [
      'three failing probes in 5 min',
      [1, 2, 3].map((m) => ev(m, 'Warning', 'Unhealthy: Readiness probe failed')),
      'network',
    ],
    [
      'three restarts in 30 min',
      [1, 10, 20].map((m) => ev(m, 'PodRestarted', '1 restart(s)', 'p')),
      'pod-failures',
    ],
  ])('%s is an incident of kind %s', (_, events, kind) => {
    expect(incidentSignals(events)[0]?.kind).toBe(kind);
  });

  it.each([
    ['a recovery', [ev(1, 'NodeCondition', 'Ready=True'), ev(2, 'NodeCondition', 'DiskPressure=False')]],
    ['two failing probes', [1, 2].map((m) => ev(m, 'Warning', 'Unhealthy: probe failed'))],
    ['probes spread over 20 min', [1, 10, 20].map((m) => ev(m, 'Warning', 'Unhealthy: probe failed'))],
    ['two restarts', [1, 2].map((m) => ev(m, 'PodRestarted', '1 restart(s)'))],
    ['routine events', [ev(1, 'PodScheduled', 'n1'), ev(2, 'PodDeleted'), ev(3, 'NodeCordoned')]],
  ])('%s is not an incident', (_, events) => {
    expect(incidentSignals(events)).toEqual([]);
  });

  it('groups signals closer than the gap into one episode', () => {
    const gap = EPISODE_GAP_MS / MIN;
    const events = [
      ev(10, 'PodOOMKilled', '', 'p'),
      ev(22, 'PodOOMKilled', '', 'p'),
      ev(22 + gap + 1, 'PodEvicted', '', 'q'),
    ];
    const episodes = incidentEpisodes('n1', events);
    expect(episodes.map((e) => [e.startMs / MIN, e.lastMs / MIN])).toEqual([
      [10, 22],
      [22 + gap + 1, 22 + gap + 1],
    ]);
  });

  it('labels points before, during and after an episode', () => {
    const episodes = incidentEpisodes('n1', [ev(100, 'PodOOMKilled', '', 'p')]);
    const horizon = 30 * MIN;
    expect(labelAt(60 * MIN, episodes, horizon).state).toBe('quiet');
    expect(labelAt(75 * MIN, episodes, horizon).state).toBe('before');
    expect(labelAt(99 * MIN, episodes, horizon).state).toBe('before');
    expect(labelAt(100 * MIN, episodes, horizon).state).toBe('during');
    expect(labelAt(129 * MIN, episodes, horizon).state).toBe('during');
    expect(labelAt(131 * MIN, episodes, horizon).state).toBe('quiet');
  });
});
