import { describe, expect, it } from 'vitest';
import type { NodeObject, PodObject } from '../kube-objects.ts';
import { makePod, node } from '../testing/builders.ts';
import { scoreNodes } from '../testing/run-plugin.ts';
import { nodeResourcesFitScore, type ScoringStrategy } from './node-resources-fit.ts';
import type { ResourceSpec } from './resource-scorers.ts';

/**
 * Ported from kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources
 * least_allocated_test.go and most_allocated_test.go (RequestedToCapacityRatio: its own file):
 * same pods, nodes and expected integers. Capacities like "4000" are whole cores, as upstream.
 */
const extendedRes = 'abc.com/xyz';
const defaultResources: ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];
const extendedResourceSet: ResourceSpec[] = [...defaultResources, { name: extendedRes, weight: 1 }];
const cap = (name: string, cpu: string, memory: string, extra: Record<string, string> = {}): NodeObject =>
  node(name, { cpu, memory, ...extra });
const twoContainerPod = (): PodObject =>
  makePod().req({ cpu: '1000', memory: '2000' }).req({ cpu: '2000', memory: '3000' }).obj();

interface Case {
  name: string;
  pod: PodObject;
  nodes: NodeObject[];
  existing?: PodObject[];
  resources?: ResourceSpec[];
  expected: number[];
}

const leastAllocatedCases: Case[] = [
  {
    name: 'nothing scheduled, nothing requested',
    pod: makePod().obj(),
    nodes: [cap('node1', '4000', '10000'), cap('node2', '4000', '10000')],
    expected: [100, 100],
  },
  {
    name: 'nothing scheduled, resources requested, differently sized nodes',
    pod: twoContainerPod(),
    nodes: [cap('node1', '4000', '10000'), cap('node2', '6000', '10000')],
    expected: [37, 50],
  },
  {
    name: 'no resources requested, pods scheduled',
    pod: makePod().obj(),
    nodes: [cap('node1', '4000', '10000'), cap('node2', '4000', '10000')],
    existing: [makePod().node('node1').obj(), makePod().node('node1').obj(), makePod().node('node2').obj()],
    expected: [100, 100],
  },
  {
    name: 'no resources requested, pods scheduled with resources',
    pod: makePod().obj(),
    nodes: [cap('node1', '10000', '20000'), cap('node2', '10000', '20000')],
    existing: [
      makePod().node('node1').req({ cpu: '3000', memory: '0' }).obj(),
      makePod().node('node1').req({ cpu: '3000', memory: '0' }).obj(),
      makePod().node('node2').req({ cpu: '3000', memory: '0' }).obj(),
      makePod().node('node2').req({ cpu: '3000', memory: '5000' }).obj(),
    ],
    expected: [70, 57],
  },
  {
    name: 'resources requested, pods scheduled with resources',
    pod: twoContainerPod(),
    nodes: [cap('node1', '10000', '20000'), cap('node2', '10000', '20000')],
    existing: [
      makePod().node('node1').req({ cpu: '3000', memory: '0' }).obj(),
      makePod().node('node2').req({ cpu: '3000', memory: '5000' }).obj(),
    ],
    expected: [57, 45],
  },
  {
    name: 'resources requested, pods scheduled with resources, differently sized nodes',
    pod: twoContainerPod(),
    nodes: [cap('node1', '10000', '20000'), cap('node2', '10000', '50000')],
    existing: [
      makePod().node('node1').req({ cpu: '3000', memory: '0' }).obj(),
      makePod().node('node2').req({ cpu: '3000', memory: '5000' }).obj(),
    ],
    expected: [57, 60],
  },
  {
    name: 'requested resources exceed node capacity',
    pod: makePod().req({ cpu: '3000', memory: '0' }).obj(),
    nodes: [cap('node1', '4000', '10000'), cap('node2', '4000', '10000')],
    existing: [
      makePod().node('node1').req({ cpu: '3000', memory: '0' }).obj(),
      makePod().node('node2').req({ cpu: '3000', memory: '5000' }).obj(),
    ],
    expected: [50, 25],
  },
  {
    name: 'zero node resources, pods scheduled with resources',
    pod: makePod().obj(),
    nodes: [node('node1'), node('node2')],
    existing: [
      makePod().node('node1').req({ cpu: '3000', memory: '0' }).obj(),
      makePod().node('node2').req({ cpu: '3000', memory: '5000' }).obj(),
    ],
    expected: [0, 0],
  },
  {
    name: 'nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes',
    pod: twoContainerPod(),
    nodes: [cap('node1', '4000', '10000'), cap('node2', '6000', '10000')],
    resources: [
      { name: 'memory', weight: 2 },
      { name: 'cpu', weight: 1 },
    ],
    expected: [41, 50],
  },
  {
    name: 'bypass extended resource if the pod does not request',
    pod: twoContainerPod(),
    nodes: [cap('node1', '6000', '10000'), cap('node2', '6000', '10000', { [extendedRes]: '4' })],
    resources: extendedResourceSet,
    expected: [50, 50],
  },
  {
    name: 'honor extended resource if the pod requests',
    pod: makePod()
      .req({ cpu: '3000', memory: '5000', [extendedRes]: '2' })
      .obj(),
    nodes: [
      cap('node1', '6000', '10000', { [extendedRes]: '4' }),
      cap('node2', '6000', '10000', { [extendedRes]: '10' }),
    ],
    resources: extendedResourceSet,
    expected: [50, 60],
  },
  {
    name: "if the node doesn't have a resource",
    pod: makePod().req({ cpu: '3000', memory: '4000' }).obj(),
    nodes: [cap('node1', '6000', '10000'), cap('node2', '6000', '10000', { [extendedRes]: '4' })],
    resources: [{ name: extendedRes, weight: 2 }, ...defaultResources],
    expected: [55, 55],
  },
];

