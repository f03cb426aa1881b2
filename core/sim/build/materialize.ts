import { COMPLETED_JOB, DAEMON_SETS, STATEFUL_SET } from '../catalogue.ts';
import { generatedSuffix, stableUid } from '../ids.ts';
import { nodeInternalIP, podIP } from '../network.ts';
import { noise3 } from '../random.ts';
import { keys } from '../store/api-resources.ts';
import type { KubeObject } from '../store/kube-object.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { podShape } from '../kube/pods.ts';
import type { Pod, PodSpec, PodTemplateSpec, ReplicaSet } from '../kube/types.ts';
import { namespaceToJson, nodeToJson } from '../objects/node-json.ts';
import { daemonSetPodSpec, daemonSetRevision } from '../objects/daemon-pod.ts';
import { controllerReference, newPodJson, runningPodJson, succeededPodJson } from '../objects/pod-json.ts';
import { templateSpecDefaults } from '../objects/pod-defaults.ts';
import { statefulSetRevision } from '../objects/stateful-pod.ts';
import {
  containerToJson,
  daemonSetJson,
  deploymentJson,
  jobJson,
  replicaSetForDeployment,
  statefulSetJson,
  withLabel,
  workloadTemplate,
} from '../objects/workload-json.ts';
import type { SimCluster, SimPod, SimWorkload } from '../types.ts';
import { chooseAutoscalers, chooseDisruptionBudgets } from './policies.ts';

/**
 * Writes a freshly planned cluster (cluster.ts) into the store as the API server would hold it
 * after the cluster had been running for a while: every object complete with status, owners
 * and uids, loaded in bulk without watch events. Controllers then run it from there.
 */
export function materializeCluster(store: ObjectStore, layout: SimCluster, startMs: number): void {
  const { seed } = layout;
  store.load(
    keys.namespaces,
    layout.namespaces.map((n) => namespaceToJson(seed, n)),
  );
  store.load(
    keys.nodes,
    layout.nodes.map((n) => nodeToJson(seed, n, layout.kubernetesVersion, startMs)),
  );

  const ledger = new NodeLedger(layout);
  const deployments: KubeObject[] = [];
  const replicaSets: KubeObject[] = [];
  const pods: Pod[] = [];
  const podsByWorkload = groupPods(layout);
  for (const workload of layout.workloads) {
    const { deployment, replicaSet } = deploymentObjects(
      seed,
      workload,
      podsByWorkload[workload.index] ?? [],
    );
    deployments.push(deployment);
    replicaSets.push(replicaSet);
    const owners = [controllerReference(replicaSet)];
    for (const pod of podsByWorkload[workload.index] ?? []) {
      pods.push(layoutPod(layout, startMs, pod, replicaSet, owners));
    }
  }

  const daemonSets = DAEMON_SETS.map((template, i) => {
    const labels = { 'app.kubernetes.io/name': template.name, 'k8s-app': template.name };
    const spec: PodSpec = {
      containers: [
        containerToJson({
          name: template.name,
          image: template.image,
          requests: template.requests,
          limits: template.limits,
        }),
      ],
      hostNetwork: true,
      tolerations: [{ operator: 'Exists' }],
      ...(template.priorityClassName ? { priorityClassName: template.priorityClassName } : {}),
    };
    const ds = daemonSetJson({
      namespace: template.namespace,
      name: template.name,
      uid: stableUid(seed, 'daemonSet', i),
      createdMs: layout.createdMs,
      labels,
      template: { metadata: { labels }, spec: templateSpecDefaults(spec) },
    });
    const revision = daemonSetRevision(ds);
    const podLabels = { ...labels, 'controller-revision-hash': revision, 'pod-template-generation': '1' };
    const owners = [controllerReference(ds)];
    for (const node of layout.nodes) {
      const createdMs = Math.max(layout.createdMs, node.createdMs) + 20_000;
      const pod = newPodJson({
        name: `${ds.metadata.name}-${generatedSuffix(seed, ds.metadata.uid ?? '', node.index)}`,
        namespace: template.namespace,
        generateName: `${ds.metadata.name}-`,
        labels: podLabels,
        ownerReferences: owners,
        spec: daemonSetPodSpec(ds.spec.template.spec, node.name),
        uid: stableUid(seed, 'pod', 10_000_000 + i * 1_000_000 + node.index),
      });
      const ip = nodeInternalIP(node.index);
      pods.push(
        runningPodJson({
          pod,
          seed,
          index: 10_000_000 + i * 1_000_000 + node.index,
          nodeName: node.name,
          hostIP: ip,
          podIP: ip,
          createdMs,
          startedMs: createdMs + 3000,
        }),
      );
    }
    return ds;
  });

  const statefulSets = [statefulSet(layout, startMs, ledger, pods)];
  const jobs = [completedJob(layout, startMs, ledger, pods)];

  store.load(keys.deployments, deployments);
  store.load(keys.replicasets, replicaSets);
  store.load(keys.daemonsets, daemonSets);
  store.load(
    keys.statefulsets,
    statefulSets.filter((s): s is KubeObject => s !== undefined),
  );
  store.load(
    keys.jobs,
    jobs.filter((j): j is KubeObject => j !== undefined),
  );
  store.load(keys.pods, pods);
  store.load(keys.poddisruptionbudgets, chooseDisruptionBudgets(seed, layout.workloads));
  store.load(keys.horizontalpodautoscalers, chooseAutoscalers(seed, layout.workloads));
}

