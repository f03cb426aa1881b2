/**
 * The strategic-merge metadata of the built-in types: which lists merge by which key instead of
 * being replaced. It is what the `patchStrategy`/`patchMergeKey` struct tags say in k8s.io/api,
 * for the types the demo serves; kubectl computes its patches from the same tags, so the server
 * must apply them the same way. A field not listed here merges if it is an object and is
 * replaced if it is a list (`listType=atomic`, e.g. Node `spec.taints` and pod `tolerations`).
 */
export interface FieldMeta {
  /** The type of the field (of each element, for lists), to look up nested fields. */
  type?: string;
  /** For lists of objects: merge elements with equal values of this key. */
  mergeKey?: string;
  /** For lists of scalars: merge as a set (finalizers, podCIDRs). */
  mergeScalars?: boolean;
}

type TypeMeta = Readonly<Record<string, FieldMeta>>;

const byName = (type?: string): FieldMeta => ({ mergeKey: 'name', ...(type ? { type } : {}) });
const byType: FieldMeta = { mergeKey: 'type' };

const TYPES: Readonly<Record<string, TypeMeta>> = {
  ObjectMeta: { finalizers: { mergeScalars: true }, ownerReferences: { mergeKey: 'uid' } },
  PodTemplateSpec: { metadata: { type: 'ObjectMeta' }, spec: { type: 'PodSpec' } },
  PodSpec: {
    volumes: byName(),
    initContainers: byName('Container'),
    containers: byName('Container'),
    ephemeralContainers: byName('Container'),
    imagePullSecrets: byName(),
    hostAliases: { mergeKey: 'ip' },
    topologySpreadConstraints: { mergeKey: 'topologyKey' },
    resourceClaims: byName(),
    schedulingGates: byName(),
  },
  Container: {
    ports: { mergeKey: 'containerPort' },
    env: byName(),
    volumeMounts: { mergeKey: 'mountPath' },
    volumeDevices: { mergeKey: 'devicePath' },
  },
  PodStatus: { conditions: byType, podIPs: { mergeKey: 'ip' }, hostIPs: { mergeKey: 'ip' } },
  NodeSpec: { podCIDRs: { mergeScalars: true } },
  NodeStatus: { conditions: byType, addresses: byType },
  WorkloadSpec: { template: { type: 'PodTemplateSpec' }, selector: { type: 'LabelSelector' } },
  ConditionsStatus: { conditions: byType },
  ServiceSpec: { ports: { mergeKey: 'port' } },
  LabelSelector: {},
};

/** The root type of each kind: its metadata, spec and status. */
const KINDS: Readonly<Record<string, TypeMeta>> = {
  Pod: { spec: { type: 'PodSpec' }, status: { type: 'PodStatus' } },
  Node: { spec: { type: 'NodeSpec' }, status: { type: 'NodeStatus' } },
  Deployment: { spec: { type: 'WorkloadSpec' }, status: { type: 'ConditionsStatus' } },
  ReplicaSet: { spec: { type: 'WorkloadSpec' }, status: { type: 'ConditionsStatus' } },
  StatefulSet: { spec: { type: 'WorkloadSpec' }, status: { type: 'ConditionsStatus' } },
  DaemonSet: { spec: { type: 'WorkloadSpec' }, status: { type: 'ConditionsStatus' } },
  Job: { spec: { type: 'WorkloadSpec' }, status: { type: 'ConditionsStatus' } },
  HorizontalPodAutoscaler: { status: { type: 'ConditionsStatus' } },
  PodDisruptionBudget: { status: { type: 'ConditionsStatus' } },
  Namespace: { status: { type: 'ConditionsStatus' } },
  Service: { spec: { type: 'ServiceSpec' } },
};

/** A position in the type tree: the fields of the object being patched there. */
export interface Schema {
  field(name: string): { meta: FieldMeta; schema: Schema };
}

const NONE: FieldMeta = {};

function schemaOf(fields: TypeMeta): Schema {
  return {
    field(name) {
      const meta = fields[name] ?? NONE;
      return { meta, schema: meta.type ? typeSchema(meta.type) : EMPTY };
    },
  };
}

const EMPTY: Schema = schemaOf({});

function typeSchema(type: string): Schema {
  return schemaOf(TYPES[type] ?? {});
}

/** The schema of a kind's objects; an unknown kind merges objects and replaces every list. */
export function schemaForKind(kind: string): Schema {
  return schemaOf({ metadata: { type: 'ObjectMeta' }, ...(KINDS[kind] ?? {}) });
}
