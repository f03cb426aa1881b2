import type { RawObject } from './resource-mirror.ts';
import { trimPod, type TrimmedPod } from './scheduling-object.ts';

export const workloadKinds = ['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'Job'] as const;
export type WorkloadKind = (typeof workloadKinds)[number];

/** What Foresight keeps of a workload controller: its size, owner and pod template. */
export interface WorkloadFacts {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  uid: string | undefined;
  /** spec.replicas (Deployments, StatefulSets, ReplicaSets) or parallelism (Jobs). */
  desiredReplicas: number | undefined;
  readyReplicas: number;
  /** The controlling owner: a Deployment for a ReplicaSet, a CronJob for a Job. */
  owner: { kind: string; name: string } | undefined;
  selector: LabelSelector | undefined;
  /** The pod template as a pod (placement ranks a workload by it; scaling reads its requests). */
  template: TrimmedPod | undefined;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** An HPA: the bounds the scaling advisor compares against and the actions patch. */
export interface HpaFacts {
  namespace: string;
  name: string;
  target: { kind: string; name: string };
  minReplicas: number;
  maxReplicas: number;
  currentReplicas: number | undefined;
  desiredReplicas: number | undefined;
  /** Target average CPU utilization (percent of requests), when the HPA scales on CPU. */
  cpuUtilizationTarget: number | undefined;
}

/** A PodDisruptionBudget: what drain and the autopilot must respect. */
export interface PdbFacts {
  namespace: string;
  name: string;
  selector: LabelSelector | undefined;
  minAvailable: string | number | undefined;
  maxUnavailable: string | number | undefined;
  disruptionsAllowed: number;
  currentHealthy: number;
  desiredHealthy: number;
}

type Loose = Record<string, unknown>;

function record(value: unknown): Loose {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {};
}

function numberOr<T>(value: unknown, fallback: T): number | T {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function intOrString(value: unknown): string | number | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

function selectorOf(value: unknown): LabelSelector | undefined {
  const raw = record(value);
  if (!raw['matchLabels'] && !raw['matchExpressions']) return undefined;
  return raw as LabelSelector;
}

function controllerOf(metadata: Loose): WorkloadFacts['owner'] {
  const refs = Array.isArray(metadata['ownerReferences']) ? metadata['ownerReferences'] : [];
  const controller = refs.map(record).find((ref) => ref['controller'] === true);
  return controller ? { kind: String(controller['kind']), name: String(controller['name']) } : undefined;
}

function templateOf(spec: Loose, namespace: string, name: string): TrimmedPod | undefined {
  const template = record(spec['template']);
  if (!template['spec']) return undefined;
  const metadata = { ...record(template['metadata']), name, namespace };
  return trimPod({ metadata, spec: template['spec'], status: {} });
}

/** Reduces a Deployment, StatefulSet, ReplicaSet, DaemonSet or Job to its facts. */
export function reduceWorkload(kind: WorkloadKind): (raw: RawObject) => WorkloadFacts {
  return (raw) => {
    const metadata = record(raw.metadata);
    const spec = record(raw['spec']);
    const status = record(raw['status']);
    const namespace = String(metadata['namespace'] ?? '');
    const name = String(metadata['name'] ?? '');
    const desired =
      kind === 'Job'
        ? numberOr(spec['parallelism'], 1)
        : kind === 'DaemonSet'
          ? undefined
          : numberOr(spec['replicas'], 1);
    const ready =
      kind === 'DaemonSet'
        ? numberOr(status['numberReady'], 0)
        : kind === 'Job'
          ? numberOr(status['ready'], numberOr(status['active'], 0))
          : numberOr(status['readyReplicas'], 0);
    return {
      kind,
      namespace,
      name,
      uid: typeof metadata['uid'] === 'string' ? metadata['uid'] : undefined,
      desiredReplicas: desired,
      readyReplicas: ready,
      owner: controllerOf(metadata),
      selector: selectorOf(spec['selector']),
      template: templateOf(spec, namespace, name),
    };
  };
}

export function reduceHpa(raw: RawObject): HpaFacts {
  const metadata = record(raw.metadata);
  const spec = record(raw['spec']);
  const status = record(raw['status']);
  const target = record(spec['scaleTargetRef']);
  const metrics = Array.isArray(spec['metrics']) ? spec['metrics'].map(record) : [];
  const cpu = metrics
    .map((metric) => record(record(metric['resource'])))
    .find((resource) => resource['name'] === 'cpu');
  const cpuTarget = record(cpu?.['target']);
  return {
    namespace: String(metadata['namespace'] ?? ''),
    name: String(metadata['name'] ?? ''),
    target: { kind: String(target['kind'] ?? ''), name: String(target['name'] ?? '') },
    minReplicas: numberOr(spec['minReplicas'], 1),
    maxReplicas: numberOr(spec['maxReplicas'], 1),
    currentReplicas: numberOr(status['currentReplicas'], undefined),
    desiredReplicas: numberOr(status['desiredReplicas'], undefined),
    // autoscaling/v2 nests the target; v1's targetCPUUtilizationPercentage is its older spelling.
    cpuUtilizationTarget: numberOr(
      cpuTarget['averageUtilization'],
      numberOr(spec['targetCPUUtilizationPercentage'], undefined),
    ),
  };
}

export function reducePdb(raw: RawObject): PdbFacts {
  const metadata = record(raw.metadata);
  const spec = record(raw['spec']);
  const status = record(raw['status']);
  return {
    namespace: String(metadata['namespace'] ?? ''),
    name: String(metadata['name'] ?? ''),
    selector: selectorOf(spec['selector']),
    minAvailable: intOrString(spec['minAvailable']),
    maxUnavailable: intOrString(spec['maxUnavailable']),
    disruptionsAllowed: numberOr(status['disruptionsAllowed'], 0),
    currentHealthy: numberOr(status['currentHealthy'], 0),
    desiredHealthy: numberOr(status['desiredHealthy'], 0),
  };
}

/** The workload a pod belongs to, the way an operator names it: a Deployment, not its ReplicaSet. */
export function workloadOfPod(
  owner: { kind: string; name: string } | undefined,
  namespace: string,
  ownerOwner: (kind: string, namespace: string, name: string) => { kind: string; name: string } | undefined,
): { kind: string; name: string } | undefined {
  if (!owner) return undefined;
  if (owner.kind === 'ReplicaSet' || owner.kind === 'Job') {
    return ownerOwner(owner.kind, namespace, owner.name) ?? owner;
  }
  return owner;
}