function groupPods(layout: SimCluster): SimPod[][] {
  const groups: SimPod[][] = layout.workloads.map(() => []);
  for (const pod of layout.pods) groups[pod.workload.index]?.push(pod);
  return groups;
}

function deploymentObjects(seed: number, workload: SimWorkload, pods: readonly SimPod[]) {
  const template = workloadTemplate(workload);
  const deployment = deploymentJson({
    namespace: workload.namespace,
    name: workload.name,
    uid: stableUid(seed, 'workload', workload.index),
    createdMs: workload.createdMs,
    labels: workload.labels,
    replicas: workload.replicas,
    template,
  });
  const firstPodMs = pods.reduce((least, p) => Math.min(least, p.createdMs), Infinity);
  const replicaSet = replicaSetForDeployment({
    deployment,
    hash: workload.templateHash,
    replicas: workload.replicas,
    revision: 1,
    uid: stableUid(seed, 'replicaSet', workload.index),
    createdMs: Math.max(
      workload.createdMs,
      Number.isFinite(firstPodMs) ? firstPodMs - 1000 : workload.createdMs,
    ),
  });
  return { deployment, replicaSet };
}

function layoutPod(
  layout: SimCluster,
  startMs: number,
  pod: SimPod,
  replicaSet: ReplicaSet,
  owners: ReplicaSet['metadata']['ownerReferences'],
): Pod {
  const { seed } = layout;
  const node = layout.nodes[pod.nodeIndex];
  const startedMs = pod.createdMs + 1000 + Math.floor(noise3(seed, 3, pod.index, 0) * 4000);
  let restarts: { count: number; lastMs: number; oomKilled: boolean } | undefined;
  if (pod.restartCount > 0) {
    const span = Math.max(0, startMs - pod.createdMs - 60_000);
    const lastMs = Math.min(
      startMs,
      pod.createdMs + 30_000 + Math.floor(noise3(seed, 4, pod.index, 0) * span),
    );
    restarts = { count: pod.restartCount, lastMs, oomKilled: noise3(seed, 7, pod.index, 0) < 0.5 };
  }
  const fresh = newPodJson({
    name: pod.name,
    namespace: pod.namespace,
    generateName: `${replicaSet.metadata.name}-`,
    labels: replicaSet.spec.template.metadata?.labels ?? {},
    ...(owners ? { ownerReferences: owners } : {}),
    spec: replicaSet.spec.template.spec,
    uid: stableUid(seed, 'pod', pod.index),
  });
  return runningPodJson({
    pod: fresh,
    seed,
    index: pod.index,
    nodeName: node?.name ?? '',
    hostIP: nodeInternalIP(pod.nodeIndex),
    podIP: podIP(pod.nodeIndex, pod.ipSlot),
    createdMs: pod.createdMs,
    startedMs,
    ...(restarts ? { restarts } : {}),
  });
}

