import { APP_NAMESPACES, SIDECARS, SYSTEM_WORKLOADS, type WorkloadTemplate } from './catalogue.ts';
import { nameSuffix } from './ids.ts';
import { podTemplateHash } from './objects/template-hash.ts';
import { workloadTemplate } from './objects/workload-json.ts';
import type { Rng } from './random.ts';
import type {
  ContainerSpec,
  CpuMemory,
  LoadPattern,
  QosClass,
  ResourceAmounts,
  SimWorkload,
  UsageProfile,
} from './types.ts';

const MIB = 1024 ** 2;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A workload and the inputs its pods need but the API never shows. */
export interface PlannedWorkload {
  workload: SimWorkload;
  /** The workload's typical usage; each pod jitters around it. */
  profile: UsageProfile;
  /** When its current ReplicaSet rolled out: its pods were created shortly after. */
  rolloutMs: number;
}

export interface WorkloadBuildInput {
  rng: Rng;
  totalPods: number;
  /** What one pod may request on average so that the cluster ends up about 60-70% requested. */
  podBudget: CpuMemory;
  /** The largest pod that still fits on the smallest worker. */
  maxPod: CpuMemory;
  clusterCreatedMs: number;
  nowMs: number;
}

/** Deployments whose replicas add up to exactly `totalPods`, system add-ons first. */
export function buildWorkloads(input: WorkloadBuildInput): PlannedWorkload[] {
  const { rng, totalPods } = input;
  const planned: PlannedWorkload[] = [];
  let remaining = totalPods;

  for (const system of SYSTEM_WORKLOADS) {
    if (remaining === 0) break;
    const replicas = Math.min(system.replicas, remaining);
    const containers = [container(system.name, system.image, system.requests, system.limits)];
    planned.push(plan(input, planned.length, 'kube-system', system.name, system, replicas, containers));
    remaining -= replicas;
  }

  // Bigger clusters get bigger deployments, not only more of them (about sqrt(pods)/3 on average).
  const meanReplicas = Math.max(2, Math.round(Math.sqrt(totalPods) / 3));
  const nextInNamespace = new Map<string, number>();
  while (remaining > 0) {
    const namespace = rng.pickWeighted(APP_NAMESPACES, (ns) => ns.weight);
    const k = nextInNamespace.get(namespace.name) ?? 0;
    nextInNamespace.set(namespace.name, k + 1);
    const template = namespace.workloads[k % namespace.workloads.length] as WorkloadTemplate;
    const round = Math.floor(k / namespace.workloads.length);
    const name = round === 0 ? template.name : `${template.name}-${round + 1}`;
    const replicas = Math.min(remaining, rng.int(1, 2 * meanReplicas - 1));
    const containers = appContainers(input, namespace.name, template);
    planned.push(plan(input, planned.length, namespace.name, name, template, replicas, containers));
    remaining -= replicas;
  }
  return planned;
}

function plan(
  input: WorkloadBuildInput,
  index: number,
  namespace: string,
  name: string,
  template: WorkloadTemplate,
  replicas: number,
  containers: ContainerSpec[],
): PlannedWorkload {
  const { rng, clusterCreatedMs, nowMs } = input;
  const podRequests = { cpuMillis: 0, memoryBytes: 0 };
  for (const c of containers) {
    podRequests.cpuMillis += c.requests.cpuMillis ?? 0;
    podRequests.memoryBytes += c.requests.memoryBytes ?? 0;
  }
  const podLimits: ResourceAmounts = {};
  if (containers.every((c) => c.limits.cpuMillis !== undefined)) {
    podLimits.cpuMillis = containers.reduce((sum, c) => sum + (c.limits.cpuMillis ?? 0), 0);
  }
  if (containers.every((c) => c.limits.memoryBytes !== undefined)) {
    podLimits.memoryBytes = containers.reduce((sum, c) => sum + (c.limits.memoryBytes ?? 0), 0);
  }
  const latestCreate = Math.max(clusterCreatedMs, nowMs - 2 * HOUR_MS);
  const createdMs =
    namespace === 'kube-system'
      ? clusterCreatedMs
      : rng.int(Math.min(clusterCreatedMs + DAY_MS, latestCreate), latestCreate);
  const rolloutMs = rng.int(createdMs, Math.max(createdMs, nowMs - 10 * 60_000));
  // Drawn and dropped: the hash now comes from the template, and the streams stay where they were.
  nameSuffix(rng, 10);
  const labels = {
    app: name,
    'app.kubernetes.io/name': template.name,
    'app.kubernetes.io/part-of': namespace,
  };
  const workload: SimWorkload = {
    index,
    namespace,
    name,
    // The hash the Deployment controller computes, so it finds its ReplicaSet and leaves it be.
    templateHash: podTemplateHash(
      workloadTemplate({ namespace, name, labels, containers, pattern: template.pattern }),
    ),
    replicas,
    pattern: template.pattern,
    labels,
    containers,
    qosClass: qosClassOf(containers),
    podRequests,
    podLimits,
    createdMs,
  };
  return { workload, profile: profileFor(rng, template.pattern, podRequests, input.podBudget), rolloutMs };
}

