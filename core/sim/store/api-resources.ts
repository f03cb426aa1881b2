/**
 * The API resources the simulated cluster serves: one table used by the simulator (which kinds
 * exist) and by the demo API server (discovery, routing, kubectl's short names).
 */
export interface ApiResource {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: readonly string[];
  verbs: readonly string[];
  subresources: readonly string[];
  categories?: readonly string[];
}

const readWrite = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
] as const;
const readOnly = ['get', 'list'] as const;

function resource(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  shortNames: readonly string[] = [],
  subresources: readonly string[] = [],
  verbs: readonly string[] = readWrite,
  categories: readonly string[] = [],
): ApiResource {
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    shortNames,
    verbs,
    subresources,
    ...(categories.length ? { categories } : {}),
  };
}

export const apiResources: readonly ApiResource[] = [
  resource('', 'v1', 'Namespace', 'namespaces', false, ['ns'], ['status']),
  resource('', 'v1', 'Node', 'nodes', false, ['no'], ['status']),
  resource('', 'v1', 'Pod', 'pods', true, ['po'], ['status', 'eviction', 'binding'], readWrite, ['all']),
  resource('', 'v1', 'Event', 'events', true, ['ev']),
  resource('', 'v1', 'Service', 'services', true, ['svc'], ['status'], readWrite, ['all']),
  resource('', 'v1', 'ConfigMap', 'configmaps', true, ['cm']),
  resource('apps', 'v1', 'Deployment', 'deployments', true, ['deploy'], ['status', 'scale'], readWrite, [
    'all',
  ]),
  resource('apps', 'v1', 'ReplicaSet', 'replicasets', true, ['rs'], ['status', 'scale'], readWrite, ['all']),
  resource('apps', 'v1', 'StatefulSet', 'statefulsets', true, ['sts'], ['status', 'scale'], readWrite, [
    'all',
  ]),
  resource('apps', 'v1', 'DaemonSet', 'daemonsets', true, ['ds'], ['status'], readWrite, ['all']),
  resource('batch', 'v1', 'Job', 'jobs', true, [], ['status'], readWrite, ['all']),
  // Stored, not run (no CronJob controller): enough for schedules to be applied and dry-run.
  resource('batch', 'v1', 'CronJob', 'cronjobs', true, ['cj'], ['status']),
  // KEDA's ScaledObject, as on a cluster with KEDA installed: stored, not acted on (no KEDA
  // operator), so the scaling advisor's KEDA schedules can be applied and dry-run.
  resource('keda.sh', 'v1alpha1', 'ScaledObject', 'scaledobjects', true, ['so'], ['status']),
  resource('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, ['pdb'], ['status']),
  resource(
    'autoscaling',
    'v2',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
    true,
    ['hpa'],
    ['status'],
    readWrite,
    ['all'],
  ),
  resource('metrics.k8s.io', 'v1beta1', 'NodeMetrics', 'nodes', false, [], [], readOnly),
  resource('metrics.k8s.io', 'v1beta1', 'PodMetrics', 'pods', true, [], [], readOnly),
  resource(
    'authorization.k8s.io',
    'v1',
    'SelfSubjectAccessReview',
    'selfsubjectaccessreviews',
    false,
    [],
    [],
    ['create'],
  ),
];

/** The key the store files objects under: `group/plural` (`/pods` for core). */
export function resourceKey(resource: Pick<ApiResource, 'group' | 'plural'>): string {
  return `${resource.group}/${resource.plural}`;
}

export function apiVersionOf(resource: Pick<ApiResource, 'group' | 'version'>): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

/** The resource a stored object's apiVersion and kind belong to. */
export function resourceForKind(apiVersion: string, kind: string): ApiResource | undefined {
  return apiResources.find((r) => apiVersionOf(r) === apiVersion && r.kind === kind);
}

export function findResource(group: string, version: string, plural: string): ApiResource | undefined {
  return apiResources.find((r) => r.group === group && r.version === version && r.plural === plural);
}

/** The store keys of the kinds controllers use most, so call sites read as names, not strings. */
export const keys = {
  namespaces: '/namespaces',
  nodes: '/nodes',
  pods: '/pods',
  events: '/events',
  services: '/services',
  configmaps: '/configmaps',
  deployments: 'apps/deployments',
  replicasets: 'apps/replicasets',
  statefulsets: 'apps/statefulsets',
  daemonsets: 'apps/daemonsets',
  jobs: 'batch/jobs',
  poddisruptionbudgets: 'policy/poddisruptionbudgets',
  horizontalpodautoscalers: 'autoscaling/horizontalpodautoscalers',
} as const;
