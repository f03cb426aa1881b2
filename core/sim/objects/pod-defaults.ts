import type { Container, PodSpec, Toleration } from '../kube/types.ts';

/**
 * What the API server adds to a pod on create (defaulting plus the default admission plugins:
 * DefaultTolerationSeconds, Priority, ServiceAccount). Controllers in core/sim create pods in the
 * store directly, so they apply the same defaults; the demo API server can use this too.
 */

export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
export const DEFAULT_TOLERATION_SECONDS = 300;

/** Built-in priority classes (scheduling.k8s.io). */
export const PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2_000_001_000,
  'system-cluster-critical': 2_000_000_000,
};

const DEFAULT_TOLERATIONS: readonly Toleration[] = [
  {
    key: NOT_READY_TAINT,
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
  },
  {
    key: UNREACHABLE_TAINT,
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
  },
];

function containerDefaults(c: Container): Container {
  const latest = !c.image || c.image.endsWith(':latest') || !c.image.includes(':');
  return {
    ...c,
    resources: c.resources ?? {},
    terminationMessagePath: c['terminationMessagePath'] ?? '/dev/termination-log',
    terminationMessagePolicy: c['terminationMessagePolicy'] ?? 'File',
    imagePullPolicy: c['imagePullPolicy'] ?? (latest ? 'Always' : 'IfNotPresent'),
  };
}

const containerCache = new WeakMap<readonly Container[], Container[]>();

function defaultedContainers(containers: Container[]): Container[] {
  let defaulted = containerCache.get(containers);
  if (!defaulted) {
    defaulted = containers.map(containerDefaults);
    containerCache.set(containers, defaulted);
    // Defaulting twice gives the same array back.
    containerCache.set(defaulted, defaulted);
  }
  return defaulted;
}

/** API-server defaulting of a pod template's spec (what a Deployment's template gets). */
export function templateSpecDefaults(spec: PodSpec): PodSpec {
  return {
    ...spec,
    containers: defaultedContainers(spec.containers),
    restartPolicy: spec.restartPolicy ?? 'Always',
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
    dnsPolicy: spec['dnsPolicy'] ?? 'ClusterFirst',
    securityContext: spec['securityContext'] ?? {},
    schedulerName: spec.schedulerName ?? 'default-scheduler',
  };
}

const NO_TOLERATIONS: Toleration[] = [];
const tolerationCache = new WeakMap<readonly Toleration[], Toleration[]>();

function defaultedTolerations(given: Toleration[] | undefined): Toleration[] {
  const key = given ?? NO_TOLERATIONS;
  let result = tolerationCache.get(key);
  if (result) return result;
  result = [...key];
  const tolerateAll = result.some((e) => e.operator === 'Exists' && !e.key && !e.effect);
  for (const t of DEFAULT_TOLERATIONS) {
    const has = result.some((e) => e.key === t.key && (e.effect === t.effect || !e.effect));
    if (!has && !tolerateAll) result.push(t);
  }
  tolerationCache.set(key, result);
  tolerationCache.set(result, result);
  return result;
}

// Pods of one template share the defaulted arrays: 150,000 pods, a few thousand templates.
const specCache = new WeakMap<PodSpec, PodSpec>();

/**
 * A new pod's spec as stored: template defaults, service account, priority from its class, and
 * the not-ready/unreachable tolerations every pod gets unless it brings its own. The result may
 * share arrays with other pods of the same template; stored objects are never mutated.
 */
export function podSpecDefaults(spec: PodSpec): PodSpec {
  const cached = specCache.get(spec);
  if (cached) return cached;
  const base = templateSpecDefaults(spec);
  const tolerations = defaultedTolerations(spec.tolerations);
  const priority = spec.priority ?? PRIORITY_CLASSES[spec.priorityClassName ?? ''] ?? 0;
  const serviceAccount = (spec['serviceAccountName'] as string | undefined) ?? 'default';
  const result: PodSpec = {
    ...base,
    serviceAccountName: serviceAccount,
    serviceAccount,
    tolerations,
    priority,
    enableServiceLinks: spec['enableServiceLinks'] ?? true,
    preemptionPolicy: spec.preemptionPolicy ?? 'PreemptLowerPriority',
  };
  specCache.set(spec, result);
  return result;
}
