import { keys } from '../../sim/store/api-resources.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import { parseQuantity } from '../quantity.ts';

/**
 * Defaulting, as the API server's SetDefaults_* functions and default admission plugins do it,
 * for the fields kubectl shows and controllers read. Works on a draft the caller owns.
 */

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const record = (parent: Json, key: string): Json => {
  const value = parent[key];
  if (isRecord(value)) return value;
  const created: Json = {};
  parent[key] = created;
  return created;
};
const setDefault = (target: Json, key: string, value: unknown) => {
  if (target[key] === undefined || target[key] === null) target[key] = value;
};

export function applyDefaults(resourceKey: string, object: KubeObject): void {
  const spec = record(object, 'spec');
  switch (resourceKey) {
    case keys.pods:
      defaultPodSpec(spec);
      // Admission plugins that only act on pods, not templates.
      setDefault(spec, 'serviceAccountName', 'default');
      setDefault(spec, 'serviceAccount', spec.serviceAccountName);
      setDefault(spec, 'priority', 0);
      defaultTolerations(spec);
      break;
    case keys.deployments:
      setDefault(spec, 'replicas', 1);
      setDefault(spec, 'strategy', {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      });
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'progressDeadlineSeconds', 600);
      defaultTemplate(spec);
      break;
    case keys.replicasets:
      setDefault(spec, 'replicas', 1);
      defaultTemplate(spec);
      break;
    case keys.statefulsets:
      setDefault(spec, 'replicas', 1);
      setDefault(spec, 'podManagementPolicy', 'OrderedReady');
      setDefault(spec, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
      setDefault(spec, 'revisionHistoryLimit', 10);
      defaultTemplate(spec);
      break;
    case keys.daemonsets:
      setDefault(spec, 'updateStrategy', {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
      });
      setDefault(spec, 'revisionHistoryLimit', 10);
      defaultTemplate(spec);
      break;
    case keys.jobs:
      defaultJob(object, spec);
      break;
    case keys.horizontalpodautoscalers:
      setDefault(spec, 'minReplicas', 1);
      setDefault(spec, 'metrics', [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
        },
      ]);
      break;
    case keys.services:
      setDefault(spec, 'type', 'ClusterIP');
      setDefault(spec, 'sessionAffinity', 'None');
      if (Array.isArray(spec.ports)) {
        for (const port of spec.ports) {
          if (!isRecord(port)) continue;
          setDefault(port, 'protocol', 'TCP');
          setDefault(port, 'targetPort', port.port);
        }
      }
      break;
    case keys.namespaces:
      setDefault(spec, 'finalizers', ['kubernetes']);
      object.metadata.labels = {
        ...object.metadata.labels,
        'kubernetes.io/metadata.name': object.metadata.name ?? '',
      };
      break;
  }
  if (Object.keys(spec).length === 0 && !NEEDS_SPEC.has(resourceKey)) delete object.spec;
}

/** Kinds whose JSON always has a spec, even an empty one. */
const NEEDS_SPEC = new Set<string>([keys.nodes, keys.pods, keys.namespaces, keys.services]);

function defaultTemplate(spec: Json): void {
  const template = record(spec, 'template');
  defaultPodSpec(record(template, 'spec'));
}

export function defaultPodSpec(spec: Json): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'enableServiceLinks', true);
  setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  for (const list of [spec.initContainers, spec.containers]) {
    if (!Array.isArray(list)) continue;
    for (const container of list) if (isRecord(container)) defaultContainer(container);
  }
}

function defaultContainer(container: Json): void {
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  const image = typeof container.image === 'string' ? container.image : '';
  const tag = image.includes('@') ? 'digest' : (/:([^/:]+)$/.exec(image)?.[1] ?? '');
  setDefault(container, 'imagePullPolicy', tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent');
  setDefault(container, 'resources', {});
  const resources = container.resources as Json;
  // Limits without requests: the request is the limit.
  if (isRecord(resources.limits)) {
    const requests = record(resources, 'requests');
    for (const [name, limit] of Object.entries(resources.limits)) setDefault(requests, name, limit);
  }
  if (Array.isArray(container.ports)) {
    for (const port of container.ports) if (isRecord(port)) setDefault(port, 'protocol', 'TCP');
  }
}

/** DefaultTolerationSeconds admission: five minutes on not-ready and unreachable nodes. */
function defaultTolerations(spec: Json): void {
  const tolerations = Array.isArray(spec.tolerations) ? [...(spec.tolerations as unknown[])] : [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const present = tolerations.some(
      (t) => isRecord(t) && (t.key === key || (t.key === undefined && t.operator === 'Exists')),
    );
    if (!present) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}

/** Jobs get a selector on a label derived from their uid, set on create (batch/job/strategy.go). */
function defaultJob(job: KubeObject, spec: Json): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'backoffLimit', 6);
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  const template = record(spec, 'template');
  defaultPodSpec(record(template, 'spec'));
  const uid = job.metadata.uid;
  if (uid && spec.selector === undefined) {
    const name = job.metadata.name ?? '';
    spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
    const meta = record(template, 'metadata');
    meta.labels = {
      ...(isRecord(meta.labels) ? meta.labels : {}),
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': name,
      'controller-uid': uid,
      'job-name': name,
    };
  }
}

/** The QoS class kubelet and the API server derive from requests and limits. */
export function qosClass(podSpec: unknown): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = isRecord(podSpec) && Array.isArray(podSpec.containers) ? podSpec.containers : [];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const container of containers) {
    const resources = isRecord(container) && isRecord(container.resources) ? container.resources : {};
    const requests = isRecord(resources.requests) ? resources.requests : {};
    const limits = isRecord(resources.limits) ? resources.limits : {};
    if (Object.keys(requests).length > 0 || Object.keys(limits).length > 0) any = true;
    for (const name of ['cpu', 'memory']) {
      const limit = limits[name];
      const request = requests[name] ?? limit;
      if (limit === undefined || parseQuantity(String(request)) !== parseQuantity(String(limit)))
        guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
