import { describe, expect, it } from 'vitest';
import { podFromText, PodSpecError } from './pod-spec.ts';
import { snapshotFromText, SnapshotError } from './snapshot.ts';

describe('podFromText', () => {
  it.each([
    {
      name: 'a Pod in JSON',
      text: '{"kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a"}]}}',
      pod: 'p',
    },
    {
      name: 'a Pod in YAML',
      text: 'kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a}]\n',
      pod: 'p',
    },
    {
      name: 'a Deployment (its template)',
      text: 'kind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    spec:\n      containers: [{name: a}]\n',
      pod: 'web-pod',
    },
    {
      name: 'a CronJob (its job template)',
      text: 'kind: CronJob\nmetadata: {name: nightly}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: a}]\n',
      pod: 'nightly-pod',
    },
    { name: 'a bare pod spec', text: 'containers:\n  - name: a\n', pod: 'pasted-pod' },
  ])('reads $name', ({ text, pod }) => {
    expect(podFromText(text).metadata?.name).toBe(pod);
  });

  it('requests default to limits, as the API server does', () => {
    const pod = podFromText(
      'containers:\n  - name: a\n    resources: {limits: {cpu: "2", memory: 1Gi}, requests: {cpu: 500m}}\n',
    );
    expect(pod.spec?.containers?.[0]?.resources?.requests).toEqual({ cpu: '500m', memory: '1Gi' });
  });

  it.each([
    { name: 'empty text', text: '   ', message: 'is empty' },
    { name: 'broken JSON', text: '{"kind": "Pod", ', message: 'not valid JSON' },
    {
      name: 'broken YAML',
      text: 'kind: Pod\nspec: {containers: [\n',
      message: 'does not parse as YAML at line',
    },
    { name: 'a list', text: '[1, 2]', message: 'got a list' },
    {
      name: 'a Service',
      text: 'kind: Service\nmetadata: {name: s}\n',
      message: 'A Service has no pod to place',
    },
    { name: 'no containers', text: 'kind: Pod\nspec: {containers: []}\n', message: 'no containers' },
    { name: 'no kind and no containers', text: 'foo: bar\n', message: 'This is not a pod' },
    {
      name: 'an unknown resource name',
      text: 'containers:\n  - name: a\n    resources: {requests: {gpu: 1}}\n',
      message: 'unknown resource name "gpu"',
    },
    {
      name: 'a quantity that does not parse',
      text: 'containers:\n  - name: a\n    resources: {requests: {memory: lots}}\n',
      message: '"lots" is not a quantity',
    },
    {
      name: 'tolerations that are not a list',
      text: 'containers: [{name: a}]\ntolerations: {key: x}\n',
      message: 'spec.tolerations must be a list',
    },
  ])('refuses $name with a clear error', ({ text, message }) => {
    expect(() => podFromText(text)).toThrow(PodSpecError);
    expect(() => podFromText(text)).toThrow(message);
  });
});

describe('snapshotFromText', () => {
  const node =
    '{"kind":"Node","metadata":{"name":"n1"},"status":{"allocatable":{"cpu":"1","memory":"1Gi","pods":"10"}}}';
  it('reads foresight snapshot output and kubectl lists', () => {
    expect(snapshotFromText(`{"nodes":[${node}],"pods":[]}`).nodes).toHaveLength(1);
    expect(snapshotFromText(`{"kind":"List","items":[${node}]}`).nodes).toHaveLength(1);
  });

  it.each([
    { name: 'no nodes', text: '{"nodes":[],"pods":[]}', message: 'The snapshot has no nodes' },
    { name: 'not JSON or YAML', text: '{"nodes": [', message: 'not valid JSON' },
    { name: 'nodes not a list', text: '{"nodes": {}}', message: '"nodes" must be a list' },
    {
      name: 'a node without a name',
      text: '{"nodes": [{"kind":"Node"}]}',
      message: 'nodes[0] is not a Node',
    },
    {
      name: 'a pod without a spec',
      text: `{"nodes": [${node}], "pods": [{}]}`,
      message: 'pods[0] is not a Pod',
    },
  ])('refuses $name', ({ text, message }) => {
    expect(() => snapshotFromText(text)).toThrow(SnapshotError);
    expect(() => snapshotFromText(text)).toThrow(message);
  });
});
