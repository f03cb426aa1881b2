import { describe, expect, it } from 'vitest';
import type { NodeObject, PodObject } from '../kube-objects.ts';
import { podInfoOf } from '../evaluate.ts';
import { makeNode, makePod } from '../testing/builders.ts';
import { scoreNodes } from '../testing/run-plugin.ts';
import { balancedAllocation, balancedAllocationSkips } from './balanced-allocation.ts';
import type { ResourceSpec } from './resource-scorers.ts';

/**
 * Ported from kubernetes/kubernetes noderesources/balanced_allocation_test.go (the standard
 * deviation scorer, v1.23+): same pods and nodes; nodes sized with makeNode(milliCPU, memory).
 */
const cpuOnly = (): PodObject => makePod().req({ cpu: '1000m' }).req({ cpu: '2000m' }).obj();
const cpuAndMemory = (): PodObject =>
  makePod().req({ cpu: '1000m', memory: '2000' }).req({ cpu: '2000m', memory: '3000' }).obj();
const on = (p: PodObject, nodeName: string): PodObject => ({ ...p, spec: { ...p.spec, nodeName } });
const gpu = 'nvidia.com/gpu';
const withGpu: ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
  { name: gpu, weight: 1 },
];

const cases: {
  name: string;
  pod: PodObject;
  nodes: NodeObject[];
  existing?: PodObject[];
  resources?: ResourceSpec[];
  expected: number[];
}[] = [
  {
    // cpu 3000/4000 = 75%, memory 5000/10000 = 50%: std 0.125 → 87; node2 50%/50% → 100.
    name: 'nothing scheduled, resources requested, differently sized nodes',
    pod: cpuAndMemory(),
    nodes: [makeNode('node1', 4000, 10000), makeNode('node2', 6000, 10000)],
    expected: [87, 100],
  },
  {
    // node1: 60% / 25% → std 0.175 → 82; node2: 60% / 50% → 0.05 → 95.
    name: 'resources requested, pods scheduled with resources',
    pod: cpuAndMemory(),
    nodes: [makeNode('node1', 10000, 20000), makeNode('node2', 10000, 20000)],
    existing: [on(cpuOnly(), 'node1'), on(cpuAndMemory(), 'node2')],
    expected: [82, 95],
  },
  {
    // node2: 60% / 20% → 0.2 → 80.
    name: 'resources requested, pods scheduled with resources, differently sized nodes',
    pod: cpuAndMemory(),
    nodes: [makeNode('node1', 10000, 20000), makeNode('node2', 10000, 50000)],
    existing: [on(cpuOnly(), 'node1'), on(cpuAndMemory(), 'node2')],
    expected: [82, 80],
  },
  {
    // cpu 6000/4000 is capped at 100%: node1 100% / 0% → 50; node2 100% / 50% → 75.
    name: 'requested resources exceed node capacity',
    pod: cpuOnly(),
    nodes: [makeNode('node1', 4000, 10000), makeNode('node2', 4000, 10000)],
    existing: [on(cpuOnly(), 'node1'), on(cpuAndMemory(), 'node2')],
    expected: [50, 75],
  },
  {
    name: 'zero node resources, pods scheduled with resources',
    pod: cpuAndMemory(),
    nodes: [makeNode('node1', 0, 0), makeNode('node2', 0, 0)],
    existing: [on(cpuOnly(), 'node1'), on(cpuAndMemory(), 'node2')],
    expected: [100, 100],
  },
  {
    // node1: 3000/3000, 5000/5000 → 100; node2: 0/3000, 5000/5000 → 50.
    name: 'resources requested, pods scheduled with resources, nodes to reach min/max score',
    pod: makePod().req({ memory: '2000' }).req({ memory: '3000' }).obj(),
    nodes: [makeNode('node1', 3000, 5000), makeNode('node2', 3000, 5000)],
    existing: [on(cpuOnly(), 'node1')],
    expected: [100, 50],
  },
  {
    // cpu 85.7%, memory 12.5%, gpu 50% → 70; gpu 12.5% → 65.
    name: 'scalar resource is included in the score computation if pod requests the scalar resource',
    pod: makePod()
      .req({ cpu: '0', memory: '0', [gpu]: '1' })
      .obj(),
    nodes: [makeNode('node1', 3500, 40000, { [gpu]: 8 }), makeNode('node2', 3500, 40000, { [gpu]: 8 })],
    existing: [
      on(
        makePod()
          .req({ cpu: '1000m', memory: '2000' })
          .req({ cpu: '2000m', memory: '3000', [gpu]: '3' })
          .obj(),
        'node1',
      ),
      on(cpuAndMemory(), 'node2'),
    ],
    resources: withGpu,
    expected: [70, 65],
  },
  {
    name: "scalar resource is not included in the score computation if pod doesn't request the scalar resource",
    pod: cpuAndMemory(),
    nodes: [makeNode('node1', 3500, 40000, { [gpu]: 8 }), makeNode('node2', 3500, 40000)],
    resources: withGpu,
    expected: [63, 63],
  },
];

describe('NodeResourcesBalancedAllocation (balanced_allocation_test.go)', () => {
  it.each(cases)('$name', (c) => {
    expect(scoreNodes(balancedAllocation(c.resources), c.pod, c.nodes, c.existing ?? [])).toEqual(c.expected);
  });

  it('nothing scheduled, nothing requested: skipped in PreScore (takes no part)', () => {
    expect(balancedAllocationSkips(podInfoOf(makePod().obj()))).toBe(true);
    expect(balancedAllocationSkips(podInfoOf(makePod().container().obj()))).toBe(true);
    expect(balancedAllocationSkips(podInfoOf(cpuOnly()))).toBe(false);
  });
});