// Beyond upstream's tables (whose per-resource scores all divide evenly): Go's integer division
// truncates, (3000 − 1000) × 100 / 3000 = 66, not 67.
leastAllocatedCases.push({
  name: 'per-resource scores truncate as Go integer division does',
  pod: makePod().req({ cpu: '1', memory: '1' }).obj(),
  nodes: [cap('node1', '3', '3')],
  expected: [66],
});

const mostAllocatedCases: Case[] = [
  {
    name: 'nothing scheduled, nothing requested',
    pod: makePod().obj(),
    nodes: [cap('node1', '4000', '10000'), cap('node2', '4000', '10000')],
    expected: [0, 0],
  },
  {
    name: 'nothing scheduled, resources requested, differently sized nodes',
    pod: twoContainerPod(),
    nodes: [cap('node1', '4000', '10000'), cap('node2', '6000', '10000')],
    expected: [62, 50],
  },
  {
    name: 'no resources requested, pods scheduled with resources',
    pod: makePod().obj(),
    nodes: [cap('node1', '10000', '20000'), cap('node2', '10000', '20000')],
    existing: [
      makePod().node('node1').req({ cpu: '3000', memory: '0' }).obj(),
      makePod().node('node1').req({ cpu: '3000', memory: '0' }).obj(),
      makePod().node('node2').req({ cpu: '3000', memory: '0' }).obj(),
      makePod().node('node2').req({ cpu: '3000', memory: '5000' }).obj(),
    ],
    expected: [30, 42],
  },
  {
    name: 'resources requested, pods scheduled with resources',
    pod: twoContainerPod(),
    nodes: [cap('node1', '10000', '20000'), cap('node2', '10000', '20000')],
    existing: [
      makePod().node('node1').req({ cpu: '3000', memory: '0' }).obj(),
      makePod().node('node2').req({ cpu: '3000', memory: '5000' }).obj(),
    ],
    expected: [42, 55],
  },
  {
    name: 'resources requested equal node capacity',
    pod: makePod().req({ cpu: '2000', memory: '4000' }).req({ cpu: '3000', memory: '5000' }).obj(),
    nodes: [cap('node1', '5000', '10000'), cap('node2', '10000', '9000')],
    expected: [95, 75],
  },
  {
    name: 'nothing scheduled, resources requested, differently sized nodes, memory weighted 2',
    pod: twoContainerPod(),
    nodes: [cap('node1', '4000', '10000'), cap('node2', '6000', '10000')],
    resources: [
      { name: 'memory', weight: 2 },
      { name: 'cpu', weight: 1 },
    ],
    expected: [58, 50],
  },
  {
    name: 'no resources requested, pods scheduled, nonzero request for resource',
    pod: makePod().container('container').obj(),
    nodes: [cap('node1', '250m', '1000Mi'), cap('node2', '250m', '1000Mi')],
    existing: [makePod().node('node1').container().obj(), makePod().node('node1').container().obj()],
    expected: [80, 30],
  },
  {
    name: 'bypass extended resource if the pod does not request',
    pod: twoContainerPod(),
    nodes: [cap('node1', '6000', '10000'), cap('node2', '6000', '10000', { [extendedRes]: '4' })],
    resources: extendedResourceSet,
    expected: [50, 50],
  },
  {
    name: 'honor extended resource if the pod request',
    pod: makePod()
      .req({ cpu: '3000', memory: '5000', [extendedRes]: '2' })
      .obj(),
    nodes: [
      cap('node1', '6000', '10000', { [extendedRes]: '4' }),
      cap('node2', '6000', '10000', { [extendedRes]: '10' }),
    ],
    resources: extendedResourceSet,
    expected: [50, 40],
  },
  {
    name: "if the node doesn't have a resource",
    pod: makePod().req({ cpu: '3000', memory: '4000' }).obj(),
    nodes: [cap('node1', '6000', '10000'), cap('node2', '6000', '10000', { [extendedRes]: '4' })],
    resources: [{ name: extendedRes, weight: 2 }, ...defaultResources],
    expected: [45, 45],
  },
];

