import { describe, expect, it } from 'vitest';
import { eventLifecycle, reduceEvent, type EventFacts } from './event-facts.ts';

const warning = (change: Partial<EventFacts> = {}): EventFacts => ({
  namespace: 'shop',
  name: 'web-1.17a',
  type: 'Warning',
  reason: 'BackOff',
  message: 'Back-off restarting failed container',
  count: 1,
  component: 'kubelet',
  involved: { kind: 'Pod', name: 'web-1', namespace: 'shop' },
  ...change,
});

const kubeletStart = (change: Partial<EventFacts> = {}): EventFacts =>
  warning({
    namespace: 'default',
    name: 'node-4.starting',
    type: 'Normal',
    reason: 'Starting',
    message: 'Starting kubelet.',
    involved: { kind: 'Node', name: 'node-4', namespace: undefined },
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

  it('records a kubelet start on its Node, as KubeletStarted', () => {
    expect(eventLifecycle('ADDED', kubeletStart(), undefined, 7, nodeOfPod)).toEqual([
      { at: 7, kind: 'KubeletStarted', node: 'node-4', detail: 'Starting: Starting kubelet.' },
    ]);
  });

  it.each([
    ['a second start (the count grows)', 'MODIFIED', kubeletStart({ count: 2 }), kubeletStart(), 1],
    ['a start whose reporter is not named', 'ADDED', kubeletStart({ component: '' }), undefined, 1],
    ['kube-proxy starting on the node', 'ADDED', kubeletStart({ component: 'kube-proxy' }), undefined, 0],
    [
      'a Normal Starting event about a pod',
      'ADDED',
      kubeletStart({ involved: { kind: 'Pod', name: 'web-1', namespace: 'shop' } }),
      undefined,
      0,
    ],
    ['another Normal event on a Node', 'ADDED', kubeletStart({ reason: 'NodeReady' }), undefined, 0],
    ['the same start seen again', 'MODIFIED', kubeletStart(), kubeletStart(), 0],
    ['a deleted start', 'DELETED', kubeletStart(), kubeletStart(), 0],
  ] as const)('kubelet starts: %s gives %i event(s)', (_what, change, after, before, count) => {
    const events = eventLifecycle(change, after, before, 0, nodeOfPod);
    expect(events).toHaveLength(count);
    for (const event of events) expect(event).toMatchObject({ kind: 'KubeletStarted', node: 'node-4' });
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

  it.each([
    ['source.component', { source: { component: 'kubelet', host: 'node-1' } }, 'kubelet'],
    ['reportingComponent', { reportingComponent: 'kube-proxy' }, 'kube-proxy'],
    ['events.k8s.io reportingController', { reportingController: 'kubelet' }, 'kubelet'],
    ['events.k8s.io deprecatedSource', { deprecatedSource: { component: 'kubelet' } }, 'kubelet'],
    ['nothing', {}, ''],
  ])('reads the reporter from %s', (_where, fields, component) => {
    expect(
      reduceEvent({ metadata: { name: 'e' }, type: 'Normal', reason: 'Starting', ...fields }).component,
    ).toBe(component);
  });
});
