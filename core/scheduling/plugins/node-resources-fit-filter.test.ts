import { describe, expect, it } from 'vitest';
import type { PodObject, ResourceList } from '../kube-objects.ts';
import { makePod, node, type PodBuilder } from '../testing/builders.ts';
import { filterNode } from '../testing/run-plugin.ts';
import { nodeResourcesFitFilter } from './node-resources-fit.ts';

/**
 * Ported from kubernetes/kubernetes noderesources/fit_test.go (TestEnoughRequests and
 * TestNotEnoughRequests): a node with 10m cpu, 20 bytes memory, 32 pods, 5 example.com/aaa,
 * 20 bytes ephemeral-storage and 5 hugepages-2Mi; "used" is what pods there already request.
 */
const extendedA = 'example.com/aaa';
const extendedB = 'example.com/bbb';
const hugePageA = 'hugepages-2Mi';

function allocatable(pods = 32): ResourceList {
  return {
    cpu: '10m',
    memory: '20',
    pods: String(pods),
    [extendedA]: '5',
    'ephemeral-storage': '20',
    [hugePageA]: '5',
  };
}

function res(cpu: number, memory: number, extra: Record<string, number> = {}): ResourceList {
  const list: ResourceList = { cpu: `${cpu}m`, memory: String(memory) };
  for (const [k, v] of Object.entries(extra)) list[k] = String(v);
  return list;
}

function pod(
  containers: ResourceList[],
  init: ResourceList[] = [],
  build?: (b: PodBuilder) => void,
): PodObject {
  const b = makePod();
  for (const c of containers) b.req(c);
  for (const c of init) b.initReq(c);
  build?.(b);
  return b.obj();
}

interface Case {
  name: string;
  pod: PodObject;
  used: ResourceList;
  reasons: string[];
  pods?: number;
  existingCount?: number;
}

