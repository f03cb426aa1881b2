import { describe, expect, it } from 'vitest';
import { eventLifecycle, reduceEvent, type EventFacts } from './event-facts.ts';

const warning = (change: Partial<EventFacts> = {}): EventFacts => ({
  namespace: 'shop',
  name: 'web-1.17a',
  type: 'Warning',
  reason: 'BackOff',
  message: 'Back-off restarting failed container',
  count: 1,
  involved: { kind: 'Pod', name: 'web-1', namespace: 'shop' },
  ...change,
});

const nodeOfPod = (namespace: string, name: string) =>
  `${namespace}/${name}` === 'shop/web-1' ? 'node-3' : undefined;

describe('eventLifecycle', () => {
  it('records a new Warning about a pod on the pod’s node', () => {
    expect(eventLifecycle('ADDED', warning(), undefined, 1000, nodeOfPod)).toEqual([
      {
        at: 1000,
        kind: 'Warning',
        node: 'node-3',
        namespace: 'shop',
        pod: 'web-1',
        detail: 'BackOff: Back-off restarting failed container',
      },
    ]);
  });

  it('records a Warning about a node on that node', () => {
    const about = warning({
      reason: 'SystemOOM',
      involved: { kind: 'Node', name: 'node-9', namespace: undefined },
    });
    expect(eventLifecycle('ADDED', about, undefined, 5, nodeOfPod)).toMatchObject([
      { node: 'node-9', kind: 'Warning' },
    ]);
  });

  it.each([
    ['a Normal event', 'ADDED', warning({ type: 'Normal' }), undefined],
    ['a deletion', 'DELETED', warning(), warning()],
    ['an update that does not repeat', 'MODIFIED', warning({ count: 2 }), warning({ count: 2 })],
  ] as const)('ignores %s', (_what, change, after, before) => {
    expect(eventLifecycle(change, after, before, 0, nodeOfPod)).toEqual([]);
  });

  it('records a repeat when the count grows', () => {
    expect(
      eventLifecycle('MODIFIED', warning({ count: 3 }), warning({ count: 2 }), 0, nodeOfPod),
    ).toHaveLength(1);
  });
});

describe('reduceEvent', () => {
  it('reads core/v1 and events.k8s.io/v1 spellings and shortens long messages', () => {
    const core = reduceEvent({
      metadata: { name: 'e1', namespace: 'shop' },
      type: 'Warning',
      reason: 'Unhealthy',
      message: 'x'.repeat(1000),
      count: 4,
      involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'shop' },
    });
    expect(core.count).toBe(4);
    expect(core.message.length).toBeLessThan(310);
    const v1 = reduceEvent({
      metadata: { name: 'e2', namespace: 'shop' },
      type: 'Warning',
      reason: 'Unhealthy',
      note: 'probe failed',
      series: { count: 7 },
      regarding: { kind: 'Pod', name: 'web-2', namespace: 'shop' },
    });
    expect(v1).toMatchObject({ message: 'probe failed', count: 7, involved: { kind: 'Pod', name: 'web-2' } });
  });
});
