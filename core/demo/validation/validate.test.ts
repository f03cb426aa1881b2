import { describe, expect, it } from 'vitest';
import { findResource, keys } from '../../sim/store/api-resources.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import { validateObject } from './validate.ts';

/** The 422 causes kubectl users meet, one case per rule: field and message as the API server words them. */

const resource = (group: string, version: string, plural: string) => {
  const found = findResource(group, version, plural);
  if (!found) throw new Error(`no resource ${plural}`);
  return found;
};
const NODES = resource('', 'v1', 'nodes');
const PODS = resource('', 'v1', 'pods');
const DEPLOYMENTS = resource('apps', 'v1', 'deployments');
const HPAS = resource('autoscaling', 'v2', 'horizontalpodautoscalers');
const PDBS = resource('policy', 'v1', 'poddisruptionbudgets');
const NAMESPACES = resource('', 'v1', 'namespaces');

const node = (spec: object, meta: object = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'n1', ...meta },
  spec,
});
const pod = (spec: object): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'd' },
  spec,
});
const container = (extra: object = {}) => ({ name: 'c', image: 'nginx', ...extra });
const deployment = (spec: object): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'd' },
  spec,
});
const template = (labels: object, extra: object = {}) => ({
  metadata: { labels },
  spec: { containers: [container()], ...extra },
});

const cases: [string, Parameters<typeof validateObject>[0], string, KubeObject, [string, string][]][] = [
  [
    'a taint without effect',
    NODES,
    keys.nodes,
    node({ taints: [{ key: 'k' }] }),
    [['spec.taints[0].effect', 'Required value']],
  ],
  [
    'a taint with an unknown effect',
    NODES,
    keys.nodes,
    node({ taints: [{ key: 'k', effect: 'Bogus' }] }),
    [
      [
        'spec.taints[0].effect',
        'Unsupported value: "Bogus": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    ],
  ],
  [
    'a taint key with spaces',
    NODES,
    keys.nodes,
    node({ taints: [{ key: 'bad key', effect: 'NoSchedule' }] }),
    [['spec.taints[0].key', 'Invalid value: "bad key": name part must consist of alphanumeric characters']],
  ],
  [
    'a taint value too long',
    NODES,
    keys.nodes,
    node({ taints: [{ key: 'k', value: 'v'.repeat(64), effect: 'NoSchedule' }] }),
    [['spec.taints[0].value', 'must be no more than 63 characters']],
  ],
  [
    'two taints with one key and effect',
    NODES,
    keys.nodes,
    node({
      taints: [
        { key: 'k', effect: 'NoSchedule' },
        { key: 'k', value: 'x', effect: 'NoSchedule' },
      ],
    }),
    [['spec.taints[1]', 'Duplicate value']],
  ],
  [
    'an uppercase node name',
    NODES,
    keys.nodes,
    node({}, { name: 'Node-1' }),
    [['metadata.name', 'a lowercase RFC 1123 subdomain']],
  ],
  [
    'a bad label value',
    NODES,
    keys.nodes,
    node({}, { labels: { ok: 'not ok!' } }),
    [['metadata.labels', 'Invalid value: "not ok!": a valid label must be an empty string']],
  ],
  [
    'a bad label key',
    NODES,
    keys.nodes,
    node({}, { labels: { '-x': 'v' } }),
    [['metadata.labels', 'Invalid value: "-x": name part must']],
  ],
  [
    'a namespace name with dots',
    NAMESPACES,
    keys.namespaces,
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } },
    [['metadata.name', 'a lowercase RFC 1123 label']],
  ],
  [
    'a pod without containers',
    PODS,
    keys.pods,
    pod({ containers: [] }),
    [['spec.containers', 'Required value']],
  ],
  [
    'a container without image',
    PODS,
    keys.pods,
    pod({ containers: [{ name: 'c' }] }),
    [['spec.containers[0].image', 'Required value']],
  ],
  [
    'two containers with one name',
    PODS,
    keys.pods,
    pod({ containers: [container(), container()] }),
    [['spec.containers[1].name', 'Duplicate value: "c"']],
  ],
  [
    'requests above limits',
    PODS,
    keys.pods,
    pod({ containers: [container({ resources: { requests: { cpu: '2' }, limits: { cpu: '500m' } } })] }),
    [
      [
        'spec.containers[0].resources.requests',
        'Invalid value: "2": must be less than or equal to cpu limit of 500m',
      ],
    ],
  ],
  [
    'an unknown restartPolicy',
    PODS,
    keys.pods,
    pod({ containers: [container()], restartPolicy: 'Sometimes' }),
    [['spec.restartPolicy', 'Unsupported value: "Sometimes"']],
  ],
  [
    'a selector that does not match the template',
    DEPLOYMENTS,
    keys.deployments,
    deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'api' }) }),
    [
      [
        'spec.template.metadata.labels',
        'Invalid value: {"app":"api"}: `selector` does not match template `labels`',
      ],
    ],
  ],
  [
    'a Deployment without selector',
    DEPLOYMENTS,
    keys.deployments,
    deployment({ template: template({ app: 'web' }) }),
    [['spec.selector', 'Required value']],
  ],
  [
    'a Deployment template with restartPolicy Never',
    DEPLOYMENTS,
    keys.deployments,
    deployment({
      selector: { matchLabels: { app: 'web' } },
      template: template({ app: 'web' }, { restartPolicy: 'Never' }),
    }),
    [['spec.template.spec.restartPolicy', 'Unsupported value: "Never": supported values: "Always"']],
  ],
  [
    'negative replicas',
    DEPLOYMENTS,
    keys.deployments,
    deployment({
      replicas: -1,
      selector: { matchLabels: { app: 'web' } },
      template: template({ app: 'web' }),
    }),
    [['spec.replicas', 'Invalid value: -1: must be greater than or equal to 0']],
  ],
  [
    'an HPA with minReplicas above maxReplicas',
    HPAS,
    keys.horizontalpodautoscalers,
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h', namespace: 'd' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 5, maxReplicas: 3 },
    },
    [['spec.minReplicas', 'Invalid value: 5: must be less than or equal to maxReplicas']],
  ],
  [
    'a PDB with both minAvailable and maxUnavailable',
    PDBS,
    keys.poddisruptionbudgets,
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'b', namespace: 'd' },
      spec: { minAvailable: 1, maxUnavailable: '10%' },
    },
    [['spec', 'minAvailable and maxUnavailable cannot be both set']],
  ],
];

