import { DAEMON_SETS } from '../catalogue.ts';
import { generatedSuffix, stableUid } from '../ids.ts';
import { nodeInternalIP, podIP } from '../network.ts';
import { noise3 } from '../random.ts';
import { keys } from '../store/api-resources.ts';
import type { KubeObject } from '../store/kube-object.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { Pod, PodSpec, ReplicaSet } from '../kube/types.ts';
import { namespaceToJson, nodeToJson } from '../objects/node-json.ts';
import { daemonSetPodSpec, daemonSetRevision } from '../objects/daemon-pod.ts';
import { controllerReference, newPodJson, runningPodJson } from '../objects/pod-json.ts';
import { templateSpecDefaults } from '../objects/pod-defaults.ts';
import {
  containerToJson,
  daemonSetJson,
  deploymentJson,
  replicaSetForDeployment,
  workloadTemplate,
} from '../objects/workload-json.ts';
import type { SimCluster, SimPod, SimWorkload } from '../types.ts';
import { completedJob, statefulSet } from './extra-workloads.ts';
import { NodeLedger } from './node-ledger.ts';
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
