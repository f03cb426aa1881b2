import { describe, expect, it } from 'vitest';
import type { NodeObject, Taint, Toleration } from '../kube-objects.ts';
import { makePod, node, withTaints } from '../testing/builders.ts';
import { filterNode, scoreNodes } from '../testing/run-plugin.ts';
import { taintTolerationFilter, taintTolerationScore } from './taint-toleration.ts';

/** Ported from kubernetes/kubernetes plugins/tainttoleration/taint_toleration_test.go. */
const tainted = (name: string, taints: Taint[]): NodeObject => withTaints(node(name), taints);
const podWith = (tolerations: Toleration[]) => makePod().tolerations(tolerations).obj();

const scoreCases: { name: string; tolerations: Toleration[]; nodes: NodeObject[]; expected: number[] }[] = [
  {
    name: 'node with taints tolerated by the pod, gets a higher score than those node with intolerable taints',
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
    nodes: [
      tainted('nodeA', [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }]),
      tainted('nodeB', [{ key: 'foo', value: 'blah', effect: 'PreferNoSchedule' }]),
    ],
    expected: [100, 0],
  },
  {
    name: 'the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has',
    tolerations: [
      { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'PreferNoSchedule' },
      { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'PreferNoSchedule' },
    ],
    nodes: [
      tainted('nodeA', []),
      tainted('nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }]),
      tainted('nodeC', [
        { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' },
        { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' },
      ]),
    ],
    expected: [100, 100, 100],
  },
  {
    name: 'the more intolerable taints a node has, the lower score it gets.',
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
    nodes: [
      tainted('nodeA', []),
      tainted('nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }]),
      tainted('nodeC', [
        { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' },
        { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' },
      ]),
    ],
    expected: [100, 50, 0],
  },
  {
    name: 'only taints and tolerations that have effect PreferNoSchedule are checked by prioritizeNodes function',
    tolerations: [
      { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' },
      { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'NoSchedule' },
    ],
    nodes: [
      tainted('nodeA', []),
      tainted('nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }]),
      tainted('nodeC', [
        { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' },
        { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' },
      ]),
    ],
    expected: [100, 100, 0],
  },
  {
    name: 'Default behaviour No taints and tolerations, lands on node with no taints',
    tolerations: [],
    nodes: [
      tainted('nodeA', []),
      tainted('nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }]),
    ],
    expected: [100, 0],
  },
];

const user1: Taint = { key: 'dedicated', value: 'user1', effect: 'NoSchedule' };
const filterCases: { name: string; tolerations: Toleration[]; taints: Taint[]; reason?: string }[] = [
  {
    name: "A pod having no tolerations can't be scheduled onto a node with nonempty taints",
    tolerations: [],
    taints: [user1],
    reason: 'node(s) had untolerated taint {dedicated: user1}',
  },
  {
    name: 'A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule',
    tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    taints: [user1],
  },
  {
    name: "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
    taints: [user1],
    reason: 'node(s) had untolerated taint {dedicated: user1}',
  },
  {
    name: 'A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node',
    tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
  },
  {
    name: 'A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node',
    tolerations: [
      { key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' },
      { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    ],
    taints: [
      { key: 'dedicated', value: 'user2', effect: 'NoSchedule' },
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    ],
  },
  {
    name: "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node",
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    reason: 'node(s) had untolerated taint {foo: bar}',
  },
  {
    name: 'The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node',
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
  },
  {
    name: "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
  },
  {
    name: 'The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node',
    tolerations: [],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
  },
  {
    name: 'A NoExecute taint keeps out a pod that does not tolerate it',
    tolerations: [],
    taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }],
    reason: 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }',
  },
  {
    name: 'An empty key with operator Exists tolerates every taint',
    tolerations: [{ operator: 'Exists' }],
    taints: [user1, { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }],
  },
  {
    name: 'An unknown operator tolerates nothing',
    tolerations: [{ key: 'dedicated', operator: 'Gte' as 'Exists', value: 'user1' }],
    taints: [user1],
    reason: 'node(s) had untolerated taint {dedicated: user1}',
  },
];

describe('TaintToleration', () => {
  it.each(scoreCases)('score: $name', (c) => {
    expect(scoreNodes(taintTolerationScore(), podWith(c.tolerations), c.nodes)).toEqual(c.expected);
  });

  it.each(filterCases)('filter: $name', (c) => {
    const failure = filterNode(taintTolerationFilter, podWith(c.tolerations), tainted('nodeA', c.taints));
    expect(failure?.reasons).toEqual(c.reason ? [c.reason] : undefined);
    if (failure) expect(failure.code).toBe('UnschedulableAndUnresolvable');
  });
});
