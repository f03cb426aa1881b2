import { describe, expect, it } from 'vitest';
import type { NodeAffinity, NodeSelectorTerm, PodObject } from '../kube-objects.ts';
import { makePod, node, withLabels } from '../testing/builders.ts';
import { filterNode, scoreNodes } from '../testing/run-plugin.ts';
import { ERR_REASON_POD, nodeAffinityFilter, nodeAffinityScore } from './node-affinity.ts';

/** Ported from kubernetes/kubernetes plugins/nodeaffinity/node_affinity_test.go. */
function podWith(nodeSelector?: Record<string, string>, nodeAffinity?: NodeAffinity): PodObject {
  const b = makePod();
  if (nodeSelector) b.nodeSelector(nodeSelector);
  if (nodeAffinity) b.spec().affinity = { nodeAffinity };
  return b.obj();
}
const required = (...terms: NodeSelectorTerm[]): NodeAffinity => ({
  requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms },
});

const cases: {
  name: string;
  pod: PodObject;
  labels?: Record<string, string>;
  nodeName?: string;
  fits: boolean;
}[] = [
  { name: 'missing labels', pod: podWith({ foo: 'bar' }), fits: false },
  { name: 'same labels', pod: podWith({ foo: 'bar' }), labels: { foo: 'bar' }, fits: true },
  {
    name: 'node labels are superset',
    pod: podWith({ foo: 'bar' }),
    labels: { foo: 'bar', baz: 'blah' },
    fits: true,
  },
  {
    name: 'node labels are subset',
    pod: podWith({ foo: 'bar', baz: 'blah' }),
    labels: { foo: 'bar' },
    fits: false,
  },
  {
    name: 'Pod with matchExpressions using In operator that matches the existing node',
    pod: podWith(
      undefined,
      required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }),
    ),
    labels: { foo: 'bar' },
    fits: true,
  },
  {
    name: 'Pod with matchExpressions using Gt operator that matches the existing node',
    pod: podWith(
      undefined,
      required({ matchExpressions: [{ key: 'kernel-version', operator: 'Gt', values: ['0204'] }] }),
    ),
    labels: { 'kernel-version': '0206' },
    fits: true,
  },
  {
    name: 'Pod with matchExpressions using NotIn operator that matches the existing node',
    pod: podWith(
      undefined,
      required({ matchExpressions: [{ key: 'mem-type', operator: 'NotIn', values: ['DDR', 'DDR2'] }] }),
    ),
    labels: { 'mem-type': 'DDR3' },
    fits: true,
  },
  {
    name: 'Pod with matchExpressions using Exists operator that matches the existing node',
    pod: podWith(undefined, required({ matchExpressions: [{ key: 'GPU', operator: 'Exists' }] })),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    fits: true,
  },
  {
    name: "Pod with affinity that don't match node's labels won't schedule onto the node",
    pod: podWith(
      undefined,
      required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['value1', 'value2'] }] }),
    ),
    labels: { foo: 'bar' },
    fits: false,
  },
  {
    name: "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
    pod: podWith(undefined, required({ matchExpressions: [] })),
    labels: { foo: 'bar' },
    fits: false,
  },
  {
    name: 'Pod with no nodeSelectorTerms matches no node',
    pod: podWith(undefined, required()),
    labels: { foo: 'bar' },
    fits: false,
  },
  {
    name: 'Pod with no Affinity will schedule onto a node',
    pod: podWith(),
    labels: { foo: 'bar' },
    fits: true,
  },
  {
    name: 'Pod with Affinity but nil NodeSelector will schedule onto a node',
    pod: podWith(undefined, {}),
    labels: { foo: 'bar' },
    fits: true,
  },
  {
    name: 'Pod with multiple matchExpressions ANDed that matches the existing node',
    pod: podWith(
      undefined,
      required({
        matchExpressions: [
          { key: 'GPU', operator: 'Exists' },
          { key: 'GPU', operator: 'NotIn', values: ['AMD', 'INTER'] },
        ],
      }),
    ),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    fits: true,
  },
  {
    name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node",
    pod: podWith(
      undefined,
      required({
        matchExpressions: [
          { key: 'GPU', operator: 'Exists' },
          { key: 'GPU', operator: 'In', values: ['AMD', 'INTER'] },
        ],
      }),
    ),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    fits: false,
  },
  {
    name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
    pod: podWith(
      undefined,
      required(
        { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] },
        { matchExpressions: [{ key: 'diffkey', operator: 'In', values: ['wrong', 'value2'] }] },
      ),
    ),
    labels: { foo: 'bar' },
    fits: true,
  },
  {
    name: 'Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node',
    pod: podWith({ foo: 'bar' }, required({ matchExpressions: [{ key: 'foo', operator: 'Exists' }] })),
    labels: { foo: 'bar' },
    fits: true,
  },
  {
    name: "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
    pod: podWith({ foo: 'bar' }, required({ matchExpressions: [{ key: 'foo', operator: 'Exists' }] })),
    labels: { foo: 'barrrrrr' },
    fits: false,
  },
  {
    name: "Pod with an invalid value in Affinity term won't be scheduled onto the node",
    pod: podWith(
      undefined,
      required({
        matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['invalid value: ___@#$%^'] }],
      }),
    ),
    labels: { foo: 'bar' },
    fits: false,
  },
  {
    name: 'Pod with matchFields using In operator that matches the existing node',
    pod: podWith(
      undefined,
      required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node_1'] }] }),
    ),
    nodeName: 'node_1',
    fits: true,
  },
  {
    name: "Pod with matchFields using In operator that doesn't match the existing node",
    pod: podWith(
      undefined,
      required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node_1'] }] }),
    ),
    nodeName: 'node_2',
    fits: false,
  },
  {
    name: 'Pod with two terms: matchFields does not match, but matchExpressions matches',
    pod: podWith(
      undefined,
      required(
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node_1'] }] },
        { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] },
      ),
    ),
    nodeName: 'node_2',
    labels: { foo: 'bar' },
    fits: true,
  },
  {
    name: 'Pod with one term: matchFields does not match, but matchExpressions matches',
    pod: podWith(
      undefined,
      required({
        matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node_1'] }],
        matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }],
      }),
    ),
    nodeName: 'node_2',
    labels: { foo: 'bar' },
    fits: false,
  },
  {
    name: 'Pod with one term: both matchFields and matchExpressions match',
    pod: podWith(
      undefined,
      required({
        matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node_1'] }],
        matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }],
      }),
    ),
    nodeName: 'node_1',
    labels: { foo: 'bar' },
    fits: true,
  },
  {
    name: 'Pod with two terms: both matchFields and matchExpressions do not match',
    pod: podWith(
      undefined,
      required(
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node_1'] }] },
        { matchExpressions: [{ key: 'foo', operator: 'In', values: ['not-match-to-bar'] }] },
      ),
    ),
    nodeName: 'node_2',
    labels: { foo: 'bar' },
    fits: false,
  },
  {
    name: 'Lt compares integers, a non-integer label never matches',
    pod: podWith(undefined, required({ matchExpressions: [{ key: 'gen', operator: 'Lt', values: ['5'] }] })),
    labels: { gen: 'four' },
    fits: false,
  },
  {
    name: 'DoesNotExist matches a node without the label',
    pod: podWith(undefined, required({ matchExpressions: [{ key: 'spot', operator: 'DoesNotExist' }] })),
    labels: { foo: 'bar' },
    fits: true,
  },
];

