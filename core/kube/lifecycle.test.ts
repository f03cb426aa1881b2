import { describe, expect, it } from 'vitest';
import { isBadCondition, nodeLifecycle, podLifecycle } from './lifecycle.ts';
import type { NodeFacts } from './node-facts.ts';
import type { PodFacts } from './pod-facts.ts';

const pod = (change: Partial<PodFacts> = {}): PodFacts => ({
  namespace: 'shop',
  name: 'cart-1',
  nodeName: 'node-1',
  phase: 'Running',
  restarts: 0,
  lastTermination: undefined,
  reason: undefined,
  owner: undefined,
  object: { metadata: { name: 'cart-1', namespace: 'shop' }, spec: { containers: [] }, status: {} },
  ...change,
});

const node = (change: Partial<NodeFacts> = {}): NodeFacts => ({
  name: 'node-1',
  ready: true,
  unschedulable: false,
  roles: [],
  cpuAllocatableMillis: 4000,
  memoryAllocatableBytes: 2 ** 34,
  podCapacity: 110,
  conditions: { Ready: 'True', MemoryPressure: 'False' },
  object: { metadata: { name: 'node-1' }, spec: {}, status: {} },
  ...change,
});

describe('podLifecycle', () => {
  it.each([
    {
      name: 'a restart',
      before: pod(),
      after: pod({ restarts: 1, lastTermination: 'Error' }),
      kinds: ['PodRestarted'],
    },
    {
      name: 'an OOMKill',
      before: pod({ restarts: 2 }),
      after: pod({ restarts: 3, lastTermination: 'OOMKilled' }),
      kinds: ['PodOOMKilled'],
    },
    {
      name: 'an eviction',
      before: pod(),
      after: pod({ phase: 'Failed', reason: 'Evicted' }),
      kinds: ['PodEvicted', 'PodPhase'],
    },
    {
      name: 'being scheduled',
      before: pod({ nodeName: undefined, phase: 'Pending' }),
      after: pod(),
      kinds: ['PodScheduled', 'PodPhase'],
    },
    { name: 'nothing that matters', before: pod(), after: pod(), kinds: [] },
  ])('$name', ({ before, after, kinds }) => {
    expect(podLifecycle('MODIFIED', after, before, 1).map((e) => e.kind)).toEqual(kinds);
  });

  it('names the node, namespace and pod, and the transition', () => {
    const [event] = podLifecycle('MODIFIED', pod({ phase: 'Failed' }), pod(), 42);
    expect(event).toEqual({
      at: 42,
      kind: 'PodPhase',
      node: 'node-1',
      namespace: 'shop',
      pod: 'cart-1',
      detail: 'Running→Failed',
    });
  });

  it('a deleted pod is one PodDeleted', () => {
    expect(podLifecycle('DELETED', pod(), pod(), 1).map((e) => e.kind)).toEqual(['PodDeleted']);
  });
});

describe('nodeLifecycle', () => {
  it.each([
    {
      name: 'NotReady',
      after: node({ conditions: { Ready: 'False', MemoryPressure: 'False' } }),
      details: ['Ready=False'],
    },
    {
      name: 'memory pressure',
      after: node({ conditions: { Ready: 'True', MemoryPressure: 'True' } }),
      details: ['MemoryPressure=True'],
    },
    { name: 'a cordon', after: node({ unschedulable: true }), details: [''] },
    { name: 'nothing', after: node(), details: [] },
  ])('$name', ({ after, details }) => {
    expect(nodeLifecycle('MODIFIED', after, node(), 1).map((e) => e.detail)).toEqual(details);
  });

  it('a node first seen in trouble is recorded with its bad conditions, a healthy one only as added', () => {
    const down = node({ conditions: { Ready: 'Unknown', DiskPressure: 'True', MemoryPressure: 'False' } });
    expect(nodeLifecycle('ADDED', down, undefined, 1).map((e) => `${e.kind} ${e.detail}`)).toEqual([
      'NodeAdded ',
      'NodeCondition Ready=Unknown',
      'NodeCondition DiskPressure=True',
    ]);
    expect(nodeLifecycle('ADDED', node(), undefined, 1).map((e) => e.kind)).toEqual(['NodeAdded']);
  });

  it.each([
    ['Ready', 'True', false],
    ['Ready', 'False', true],
    ['Ready', 'Unknown', true],
    ['MemoryPressure', 'True', true],
    ['PIDPressure', 'False', false],
    ['NetworkUnavailable', 'True', true],
    ['SomeVendorCondition', 'True', false],
  ])('%s=%s is bad: %s', (type, status, bad) => {
    expect(isBadCondition(type, status)).toBe(bad);
  });

  it('a cordon and its undoing are named', () => {
    expect(nodeLifecycle('MODIFIED', node({ unschedulable: true }), node(), 1)[0]?.kind).toBe('NodeCordoned');
    expect(nodeLifecycle('MODIFIED', node(), node({ unschedulable: true }), 1)[0]?.kind).toBe(
      'NodeUncordoned',
    );
  });
});
