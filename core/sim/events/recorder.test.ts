import { describe, expect, it } from 'vitest';
import { keys } from '../store/api-resources.ts';
import { ObjectStore } from '../store/object-store.ts';
import type { CoreEvent } from '../kube/types.ts';
import { EventRecorder } from './recorder.ts';

function setup() {
  let now = Date.UTC(2025, 0, 1, 12, 0, 0);
  let uid = 0;
  const store = new ObjectStore({ now: () => now, newUid: () => `uid-${++uid}` });
  const recorder = new EventRecorder(store, () => now);
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'shop', uid: 'p1' } };
  return { store, recorder, pod, advance: (ms: number) => (now += ms) };
}

describe('EventRecorder', () => {
  it('writes a core/v1 Event like client-go, named after the object and the time', () => {
    const { store, recorder, pod } = setup();
    recorder.record({ component: 'kubelet', host: 'node-01' }, pod, {
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off',
      fieldPath: 'spec.containers{web}',
    });
    const [event] = store.list(keys.events) as CoreEvent[];
    expect(event).toMatchObject({
      metadata: { namespace: 'shop', name: expect.stringMatching(/^web-1\.[0-9a-f]+$/) },
      involvedObject: {
        kind: 'Pod',
        namespace: 'shop',
        name: 'web-1',
        uid: 'p1',
        apiVersion: 'v1',
        fieldPath: 'spec.containers{web}',
      },
      reason: 'BackOff',
      type: 'Warning',
      count: 1,
      source: { component: 'kubelet', host: 'node-01' },
      firstTimestamp: '2025-01-01T12:00:00Z',
      lastTimestamp: '2025-01-01T12:00:00Z',
      reportingComponent: 'kubelet',
      reportingInstance: 'node-01',
    });
  });

  it.each([
    ['the same event again', { reason: 'BackOff', message: 'Back-off' }, 1, 2],
    ['another message', { reason: 'BackOff', message: 'Back-off 20s' }, 2, 1],
    ['another reason', { reason: 'Unhealthy', message: 'Back-off' }, 2, 1],
  ])('%s → %i events, the first counted %i times', (_name, second, events, firstCount) => {
    const { store, recorder, pod, advance } = setup();
    recorder.record({ component: 'kubelet' }, pod, {
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off',
    });
    advance(10_000);
    recorder.record({ component: 'kubelet' }, pod, { type: 'Warning', ...second });
    const list = store.list(keys.events) as CoreEvent[];
    expect(list).toHaveLength(events);
    const first = list.find((e) => e.firstTimestamp === '2025-01-01T12:00:00Z');
    expect(first?.count).toBe(firstCount);
    if (firstCount === 2) expect(first?.lastTimestamp).toBe('2025-01-01T12:00:10Z');
  });

  it('files events of cluster-scoped objects in default and expires them an hour after their last update', () => {
    const { store, recorder, advance } = setup();
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-01', uid: 'n1' } };
    recorder.record({ component: 'kubelet' }, node, {
      type: 'Normal',
      reason: 'Starting',
      message: 'Starting kubelet.',
    });
    advance(50 * 60_000);
    recorder.record({ component: 'kubelet' }, node, {
      type: 'Normal',
      reason: 'Starting',
      message: 'Starting kubelet.',
    });
    advance(30 * 60_000);
    recorder.expire(Date.UTC(2025, 0, 1, 13, 20, 0));
    expect(store.list(keys.events, 'default')).toHaveLength(1);
    advance(31 * 60_000);
    recorder.expire(Date.UTC(2025, 0, 1, 13, 51, 0));
    expect(store.count(keys.events)).toBe(0);
    // A new occurrence after expiry starts a new event.
    recorder.record({ component: 'kubelet' }, node, {
      type: 'Normal',
      reason: 'Starting',
      message: 'Starting kubelet.',
    });
    expect((store.list(keys.events) as CoreEvent[])[0]?.count).toBe(1);
  });

  it('digests the log: equal sequences, equal digests', () => {
    const a = setup();
    const b = setup();
    for (const s of [a, b])
      s.recorder.record({ component: 'x' }, s.pod, { type: 'Normal', reason: 'R', message: 'm' });
    expect(a.recorder.digest()).toBe(b.recorder.digest());
    a.recorder.record({ component: 'x' }, a.pod, { type: 'Normal', reason: 'R', message: 'm' });
    expect(a.recorder.digest()).not.toBe(b.recorder.digest());
  });
});
