import { APP_NAMESPACES, SYSTEM_WORKLOADS } from '../catalogue.ts';
import { hashString, noise3 } from '../random.ts';
import { controllerRef, podShape } from '../kube/pods.ts';
import type { Pod } from '../kube/types.ts';
import type { LoadPattern } from '../types.ts';

/**
 * The inputs of one pod's usage curve (curve.ts). The kubelet assigns a profile when a pod first
 * runs; it is a pure function of the seed and the pod (its workload, name and requests), so pods
 * created through the API get one exactly like the simulator's own, and any replay agrees.
 */
export interface LoadProfile {
  /** The pod's identity in the noise streams. */
  readonly entity: number;
  /** `namespace/name` of the workload (Deployment, StatefulSet…) the pod belongs to. */
  readonly workload: string;
  readonly pattern: LoadPattern;
  readonly cpuBaseMillis: number;
  readonly memoryBaseBytes: number;
  /** Relative swing of the daily curve, 0..1. */
  readonly dailyAmplitude: number;
  /** Hour of day (UTC, fractional) when load peaks. */
  readonly peakHour: number;
  /** How much quieter weekends are, 0..1 (web traffic dips; batch and steady do not). */
  readonly weekendDip: number;
  /** Relative growth per day (a service slowly gaining users), may be negative. */
  readonly trendPerDay: number;
  /** Relative size of the short-term noise, 0..1. */
  readonly noise: number;
  /** Chance that a 10-minute window holds a burst. */
  readonly burstChance: number;
  /** Logs and emptyDir the pod keeps on the node's disk. */
  readonly diskBytes: number;
  /** How long a run-to-completion pod works before it exits 0; Infinity for services. */
  readonly runMs: number;
}

const MIB = 1024 ** 2;
const STREAM = { workload: 51, pod: 52 } as const;

const KNOWN_PATTERNS = new Map<string, LoadPattern>([
  ...SYSTEM_WORKLOADS.map((w) => [w.name, w.pattern] as const),
  ...APP_NAMESPACES.flatMap((ns) => ns.workloads.map((w) => [w.name, w.pattern] as const)),
]);

/** `namespace/name` of the pod's top-level workload, from its owner and labels. */
export function workloadOf(pod: Pod): string {
  const namespace = pod.metadata.namespace ?? '';
  const owner = controllerRef(pod);
  if (!owner) return `${namespace}/${pod.metadata.name ?? ''}`;
  const hash = pod.metadata.labels?.['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) {
    return `${namespace}/${owner.name.slice(0, -hash.length - 1)}`;
  }
  return `${namespace}/${owner.name}`;
}

function patternOf(pod: Pod, workload: string, seed: number): LoadPattern {
  const name = pod.metadata.labels?.['app.kubernetes.io/name'] ?? workload.slice(workload.indexOf('/') + 1);
  const base = name.replace(/-\d+$/, '');
  const known = KNOWN_PATTERNS.get(base);
  if (known) return known;
  const roll = noise3(seed, STREAM.workload, hashString(workload), 99);
  return roll < 0.6 ? 'web' : roll < 0.8 ? 'steady' : 'batch';
}

export function profileFor(seed: number, pod: Pod): LoadProfile {
  const workload = workloadOf(pod);
  const w = hashString(workload);
  const p = hashString(`${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`);
  // Workload-level draws (replicas behave alike) and pod-level jitter (but not identically).
  const wf = (k: number, lo: number, hi: number) => lo + noise3(seed, STREAM.workload, w, k) * (hi - lo);
  const pf = (k: number, lo: number, hi: number) => lo + noise3(seed, STREAM.pod, p, k) * (hi - lo);
  const pattern = patternOf(pod, workload, seed);
  const shape = podShape(pod.spec);
  const cpuRef = shape.requests.cpuMillis > 0 ? shape.requests.cpuMillis : 60;
  const memoryRef = shape.requests.memoryBytes > 0 ? shape.requests.memoryBytes : 96 * MIB;

  const cpuShare =
    pattern === 'web' ? wf(1, 0.25, 0.55) : pattern === 'batch' ? wf(1, 0.2, 0.6) : wf(1, 0.3, 0.5);
  const dailyAmplitude =
    pattern === 'web' ? wf(2, 0.3, 0.55) : pattern === 'batch' ? wf(2, 0.35, 0.6) : wf(2, 0.05, 0.15);
  const peakHour = pattern === 'web' ? wf(3, 15, 19) : pattern === 'batch' ? wf(3, 1, 4) : wf(3, 0, 24);
  const noise = pattern === 'steady' ? wf(4, 0.03, 0.1) : wf(4, 0.1, 0.22);

  let memoryBaseBytes = memoryRef * wf(5, 0.45, 0.8) * pf(2, 0.92, 1.08);
  // Healthy pods stay clear of their memory limit: only incidents cause OOM kills.
  const limit = shape.containers.every((c) => c.limitMemoryBytes !== undefined)
    ? shape.containers.reduce((sum, c) => sum + (c.limitMemoryBytes ?? 0), 0)
    : undefined;
  if (limit !== undefined) memoryBaseBytes = Math.min(memoryBaseBytes, limit * 0.66);

  const isJob = owner(pod) === 'Job';
  return {
    entity: p,
    workload,
    pattern,
    cpuBaseMillis: cpuRef * cpuShare * pf(1, 0.85, 1.15),
    memoryBaseBytes,
    dailyAmplitude,
    peakHour: (peakHour + pf(3, -0.5, 0.5) + 24) % 24,
    weekendDip: pattern === 'web' ? wf(6, 0.15, 0.35) : 0,
    trendPerDay: wf(7, -0.004, 0.012),
    noise,
    burstChance: pattern === 'steady' ? 0.01 : wf(8, 0.02, 0.06),
    diskBytes: Math.round(pf(4, 20, 400)) * MIB,
    runMs: isJob ? Math.round(pf(5, 40, 300)) * 1000 : Infinity,
  };
}

function owner(pod: Pod): string | undefined {
  return controllerRef(pod)?.kind;
}