describe('validateObject', () => {
  it.each(cases)('refuses %s', (_what, apiResource, key, object, expected) => {
    const causes = validateObject(apiResource, key, object);
    expect(causes.map((c) => c.field)).toEqual(expected.map(([field]) => field));
    causes.forEach((cause, i) => expect(cause.message).toContain(expected[i]?.[1]));
  });

  it.each([
    [
      'a node with good taints',
      NODES,
      keys.nodes,
      node({ taints: [{ key: 'example.com/gpu', value: 'a100', effect: 'NoExecute' }] }),
    ],
    [
      'a pod with matching requests and limits',
      PODS,
      keys.pods,
      pod({ containers: [container({ resources: { requests: { cpu: '500m' }, limits: { cpu: '0.5' } } })] }),
    ],
    [
      'a Deployment with a matching selector',
      DEPLOYMENTS,
      keys.deployments,
      deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web', v: '2' }) }),
    ],
  ])('accepts %s', (_what, apiResource, key, object) => {
    expect(validateObject(apiResource, key, object)).toEqual([]);
  });

  it('refuses a changed Deployment selector on update', () => {
    const before = deployment({
      selector: { matchLabels: { app: 'web' } },
      template: template({ app: 'web' }),
    });
    const after = deployment({
      selector: { matchLabels: { app: 'api' } },
      template: template({ app: 'api' }),
    });
    expect(validateObject(DEPLOYMENTS, keys.deployments, after, before).map((c) => c.message)).toEqual([
      'Invalid value: {"matchLabels":{"app":"api"}}: field is immutable',
    ]);
  });
});
