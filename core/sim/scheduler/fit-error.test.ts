import { describe, expect, it } from 'vitest';
import { feasibleNodesToFind, fitErrorMessage } from './fit-error.ts';
import type { FilterFailure } from './framework.ts';

const taint: FilterFailure = {
  code: 'UnschedulableAndUnresolvable',
  reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
};
const cpu: FilterFailure = { code: 'Unschedulable', reasons: ['Insufficient cpu'] };
const cpuAndMemory: FilterFailure = {
  code: 'Unschedulable',
  reasons: ['Insufficient cpu', 'Insufficient memory'],
};

describe('fitErrorMessage', () => {
  it.each([
    [
      'one control plane, eleven full workers',
      12,
      [taint, ...Array(11).fill(cpu)],
      'default',
      '0/12 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 11 Insufficient cpu. preemption: 0/12 nodes are available: 1 Preemption is not helpful for scheduling, 11 No preemption victims found for incoming pod..',
    ],
    [
      'a node short of two resources counts for both',
      3,
      [cpuAndMemory, cpu, { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] }],
      'default',
      '0/3 nodes are available: 1 Insufficient memory, 1 node(s) were unschedulable, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..',
    ],
    [
      'preemptionPolicy Never',
      1,
      [
        {
          code: 'UnschedulableAndUnresolvable',
          reasons: ["node(s) didn't match Pod's node affinity/selector"],
        },
      ],
      'never',
      "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: not eligible due to preemptionPolicy=Never.",
    ],
  ] as const)('%s', (_name, nodes, failures, preemption, message) => {
    expect(fitErrorMessage(nodes, failures, preemption)).toBe(message);
  });
});

describe('feasibleNodesToFind', () => {
  it.each([
    [12, 12],
    [100, 100],
    [500, 230],
    [5000, 500],
    [6000, 300],
    [1000, 420],
  ])('%i nodes → stop after %i feasible', (nodes, expected) => {
    expect(feasibleNodesToFind(nodes)).toBe(expected);
  });
});