/** Requests and used IP slots per node, for the few pods placed after the layout. */
class NodeLedger {
  private readonly cpu: Float64Array;
  private readonly memory: Float64Array;
  private readonly slots: Int32Array;

  constructor(private readonly layout: SimCluster) {
    const n = layout.nodes.length;
    this.cpu = new Float64Array(n);
    this.memory = new Float64Array(n);
    this.slots = new Int32Array(n);
    for (const pod of layout.pods) {
      this.cpu[pod.nodeIndex]! += pod.workload.podRequests.cpuMillis;
      this.memory[pod.nodeIndex]! += pod.workload.podRequests.memoryBytes;
      this.slots[pod.nodeIndex] = Math.max(this.slots[pod.nodeIndex]!, pod.ipSlot + 1);
    }
  }

  /** The least-requested untainted node that fits, skipping `avoid`; books the pod there. */
  place(spec: PodSpec, avoid: ReadonlySet<number>): { nodeIndex: number; slot: number } | undefined {
    const { requests } = podShape(spec);
    let best = -1;
    let bestLoad = Infinity;
    for (const node of this.layout.nodes) {
      if (node.taints.length > 0 || avoid.has(node.index)) continue;
      const a = node.allocatable;
      const cpu = this.cpu[node.index]! + requests.cpuMillis;
      const memory = this.memory[node.index]! + requests.memoryBytes;
      if (cpu > a.cpuMillis || memory > a.memoryBytes) continue;
      const load = Math.max(cpu / a.cpuMillis, memory / a.memoryBytes);
      if (load < bestLoad) {
        best = node.index;
        bestLoad = load;
      }
    }
    if (best < 0) return undefined;
    this.cpu[best]! += requests.cpuMillis;
    this.memory[best]! += requests.memoryBytes;
    const slot = this.slots[best]!;
    this.slots[best] = slot + 1;
    return { nodeIndex: best, slot };
  }
}

function statefulSet(
  layout: SimCluster,
  startMs: number,
  ledger: NodeLedger,
  pods: Pod[],
): KubeObject | undefined {
  const { seed } = layout;
  const workers = layout.nodes.filter((n) => n.taints.length === 0).length;
  const replicas = Math.min(STATEFUL_SET.replicas, workers);
  if (replicas === 0) return undefined;
  const labels = { app: STATEFUL_SET.name, 'app.kubernetes.io/name': STATEFUL_SET.name };
  const template: PodTemplateSpec = {
    metadata: { labels },
    spec: templateSpecDefaults({
      containers: [
        {
          ...containerToJson({
            name: STATEFUL_SET.name,
            image: STATEFUL_SET.image,
            requests: STATEFUL_SET.requests,
            limits: STATEFUL_SET.limits,
          }),
          ports: [{ name: 'postgres', containerPort: 5432, protocol: 'TCP' }],
        },
      ],
    }),
  };
  const createdMs = Math.min(startMs - 3_600_000, layout.createdMs + 86_400_000);
  const sts = statefulSetJson({
    namespace: STATEFUL_SET.namespace,
    name: STATEFUL_SET.name,
    uid: stableUid(seed, 'statefulSet', 0),
    createdMs,
    labels,
    replicas,
    template,
  });
  const revision = statefulSetRevision(sts);
  const owners = [controllerReference(sts)];
  const used = new Set<number>();
  for (let ordinal = 0; ordinal < replicas; ordinal++) {
    const name = `${STATEFUL_SET.name}-${ordinal}`;
    const spot = ledger.place(template.spec, used);
    if (!spot) break;
    used.add(spot.nodeIndex);
    const podCreatedMs = createdMs + ordinal * 15_000 + 1000;
    const pod = newPodJson({
      name,
      namespace: STATEFUL_SET.namespace,
      generateName: `${STATEFUL_SET.name}-`,
      labels: {
        ...withLabel(template, 'controller-revision-hash', revision).metadata?.labels,
        'statefulset.kubernetes.io/pod-name': name,
        'apps.kubernetes.io/pod-index': String(ordinal),
      },
      ownerReferences: owners,
      spec: { ...template.spec, hostname: name, subdomain: STATEFUL_SET.name },
      uid: stableUid(seed, 'pod', 20_000_000 + ordinal),
    });
    pods.push(
      runningPodJson({
        pod,
        seed,
        index: 20_000_000 + ordinal,
        nodeName: layout.nodes[spot.nodeIndex]?.name ?? '',
        hostIP: nodeInternalIP(spot.nodeIndex),
        podIP: podIP(spot.nodeIndex, spot.slot),
        createdMs: podCreatedMs,
        startedMs: podCreatedMs + 4000,
      }),
    );
  }
  return sts;
}