function appContainers(
  input: WorkloadBuildInput,
  namespace: string,
  template: WorkloadTemplate,
): ContainerSpec[] {
  const { rng, podBudget, maxPod } = input;
  const style = pickQosStyle(rng, namespace);
  if (style === 'BestEffort') return [container(template.name, template.image, {}, {})];

  const sidecar = rng.chance(0.3) ? rng.pick(SIDECARS) : undefined;
  const mainShare = 1 / (1 + (sidecar?.share ?? 0));
  // Log-normal-ish spread around the budget: most pods are small, a few are large.
  const scale = Math.exp(rng.float(-1.2, 0.9));
  const cpu = Math.min(maxPod.cpuMillis, podBudget.cpuMillis * scale * rng.float(0.7, 1.3));
  const memory = Math.min(maxPod.memoryBytes, podBudget.memoryBytes * scale * rng.float(0.7, 1.3));
  // One ratio per workload for all its containers keeps pod limits proportional to requests.
  const cpuLimitRatio = style === 'Guaranteed' ? 1 : rng.chance(0.4) ? rng.pick([2, 4]) : undefined;
  const memoryLimitRatio = style === 'Guaranteed' ? 1 : rng.chance(0.7) ? rng.pick([1, 1.5, 2]) : undefined;

  const sized = (share: number): [ResourceAmounts, ResourceAmounts] => {
    const requests = { cpuMillis: niceCpu(cpu * share), memoryBytes: niceMemory(memory * share) };
    const limits: ResourceAmounts = {};
    if (cpuLimitRatio !== undefined) limits.cpuMillis = requests.cpuMillis * cpuLimitRatio;
    if (memoryLimitRatio !== undefined)
      limits.memoryBytes = niceMemory(requests.memoryBytes * memoryLimitRatio);
    return [requests, limits];
  };
  const containers = [container(template.name, template.image, ...sized(mainShare))];
  if (sidecar) containers.push(container(sidecar.name, sidecar.image, ...sized(sidecar.share * mainShare)));
  return containers;
}

function pickQosStyle(rng: Rng, namespace: string): QosClass {
  const roll = rng.next();
  if (namespace === 'default') return roll < 0.4 ? 'BestEffort' : roll < 0.5 ? 'Guaranteed' : 'Burstable';
  if (namespace === 'payments') return roll < 0.5 ? 'Guaranteed' : 'Burstable';
  return roll < 0.03 ? 'BestEffort' : roll < 0.2 ? 'Guaranteed' : 'Burstable';
}

function container(
  name: string,
  image: string,
  requests: ResourceAmounts,
  limits: ResourceAmounts,
): ContainerSpec {
  return { name, image, requests, limits };
}

/** The QoS rules of the kubelet (pkg/apis/core/helper/qos), over cpu and memory. */
export function qosClassOf(containers: readonly ContainerSpec[]): QosClass {
  let anySet = false;
  let allGuaranteed = true;
  for (const c of containers) {
    for (const key of ['cpuMillis', 'memoryBytes'] as const) {
      const request = c.requests[key];
      const limit = c.limits[key];
      if (request !== undefined || limit !== undefined) anySet = true;
      // A limit without a request defaults the request to the limit.
      if (limit === undefined || (request !== undefined && request !== limit)) allGuaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return allGuaranteed ? 'Guaranteed' : 'Burstable';
}

function profileFor(rng: Rng, pattern: LoadPattern, requests: CpuMemory, budget: CpuMemory): UsageProfile {
  // BestEffort pods have no requests to be a fraction of; they use a slice of a typical pod.
  const cpuRef = requests.cpuMillis > 0 ? requests.cpuMillis : budget.cpuMillis * 0.3;
  const memoryRef = requests.memoryBytes > 0 ? requests.memoryBytes : budget.memoryBytes * 0.3;
  const memoryBaseBytes = memoryRef * rng.float(0.45, 0.85);
  switch (pattern) {
    case 'web': // Peaks in the US business afternoon (UTC), deep trough at night.
      return {
        cpuBaseMillis: cpuRef * rng.float(0.25, 0.6),
        memoryBaseBytes,
        dailyAmplitude: rng.float(0.3, 0.6),
        peakHour: rng.float(15, 19),
        noise: rng.float(0.1, 0.25),
      };
    case 'batch': // Nightly jobs: busy while the web tier sleeps.
      return {
        cpuBaseMillis: cpuRef * rng.float(0.2, 0.7),
        memoryBaseBytes,
        dailyAmplitude: rng.float(0.4, 0.7),
        peakHour: rng.float(1, 4),
        noise: rng.float(0.15, 0.3),
      };
    case 'steady':
      return {
        cpuBaseMillis: cpuRef * rng.float(0.3, 0.5),
        memoryBaseBytes,
        dailyAmplitude: rng.float(0.05, 0.15),
        peakHour: rng.float(0, 24),
        noise: rng.float(0.03, 0.1),
      };
  }
}

/** Requests the way people write them: 5m steps below 100m, 25m below 1 core, 100m above. */
export function niceCpu(millis: number): number {
  const step = millis < 100 ? 5 : millis < 1000 ? 25 : 100;
  return Math.max(10, Math.round(millis / step) * step);
}

/** 16Mi steps below 256Mi, 64Mi below 1Gi, 128Mi above. */
export function niceMemory(bytes: number): number {
  const mib = bytes / MIB;
  const step = mib < 256 ? 16 : mib < 1024 ? 64 : 128;
  return Math.max(16, Math.round(mib / step) * step) * MIB;
}
