import type { ApiResource } from '../../sim/store/api-resources.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';

/**
 * The fields each resource can be selected by, as kube-apiserver defines them (the
 * GetAttrs/SelectableFields of each registry strategy, pkg/registry/<group>/<kind>/strategy.go).
 * Values are strings as the selector compares them: booleans as "true"/"false", absent as "".
 */
export type FieldGetter = (object: KubeObject) => string;

/** Reads a dotted path of plain fields; anything absent or not a scalar reads as "". */
export function fieldAt(object: unknown, path: string): string {
  let value: unknown = object;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return '';
    value = (value as Record<string, unknown>)[part];
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

const at =
  (path: string): FieldGetter =>
  (o) =>
    fieldAt(o, path);

/** Booleans that are omitted when false (omitempty) still select as "false". */
const flag =
  (path: string): FieldGetter =>
  (o) =>
    fieldAt(o, path) === 'true' ? 'true' : 'false';

const PER_RESOURCE: Readonly<Record<string, Readonly<Record<string, FieldGetter>>>> = {
  '/pods': {
    'spec.nodeName': at('spec.nodeName'),
    'spec.restartPolicy': at('spec.restartPolicy'),
    'spec.schedulerName': at('spec.schedulerName'),
    'spec.serviceAccountName': at('spec.serviceAccountName'),
    'spec.hostNetwork': flag('spec.hostNetwork'),
    'status.phase': at('status.phase'),
    'status.podIP': at('status.podIP'),
    'status.nominatedNodeName': at('status.nominatedNodeName'),
  },
  '/nodes': { 'spec.unschedulable': flag('spec.unschedulable') },
  '/namespaces': { 'status.phase': at('status.phase') },
  '/events': {
    'involvedObject.kind': at('involvedObject.kind'),
    'involvedObject.namespace': at('involvedObject.namespace'),
    'involvedObject.name': at('involvedObject.name'),
    'involvedObject.uid': at('involvedObject.uid'),
    'involvedObject.apiVersion': at('involvedObject.apiVersion'),
    'involvedObject.resourceVersion': at('involvedObject.resourceVersion'),
    'involvedObject.fieldPath': at('involvedObject.fieldPath'),
    reason: at('reason'),
    reportingComponent: at('reportingComponent'),
    source: at('source.component'),
    type: at('type'),
  },
  '/services': { 'spec.clusterIP': at('spec.clusterIP'), 'spec.type': at('spec.type') },
  'apps/replicasets': { 'status.replicas': at('status.replicas') },
  'batch/jobs': { 'status.successful': at('status.successful') },
};

export function selectableFields(
  resource: Pick<ApiResource, 'group' | 'plural' | 'namespaced'>,
): Readonly<Record<string, FieldGetter>> {
  const base: Record<string, FieldGetter> = { 'metadata.name': (o) => o.metadata.name ?? '' };
  if (resource.namespaced) base['metadata.namespace'] = (o) => o.metadata.namespace ?? '';
  return { ...base, ...PER_RESOURCE[`${resource.group}/${resource.plural}`] };
}
