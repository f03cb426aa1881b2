import { load as parseYaml } from 'js-yaml';
import type { ContainerSpec, PodObject, PodSpecLite } from './kube-objects.ts';
import { checkPodResources } from './resources.ts';

/** A pod spec that cannot be read: the message says what is wrong and what to paste instead. */
export class PodSpecError extends Error {
  override readonly name = 'PodSpecError';
}

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'ReplicationController',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON or YAML text to one document, with the parser's own position in the error. */
export function parseDocument(text: string, what: string): unknown {
  const trimmed = text.trim();
  if (!trimmed)
    throw new PodSpecError(
      `The ${what} is empty. Paste a Pod, a workload (Deployment…) or a pod spec, as YAML or JSON.`,
    );
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch (error) {
      throw new PodSpecError(`The ${what} is not valid JSON: ${(error as Error).message}.`);
    }
  }
  try {
    return parseYaml(trimmed);
  } catch (error) {
    const reason = (error as { reason?: string; mark?: { line: number; column: number } }).reason;
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const where = mark ? ` at line ${mark.line + 1}, column ${mark.column + 1}` : '';
    throw new PodSpecError(
      `The ${what} does not parse as YAML${where}: ${reason ?? (error as Error).message}.`,
    );
  }
}

/**
 * The apiserver's defaulting that matters to scheduling: a container that sets a limit but no
 * request for a resource requests its limit.
 */
function defaultRequestsFromLimits(container: ContainerSpec): ContainerSpec {
  const limits = container.resources?.limits;
  if (!limits) return container;
  const requests = { ...limits, ...container.resources?.requests };
  return { ...container, resources: { ...container.resources, requests } };
}

function podFromDocument(doc: unknown): PodObject {
  if (!isRecord(doc))
    throw new PodSpecError(
      'Expected a Pod, a workload or a pod spec (an object), got ' +
        (Array.isArray(doc) ? 'a list' : typeof doc) +
        '.',
    );
  const kind = typeof doc['kind'] === 'string' ? doc['kind'] : undefined;
  if (kind === 'Pod') return doc as PodObject;
  if (kind === 'CronJob') {
    const template = (
      (doc['spec'] as Record<string, unknown> | undefined)?.['jobTemplate'] as
        Record<string, unknown> | undefined
    )?.['spec'];
    return podFromTemplate(kind, doc, (template as Record<string, unknown> | undefined)?.['template']);
  }
  if (kind && WORKLOAD_KINDS.has(kind))
    return podFromTemplate(kind, doc, (doc['spec'] as Record<string, unknown> | undefined)?.['template']);
  if (kind)
    throw new PodSpecError(
      `A ${kind} has no pod to place. Paste a Pod, a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob, or a pod spec.`,
    );
  // A bare pod spec ({containers: [...]}) or a pod template ({spec: {containers}}).
  if (Array.isArray(doc['containers']))
    return { metadata: { name: 'pasted-pod', namespace: 'default' }, spec: doc as PodSpecLite };
  if (isRecord(doc['spec']) && Array.isArray(doc['spec']['containers'])) return doc as PodObject;
  throw new PodSpecError(
    'This is not a pod: no "kind" and no "containers". Paste a Pod, a workload or a pod spec with containers.',
  );
}

function podFromTemplate(kind: string, doc: Record<string, unknown>, template: unknown): PodObject {
  if (!isRecord(template)) throw new PodSpecError(`The ${kind} has no spec.template to place.`);
  const meta = isRecord(doc['metadata']) ? doc['metadata'] : {};
  const templateMeta = isRecord(template['metadata']) ? template['metadata'] : {};
  return {
    metadata: {
      ...templateMeta,
      name: `${String(meta['name'] ?? kind.toLowerCase())}-pod`,
      namespace: (meta['namespace'] as string | undefined) ?? 'default',
    },
    spec: template['spec'] as PodSpecLite,
  };
}

/**
 * Reads what a user pastes or passes with --pod: a Pod, a workload (its pod template), or a bare
 * pod spec, as YAML or JSON. Checks what scheduling reads (containers, resource names and
 * quantities) and applies requests-from-limits defaulting, so kube-scheduler's view is exact.
 */
export function podFromText(text: string, what = 'pod spec'): PodObject {
  const pod = podFromDocument(parseDocument(text, what));
  if (!isRecord(pod.spec)) throw new PodSpecError('The pod has no spec. Add spec.containers.');
  const spec: PodSpecLite = pod.spec;
  if (!Array.isArray(spec.containers) || spec.containers.length === 0)
    throw new PodSpecError('The pod has no containers. A pod needs at least one entry in spec.containers.');
  const initContainers: unknown = spec.initContainers ?? [];
  if (!Array.isArray(initContainers)) throw new PodSpecError('spec.initContainers must be a list.');
  for (const list of [spec.containers, initContainers] as unknown[][]) {
    if (list.some((c) => !isRecord(c)))
      throw new PodSpecError(
        'Every container must be an object with a name, an image and optional resources.',
      );
  }
  if (spec.tolerations !== undefined && !Array.isArray(spec.tolerations))
    throw new PodSpecError('spec.tolerations must be a list.');
  if (spec.nodeSelector !== undefined && !isRecord(spec.nodeSelector as unknown))
    throw new PodSpecError('spec.nodeSelector must be a map of label to value.');
  const defaulted: PodObject = {
    ...pod,
    metadata: { namespace: 'default', name: 'pasted-pod', ...pod.metadata },
    spec: {
      ...spec,
      containers: spec.containers.map(defaultRequestsFromLimits),
      initContainers: spec.initContainers?.map(defaultRequestsFromLimits),
    },
  };
  try {
    checkPodResources(defaulted);
  } catch (error) {
    throw new PodSpecError((error as Error).message);
  }
  return defaulted;
}
