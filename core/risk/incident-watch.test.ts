import { describe, expect, it } from 'vitest';
import type { LifecycleEvent } from '../kube/lifecycle.ts';
import { IncidentWatch, summarize } from './incident-watch.ts';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 24, 6, 0);

const probe = (node: string, atMin: number): LifecycleEvent => ({
  at: T0 + atMin * MINUTE,
  kind: 'Warning',
  node,
  namespace: 'shop',
  pod: 'web-1',
  detail: 'Unhealthy: Readiness probe failed',
});
const oomKill = (node: string, atMin: number, pod: string): LifecycleEvent => ({
  at: T0 + atMin * MINUTE,
  kind: 'PodOOMKilled',
  node,
  namespace: 'shop',
  pod,
  detail: 'OOMKilled',
});
/** `count` failing probes, one every 6 s from `fromMin`. */
const probes = (node: string, fromMin: number, count: number) =>
  Array.from({ length: count }, (_, i) => probe(node, fromMin + i / 10));

describe('the live incident watch', () => {
  it('reports a burst of forty failing probes once, with how often the signal came, not forty times', () => {
    const watch = new IncidentWatch();
    const { started, troubled } = watch.observe(probes('node-06', 0, 40));
    expect(started).toEqual([
      {
        node: 'node-06',
        at: T0 + 0.2 * MINUTE,
        kind: 'network',
        message: 'node-06: 3+ failing probes in 5 min (38×).',
      },
    ]);
    expect([...troubled]).toEqual(['node-06']);
  });

  it('does not report an episode again while its signals continue; a new one after 30 quiet minutes is reported', () => {
    const watch = new IncidentWatch();
    expect(watch.observe(probes('node-06', 0, 5)).started).toHaveLength(1);
    const continuing = watch.observe(probes('node-06', 10, 5));
    expect(continuing.started).toEqual([]);
    expect([...continuing.troubled]).toEqual(['node-06']);
    const later = watch.observe([oomKill('node-06', 45, 'cache-2')]);
    expect(later.started.map((i) => i.message)).toEqual(['node-06: OOMKill of cache-2.']);
  });

  it('sees a burst that straddles two collections', () => {
    const watch = new IncidentWatch();
    expect(watch.observe([probe('node-02', 0), probe('node-02', 1)]).started).toEqual([]);
    const second = watch.observe([probe('node-02', 2)]);
    expect(second.started.map((i) => [i.node, i.at])).toEqual([['node-02', T0 + 2 * MINUTE]]);
  });

  it('keeps nodes apart: one node in trouble does not hide another starting', () => {
    const watch = new IncidentWatch();
    watch.observe(probes('node-01', 0, 3));
    const { started } = watch.observe([...probes('node-01', 1, 3), oomKill('node-04', 1, 'db-0')]);
    expect(started.map((i) => i.node)).toEqual(['node-04']);
  });

  it('names three different signals, then says how many more', () => {
    const signal = (what: string) => ({ at: T0, kind: 'resource-exhaustion' as const, what });
    expect(summarize([signal('OOMKill of a'), signal('OOMKill of a'), signal('OOMKill of b')])).toBe(
      'OOMKill of a (2×); OOMKill of b',
    );
    expect(summarize(['a', 'b', 'c', 'd', 'e'].map((p) => signal(`OOMKill of ${p}`)))).toBe(
      'OOMKill of a; OOMKill of b; OOMKill of c and 2 more',
    );
  });
});
