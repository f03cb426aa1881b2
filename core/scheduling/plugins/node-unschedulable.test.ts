import { describe, expect, it } from 'vitest';
import type { Toleration } from '../kube-objects.ts';
import { makePod, node } from '../testing/builders.ts';
import { filterNode } from '../testing/run-plugin.ts';
import { nodeNameFilter } from './node-name.ts';
import { nodeUnschedulableFilter } from './node-unschedulable.ts';

/** Ported from plugins/nodeunschedulable/node_unschedulable_test.go and nodename/node_name_test.go. */
describe('NodeUnschedulable', () => {
  const cases: { name: string; unschedulable: boolean; tolerations: Toleration[]; fits: boolean }[] = [
    {
      name: 'Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)',
      unschedulable: true,
      tolerations: [],
      fits: false,
    },
    { name: 'Schedule pod to normal node', unschedulable: false, tolerations: [], fits: true },
    {
      name: 'Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)',
      unschedulable: true,
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
      fits: true,
    },
    {
      name: 'a toleration for another effect does not help',
      unschedulable: true,
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoExecute' }],
      fits: false,
    },
  ];
  it.each(cases)('$name', (c) => {
    const n = node('machine1', {}, { spec: { unschedulable: c.unschedulable } });
    const failure = filterNode(nodeUnschedulableFilter, makePod().tolerations(c.tolerations).obj(), n);
    expect(failure?.reasons).toEqual(c.fits ? undefined : ['node(s) were unschedulable']);
    if (failure) expect(failure.code).toBe('UnschedulableAndUnresolvable');
  });
});

describe('NodeName', () => {
  it.each([
    { name: 'no host specified', nodeName: undefined, fits: true },
    { name: 'host matches', nodeName: 'foo', fits: true },
    { name: "host doesn't match", nodeName: 'bar', fits: false },
  ])('$name', (c) => {
    const b = makePod();
    if (c.nodeName) b.node(c.nodeName);
    const failure = filterNode(nodeNameFilter, b.obj(), node('foo'));
    expect(failure?.reasons).toEqual(c.fits ? undefined : ["node(s) didn't match the requested node name"]);
  });
});