describe('NodeAffinity filter (TestNodeAffinity)', () => {
  it.each(cases)('$name', (c) => {
    const n = withLabels(node(c.nodeName ?? 'machine1'), c.labels ?? {});
    const failure = filterNode(nodeAffinityFilter, c.pod, n);
    expect(failure?.reasons).toEqual(c.fits ? undefined : [ERR_REASON_POD]);
  });
});

describe('NodeAffinity score (TestNodeAffinityPriority)', () => {
  const label1 = { foo: 'bar' };
  const label2 = { key: 'value' };
  const label3 = { az: 'az1' };
  const label4 = { abc: 'az11', def: 'az22' };
  const label5 = { foo: 'bar', key: 'value', az: 'az1' };
  const affinity1: NodeAffinity = {
    preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 2, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
    ],
  };
  const affinity2: NodeAffinity = {
    preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 2, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
      { weight: 4, preference: { matchExpressions: [{ key: 'key', operator: 'In', values: ['value'] }] } },
      {
        weight: 5,
        preference: {
          matchExpressions: [
            { key: 'foo', operator: 'In', values: ['bar'] },
            { key: 'key', operator: 'In', values: ['value'] },
            { key: 'az', operator: 'In', values: ['az1'] },
          ],
        },
      },
    ],
  };
  const scoreCases = [
    {
      name: 'all nodes are same priority as NodeAffinity is nil',
      pod: podWith(),
      labels: [label1, label2, label3],
      expected: [0, 0, 0],
    },
    {
      name: "no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero",
      pod: podWith(undefined, affinity1),
      labels: [label4, label2, label3],
      expected: [0, 0, 0],
    },
    {
      name: 'only node1 matches the preferred scheduling requirements of pod',
      pod: podWith(undefined, affinity1),
      labels: [label1, label2, label3],
      expected: [100, 0, 0],
    },
    {
      name: 'all nodes matches the preferred scheduling requirements of pod but with different priorities',
      pod: podWith(undefined, affinity2),
      labels: [label1, label5, label2],
      expected: [18, 100, 36],
    },
    {
      name: 'a preferred term with weight 0 or no expressions counts for nothing',
      pod: podWith(undefined, {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 0, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
          { weight: 3, preference: {} },
        ],
      }),
      labels: [label1, label2],
      expected: [0, 0],
    },
  ];
  it.each(scoreCases)('$name', (c) => {
    const nodes = c.labels.map((l, i) => withLabels(node(`node${i + 1}`), l));
    expect(scoreNodes(nodeAffinityScore(), c.pod, nodes)).toEqual(c.expected);
  });
});