const cases: Case[] = [
  { name: 'no resources requested always fits', pod: pod([]), used: res(10, 20), reasons: [] },
  {
    name: 'too many resources fails',
    pod: pod([res(1, 1)]),
    used: res(10, 20),
    reasons: ['Insufficient cpu', 'Insufficient memory'],
  },
  {
    name: 'too many resources fails due to init container cpu',
    pod: pod([res(1, 1)], [res(3, 1)]),
    used: res(8, 19),
    reasons: ['Insufficient cpu'],
  },
  {
    name: 'too many resources fails due to highest init container cpu',
    pod: pod([res(1, 1)], [res(3, 1), res(2, 1)]),
    used: res(8, 19),
    reasons: ['Insufficient cpu'],
  },
  {
    name: 'too many resources fails due to init container memory',
    pod: pod([res(1, 1)], [res(1, 3)]),
    used: res(9, 19),
    reasons: ['Insufficient memory'],
  },
  {
    name: 'too many resources fails due to highest init container memory',
    pod: pod([res(1, 1)], [res(1, 3), res(1, 2)]),
    used: res(9, 19),
    reasons: ['Insufficient memory'],
  },
  {
    name: "init container fits because it's the max, not sum, of containers and init containers",
    pod: pod([res(1, 1)], [res(1, 1)]),
    used: res(9, 19),
    reasons: [],
  },
  {
    name: "multiple init containers fit because it's the max, not sum, of containers and init containers",
    pod: pod([res(1, 1)], [res(1, 1), res(1, 1)]),
    used: res(9, 19),
    reasons: [],
  },
  { name: 'both resources fit', pod: pod([res(1, 1)]), used: res(5, 5), reasons: [] },
  { name: 'one resource memory fits', pod: pod([res(2, 1)]), used: res(9, 5), reasons: ['Insufficient cpu'] },
  {
    name: 'one resource cpu fits',
    pod: pod([res(1, 2)]),
    used: res(5, 19),
    reasons: ['Insufficient memory'],
  },
  { name: 'equal edge case', pod: pod([res(5, 1)]), used: res(5, 19), reasons: [] },
  {
    name: 'equal edge case for init container',
    pod: pod([res(4, 1)], [res(5, 1)]),
    used: res(5, 19),
    reasons: [],
  },
  {
    name: 'extended resource fits',
    pod: pod([res(0, 0, { [extendedA]: 1 })]),
    used: res(0, 0),
    reasons: [],
  },
  {
    name: 'extended resource fits for init container',
    pod: pod([], [res(0, 0, { [extendedA]: 1 })]),
    used: res(0, 0),
    reasons: [],
  },
  {
    name: 'extended resource capacity enforced',
    pod: pod([res(0, 0, { [extendedA]: 10 })]),
    used: res(0, 0),
    reasons: [`Insufficient ${extendedA}`],
  },
  {
    name: 'extended resource capacity enforced for init container',
    pod: pod([], [res(0, 0, { [extendedA]: 10 })]),
    used: res(0, 0),
    reasons: [`Insufficient ${extendedA}`],
  },
  {
    name: 'extended resource allocatable enforced',
    pod: pod([res(0, 0, { [extendedA]: 1 })]),
    used: res(0, 0, { [extendedA]: 5 }),
    reasons: [`Insufficient ${extendedA}`],
  },
  {
    name: 'extended resource allocatable enforced for multiple containers',
    pod: pod([res(0, 0, { [extendedA]: 3 }), res(0, 0, { [extendedA]: 3 })]),
    used: res(0, 0, { [extendedA]: 2 }),
    reasons: [`Insufficient ${extendedA}`],
  },
  {
    name: 'extended resource allocatable admits multiple init containers',
    pod: pod([], [res(0, 0, { [extendedA]: 3 }), res(0, 0, { [extendedA]: 3 })]),
    used: res(0, 0, { [extendedA]: 2 }),
    reasons: [],
  },
  {
    name: 'extended resource allocatable enforced for multiple init containers',
    pod: pod([], [res(0, 0, { [extendedA]: 6 }), res(0, 0, { [extendedA]: 3 })]),
    used: res(0, 0, { [extendedA]: 2 }),
    reasons: [`Insufficient ${extendedA}`],
  },
  {
    name: 'extended resource allocatable enforced for unknown resource',
    pod: pod([res(0, 0, { [extendedB]: 1 })]),
    used: res(0, 0),
    reasons: [`Insufficient ${extendedB}`],
  },
  {
    name: 'extended resource allocatable enforced for unknown resource for init container',
    pod: pod([], [res(0, 0, { [extendedB]: 1 })]),
    used: res(0, 0),
    reasons: [`Insufficient ${extendedB}`],
  },
  {
    name: 'kubernetes.io resource capacity enforced',
    pod: pod([res(0, 0, { 'kubernetes.io/something': 10 })]),
    used: res(0, 0),
    reasons: ['Insufficient kubernetes.io/something'],
  },
  {
    name: 'hugepages resource capacity enforced',
    pod: pod([res(0, 0, { [hugePageA]: 10 })]),
    used: res(0, 0),
    reasons: [`Insufficient ${hugePageA}`],
  },
  {
    name: 'hugepages resource capacity enforced for init container',
    pod: pod([], [res(0, 0, { [hugePageA]: 10 })]),
    used: res(0, 0),
    reasons: [`Insufficient ${hugePageA}`],
  },
  {
    name: 'hugepages resource allocatable enforced for multiple containers',
    pod: pod([res(0, 0, { [hugePageA]: 3 }), res(0, 0, { [hugePageA]: 3 })]),
    used: res(0, 0, { [hugePageA]: 2 }),
    reasons: [`Insufficient ${hugePageA}`],
  },
  {
    name: 'skip checking resource request with quantity zero',
    pod: pod([res(1, 1, { [extendedB]: 0 })]),
    used: res(0, 0),
    reasons: [],
  },
  {
    name: 'resources + pod overhead fits',
    pod: pod([res(1, 1)], [], (b) => b.overhead({ cpu: '3m', memory: '13' })),
    used: res(5, 5),
    reasons: [],
  },
  {
    name: 'requests + overhead does not fit for memory',
    pod: pod([res(1, 1)], [], (b) => b.overhead({ cpu: '1m', memory: '15' })),
    used: res(5, 5),
    reasons: ['Insufficient memory'],
  },
  {
    name: 'ephemeral-storage capacity enforced',
    pod: pod([{ 'ephemeral-storage': '25' }]),
    used: res(0, 0),
    reasons: ['Insufficient ephemeral-storage'],
  },
  {
    name: 'a sidecar (restartable init container) adds to the app containers',
    pod: pod([res(4, 1)], [], (b) => b.initReq(res(2, 1), 'Always')),
    used: res(5, 5),
    reasons: ['Insufficient cpu'],
  },
  // TestNotEnoughRequests: a node with room for one pod that already runs one.
  {
    name: 'even without specified resources, predicate fails when there is no space for additional pod',
    pod: pod([]),
    used: res(10, 20),
    pods: 1,
    reasons: ['Too many pods'],
  },
  {
    name: 'even if both resources fit, predicate fails when there is no space for additional pod',
    pod: pod([res(1, 1)]),
    used: res(5, 5),
    pods: 1,
    reasons: ['Too many pods'],
  },
  {
    name: 'even for equal edge case, predicate fails when there is no space for additional pod',
    pod: pod([res(5, 1)]),
    used: res(5, 19),
    pods: 1,
    reasons: ['Too many pods'],
  },
  {
    name: 'even for equal edge case with init container, predicate fails when there is no space for additional pod',
    pod: pod([res(5, 1)], [res(5, 1)]),
    used: res(5, 19),
    pods: 1,
    reasons: ['Too many pods'],
  },
];

describe('NodeResourcesFit filter (fit_test.go)', () => {
  it.each(cases)('$name', (c) => {
    const n = node('machine1', allocatable(c.pods));
    const existing = makePod().name('used').node('machine1').req(c.used).obj();
    const failure = filterNode(nodeResourcesFitFilter, c.pod, n, [existing]);
    expect(failure?.reasons ?? []).toEqual(c.reasons);
    if (failure) expect(failure.plugin).toBe('NodeResourcesFit');
  });

  it('a request larger than the whole node is unresolvable; one that needs room freed is not', () => {
    const n = node('machine1', allocatable());
    const used = makePod().node('machine1').req(res(8, 0)).obj();
    expect(filterNode(nodeResourcesFitFilter, pod([res(11, 0)]), n, [used])?.code).toBe(
      'UnschedulableAndUnresolvable',
    );
    expect(filterNode(nodeResourcesFitFilter, pod([res(3, 0)]), n, [used])?.code).toBe('Unschedulable');
  });

  it('terminated pods do not hold resources or pod slots', () => {
    const n = node('machine1', allocatable(1));
    const done = makePod().node('machine1').req(res(10, 20)).phase('Succeeded').obj();
    expect(filterNode(nodeResourcesFitFilter, pod([res(5, 5)]), n, [done])).toBeUndefined();
  });
});
