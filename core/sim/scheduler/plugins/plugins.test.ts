import { describe, expect, it } from 'vitest';
import { podShape } from '../../kube/pods.ts';
import type { Pod, PodSpec } from '../../kube/types.ts';
import { nodeJson } from '../../testing/harness.ts';
import { nodeInfoOf } from '../scheduler.ts';
import type { NodeInfo, PodInfo } from '../framework.ts';
import { balancedAllocation, balancedScore } from './balanced-allocation.ts';
import { nodeAffinityFilter, nodeAffinityScore } from './node-affinity.ts';
import { leastAllocated, leastRequestedScore, nodeResourcesFit } from './node-resources-fit.ts';
import { nodeUnschedulable } from './node-unschedulable.ts';
import { taintTolerationFilter, taintTolerationScore } from './taint-toleration.ts';

const empty = {
  cpuMillis: 0,
  memoryBytes: 0,
  ephemeralBytes: 0,
  nonZeroCpuMillis: 0,
  nonZeroMemoryBytes: 0,
  pods: 0,
};

function pod(spec: Partial<PodSpec> = {}, cpu = '500m', memory = '1Gi'): PodInfo {
  const p: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', resources: { requests: { cpu, memory } } }], ...spec },
  };
  return { pod: p, shape: podShape(p.spec) };
}

function node(options: Parameters<typeof nodeJson>[1] = {}, requested: Partial<typeof empty> = {}): NodeInfo {
  return nodeInfoOf(nodeJson('n', options), { ...empty, ...requested });
}

describe('filters', () => {
  it.each([
    ['fits an empty node', nodeResourcesFit, pod(), node(), undefined],
    [
      'Insufficient cpu',
      nodeResourcesFit,
      pod({}, '3'),
      node({ cpu: '4' }, { cpuMillis: 2000 }),
      ['Insufficient cpu'],
    ],
    [
      'Insufficient cpu and memory',
      nodeResourcesFit,
      pod({}, '3', '10Gi'),
      node({ cpu: '4', memory: '16Gi' }, { cpuMillis: 2000, memoryBytes: 8 * 2 ** 30 }),
      ['Insufficient cpu', 'Insufficient memory'],
    ],
    ['Too many pods', nodeResourcesFit, pod(), node({ pods: 3 }, { pods: 3 }), ['Too many pods']],
    ['cordoned', nodeUnschedulable, pod(), node({ unschedulable: true }), ['node(s) were unschedulable']],
    [
      'cordoned but tolerated',
      nodeUnschedulable,
      pod({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists' }] }),
      node({ unschedulable: true }),
      undefined,
    ],
    [
      'untolerated taint',
      taintTolerationFilter,
      pod(),
      node({ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
      ['node(s) had untolerated taint {dedicated: gpu}'],
    ],
    [
      'PreferNoSchedule does not filter',
      taintTolerationFilter,
      pod(),
      node({ taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] }),
      undefined,
    ],
    [
      'tolerated taint',
      taintTolerationFilter,
      pod({ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] }),
      node({ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
      undefined,
    ],
    [
      'nodeSelector mismatch',
      nodeAffinityFilter,
      pod({ nodeSelector: { disk: 'ssd' } }),
      node(),
      ["node(s) didn't match Pod's node affinity/selector"],
    ],
    [
      'required affinity In',
      nodeAffinityFilter,
      pod({
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }],
            },
          },
        },
      }),
      node({ labels: { disk: 'ssd' } }),
      undefined,
    ],
  ] as const)('%s', (_name, plugin, p, n, reasons) => {
    expect(plugin.filter(p, n)?.reasons).toEqual(reasons);
  });
});

describe('scores', () => {
  it.each([
    [0, 4000, 100],
    [1000, 4000, 75],
    [3999, 4000, 0],
    [5000, 4000, 0],
  ])('leastRequestedScore(%i of %i) = %i', (requested, capacity, score) => {
    expect(leastRequestedScore(requested, capacity)).toBe(score);
  });

  it.each([
    [0.5, 0.5, 100],
    [0.2, 0.6, 80],
    [1.5, 0, 50],
  ])('balancedScore(%f, %f) = %i', (cpu, memory, score) => {
    expect(balancedScore(cpu, memory)).toBe(score);
  });

  it('prefers the emptier node, the balanced one, the one without PreferNoSchedule taints, the preferred one', () => {
    const p = pod({
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 10,
              preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
            },
          ],
        },
      },
    });
    expect(leastAllocated.score(p, node({}, { nonZeroCpuMillis: 0 }))).toBeGreaterThan(
      leastAllocated.score(p, node({}, { nonZeroCpuMillis: 3000 })),
    );
    expect(
      balancedAllocation.score(p, node({}, { cpuMillis: 1000, memoryBytes: 4 * 2 ** 30 })),
    ).toBeGreaterThan(balancedAllocation.score(p, node({}, { cpuMillis: 3000 })));
    const taints = [node(), node({ taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] })].map((n) =>
      taintTolerationScore.score(p, n),
    );
    taintTolerationScore.normalize?.(taints);
    expect(taints).toEqual([100, 0]);
    const affinity = [node({ labels: { zone: 'a' } }), node()].map((n) => nodeAffinityScore.score(p, n));
    nodeAffinityScore.normalize?.(affinity);
    expect(affinity).toEqual([100, 0]);
  });
});
