import { describe, expect, it } from 'vitest';
import type { NodeObject, PodObject } from '../kube-objects.ts';
import { makeNode, makePod, node } from '../testing/builders.ts';
import { scoreNodes } from '../testing/run-plugin.ts';
import { nodeResourcesFitScore, type ScoringStrategy } from './node-resources-fit.ts';
import { brokenLinearFunction, type ResourceSpec } from './resource-scorers.ts';

/**
 * Ported from kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources
 * requested_to_capacity_ratio_test.go:
 * same pods, nodes and expected integers. Capacities like "4000" are whole cores, as upstream.
 */
const defaultResources: ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];
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

const leastShape = [
  { utilization: 0, score: 10 },
  { utilization: 100, score: 0 },
];
const rtcrCases: (Case & { shape: { utilization: number; score: number }[] })[] = [
  {
    name: 'nothing scheduled, nothing requested (default - least requested nodes have priority)',
    pod: makePod().obj(),
    nodes: [cap('node1', '4000', '10000'), cap('node2', '4000', '10000')],
    existing: [makePod().node('node1').obj(), makePod().node('node1').obj()],
    shape: leastShape,
    expected: [100, 100],
  },
  {
    name: 'nothing scheduled, resources requested, differently sized nodes (default - least requested nodes have priority)',
    pod: twoContainerPod(),
    nodes: [cap('node1', '4000', '10000'), cap('node2', '6000', '10000')],
    existing: [makePod().node('node1').obj(), makePod().node('node1').obj()],
    shape: leastShape,
    expected: [38, 50],
  },
  {
    name: 'no resources requested, pods scheduled with resources (default - least requested nodes have priority)',
    pod: makePod().obj(),
    nodes: [cap('node1', '4000', '10000'), cap('node2', '6000', '10000')],
    existing: [
      makePod().node('node1').req({ cpu: '3000', memory: '5000' }).obj(),
      makePod().node('node2').req({ cpu: '3000', memory: '5000' }).obj(),
    ],
    shape: leastShape,
    expected: [38, 50],
  },
];

const gib = 10000 * 1024 * 1024;
const binPackingSingle: Case[] = [
  {
    name: 'nothing scheduled, nothing requested',
    pod: makePod().obj(),
    nodes: [
      makeNode('node1', 4000, gib, { 'intel.com/foo': 8 }),
      makeNode('node2', 4000, gib, { 'intel.com/foo': 4 }),
    ],
    expected: [0, 0],
  },
  {
    name: 'resources requested, pods scheduled with less resources',
    pod: makePod().req({ 'intel.com/foo': '2' }).obj(),
    nodes: [
      makeNode('node1', 4000, gib, { 'intel.com/foo': 8 }),
      makeNode('node2', 4000, gib, { 'intel.com/foo': 4 }),
    ],
    existing: [makePod().obj()],
    expected: [2, 5],
  },
  {
    name: 'resources requested, pods scheduled with resources, on node with existing pod running',
    pod: makePod().req({ 'intel.com/foo': '2' }).obj(),
    nodes: [
      makeNode('node1', 4000, gib, { 'intel.com/foo': 8 }),
      makeNode('node2', 4000, gib, { 'intel.com/foo': 4 }),
    ],
    existing: [makePod().req({ 'intel.com/foo': '2' }).node('node2').obj()],
    expected: [2, 10],
  },
  {
    name: 'resources requested, pods scheduled with more resources',
    pod: makePod().req({ 'intel.com/foo': '4' }).obj(),
    nodes: [
      makeNode('node1', 4000, gib, { 'intel.com/foo': 8 }),
      makeNode('node2', 4000, gib, { 'intel.com/foo': 4 }),
    ],
    existing: [makePod().obj()],
    expected: [5, 10],
  },
];

function run(strategy: ScoringStrategy, c: Case): number[] {
  return scoreNodes(nodeResourcesFitScore(strategy), c.pod, c.nodes, c.existing ?? []);
}

describe('NodeResourcesFit score, RequestedToCapacityRatio (requested_to_capacity_ratio_test.go)', () => {
  it.each(rtcrCases)('$name', (c) => {
    expect(run({ type: 'RequestedToCapacityRatio', resources: defaultResources, shape: c.shape }, c)).toEqual(
      c.expected,
    );
  });

  it.each(binPackingSingle)('single extended resource: $name', (c) => {
    const strategy: ScoringStrategy = {
      type: 'RequestedToCapacityRatio',
      resources: [{ name: 'intel.com/foo', weight: 1 }],
      shape: [
        { utilization: 0, score: 0 },
        { utilization: 100, score: 1 },
      ],
    };
    expect(run(strategy, c)).toEqual(c.expected);
  });

  const brokenLinear = [
    {
      points: [
        { utilization: 10, score: 1 },
        { utilization: 90, score: 9 },
      ],
      assertions: [
        [-10, 1],
        [0, 1],
        [9, 1],
        [10, 1],
        [15, 1],
        [19, 1],
        [20, 2],
        [89, 8],
        [90, 9],
        [99, 9],
        [100, 9],
        [110, 9],
      ],
    },
    {
      points: [
        { utilization: 0, score: 2 },
        { utilization: 40, score: 10 },
        { utilization: 100, score: 0 },
      ],
      assertions: [
        [-10, 2],
        [0, 2],
        [20, 6],
        [30, 8],
        [40, 10],
        [70, 5],
        [100, 0],
        [110, 0],
      ],
    },
    {
      points: [
        { utilization: 0, score: 2 },
        { utilization: 40, score: 2 },
        { utilization: 100, score: 2 },
      ],
      assertions: [
        [-10, 2],
        [0, 2],
        [20, 2],
        [30, 2],
        [40, 2],
        [70, 2],
        [100, 2],
        [110, 2],
      ],
    },
  ];
  it.each(brokenLinear.map((c, i) => ({ ...c, i })))(
    'BrokenLinearFunction case_$i',
    ({ points, assertions }) => {
      const f = brokenLinearFunction(points);
      for (const [p, expected] of assertions) expect(f(p as number)).toBe(expected);
    },
  );
});