mostAllocatedCases.push({
  name: 'per-resource scores truncate as Go integer division does',
  pod: makePod().req({ cpu: '2', memory: '2' }).obj(),
  nodes: [cap('node1', '3', '3')],
  expected: [66],
});

function run(strategy: ScoringStrategy, c: Case): number[] {
  return scoreNodes(nodeResourcesFitScore(strategy), c.pod, c.nodes, c.existing ?? []);
}

describe('NodeResourcesFit score, LeastAllocated (least_allocated_test.go)', () => {
  it.each(leastAllocatedCases)('$name', (c) => {
    expect(run({ type: 'LeastAllocated', resources: c.resources ?? defaultResources }, c)).toEqual(
      c.expected,
    );
  });
});

describe('NodeResourcesFit score, MostAllocated (most_allocated_test.go)', () => {
  it.each(mostAllocatedCases)('$name', (c) => {
    expect(run({ type: 'MostAllocated', resources: c.resources ?? defaultResources }, c)).toEqual(c.expected);
  });
});

describe('scoring strategy validation (ValidateNodeResourcesFitArgs)', () => {
  it.each([
    {
      resources: [
        { name: 'memory', weight: -1 },
        { name: 'cpu', weight: 1 },
      ],
      field: 'resources[0].weight',
    },
    {
      resources: [
        { name: 'memory', weight: 1 },
        { name: 'cpu', weight: 0 },
      ],
      field: 'resources[1].weight',
    },
    {
      resources: [
        { name: 'memory', weight: 1 },
        { name: 'cpu', weight: 101 },
      ],
      field: 'resources[1].weight',
    },
  ])('refuses $field', ({ resources, field }) => {
    expect(() => nodeResourcesFitScore({ type: 'LeastAllocated', resources })).toThrow(field);
    expect(() => nodeResourcesFitScore({ type: 'MostAllocated', resources })).toThrow(field);
  });
});