function completedJob(
  layout: SimCluster,
  startMs: number,
  ledger: NodeLedger,
  pods: Pod[],
): KubeObject | undefined {
  const { seed } = layout;
  const uid = stableUid(seed, 'job', 0);
  const createdMs = startMs - COMPLETED_JOB.startedBeforeMs;
  const job = jobJson({
    namespace: COMPLETED_JOB.namespace,
    name: COMPLETED_JOB.name,
    uid,
    createdMs,
    labels: { app: COMPLETED_JOB.name },
    completions: 1,
    parallelism: 1,
    template: {
      metadata: { labels: { app: COMPLETED_JOB.name } },
      spec: templateSpecDefaults({
        containers: [
          containerToJson({
            name: COMPLETED_JOB.name,
            image: COMPLETED_JOB.image,
            requests: COMPLETED_JOB.requests,
            limits: COMPLETED_JOB.limits,
          }),
        ],
        restartPolicy: 'Never',
      }),
    },
  });
  const spot = ledger.place(job.spec.template.spec, new Set());
  if (!spot) return undefined;
  const finishedMs = createdMs + COMPLETED_JOB.durationMs;
  const pod = newPodJson({
    name: `${COMPLETED_JOB.name}-${generatedSuffix(seed, uid, 0)}`,
    namespace: COMPLETED_JOB.namespace,
    generateName: `${COMPLETED_JOB.name}-`,
    labels: job.spec.template.metadata?.labels ?? {},
    ownerReferences: [controllerReference(job)],
    spec: job.spec.template.spec,
    uid: stableUid(seed, 'pod', 30_000_000),
  });
  pods.push(
    succeededPodJson({
      pod,
      seed,
      index: 30_000_000,
      nodeName: layout.nodes[spot.nodeIndex]?.name ?? '',
      hostIP: nodeInternalIP(spot.nodeIndex),
      podIP: podIP(spot.nodeIndex, spot.slot),
      createdMs: createdMs + 1000,
      startedMs: createdMs + 3000,
      finishedMs,
    }),
  );
  const done = new Date(Math.floor(finishedMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  return {
    ...job,
    status: {
      startTime: new Date(Math.floor(createdMs / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      completionTime: done,
      succeeded: 1,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
      conditions: [
        {
          type: 'SuccessCriteriaMet',
          status: 'True',
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
          lastProbeTime: done,
          lastTransitionTime: done,
        },
        {
          type: 'Complete',
          status: 'True',
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
          lastProbeTime: done,
          lastTransitionTime: done,
        },
      ],
    },
  };
}
