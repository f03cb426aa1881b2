import { stableUid } from '../../sim/ids.ts';
import { createSimulation, type Simulation, type SimulationOptions } from '../../sim/simulation.ts';
import { keys } from '../../sim/store/api-resources.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import { ObjectStore } from '../../sim/store/object-store.ts';
import type { SimPod, SimWorkload } from '../../sim/types.ts';
import type { ClusterBackend, NodeUsage, PodUsage } from '../cluster-backend.ts';
import { namespaceObject, nodeObject, podLabels, podObject, timestamp } from './objects.ts';

/**
 * Today's Simulation (compact records, no controllers) as a ClusterBackend: its cluster is
 * converted once into Kubernetes JSON in an ObjectStore, and metrics come from its usage model.
 * A stop-gap until core/sim's Simulation owns a store itself; then this file goes, and
 * `startDemoServer` takes that Simulation as its backend.
 */
export interface LegacyBackend extends ClusterBackend {
  readonly simulation: Simulation;
}

export function legacySimulationBackend(simulation: Simulation): LegacyBackend {
  let uid = 0;
  const store = new ObjectStore({
    now: () => simulation.now(),
    newUid: () => stableUid(simulation.seed, 'workload', 10_000_000 + ++uid),
  });
  const { cluster } = simulation;
  const firstPods = new Map<SimWorkload, SimPod>();
  for (const pod of cluster.pods) if (!firstPods.has(pod.workload)) firstPods.set(pod.workload, pod);
  store.load(
    keys.namespaces,
    cluster.namespaces.map((n) => namespaceObject(simulation, n)),
  );
  store.load(
    keys.nodes,
    cluster.nodes.map((n) => nodeObject(simulation, n)),
  );
  store.load(
    keys.deployments,
    cluster.workloads.map((w) => deploymentObject(simulation, w, firstPods.get(w))),
  );
  store.load(
    keys.replicasets,
    cluster.workloads.map((w) => replicaSetObject(simulation, w, firstPods.get(w))),
  );
  store.load(keys.pods, podObjects(simulation));

  return {
    simulation,
    store,
    now: () => simulation.now(),
    kubernetesVersion: cluster.kubernetesVersion,
    finishesPodDeletion: false,
    nodeMetrics(): NodeUsage[] {
      const table = simulation.usageNow();
      return cluster.nodes.map((node) => ({
        name: node.name,
        cpuMillis: table.cpuMillis[node.index] ?? 0,
        memoryBytes: table.memoryBytes[node.index] ?? 0,
      }));
    },
    *podMetrics(namespace?: string): Generator<PodUsage> {
      const tMs = simulation.now();
      for (const pod of cluster.pods) {
        if (namespace !== undefined && pod.namespace !== namespace) continue;
        if (pod.phase !== 'Running') continue;
        yield { namespace: pod.namespace, name: pod.name, containers: simulation.containerUsage(pod, tMs) };
      }
    },
  };
}

export function createLegacyBackend(options: SimulationOptions): LegacyBackend {
  return legacySimulationBackend(createSimulation(options));
}

/**
 * Pods of one workload share their containers and tolerations JSON: the store never mutates a
 * stored object, so sharing is safe and keeps a 150,000-pod cluster within memory.
 */
function podObjects(simulation: Simulation): KubeObject[] {
  const shared = new Map<SimWorkload, { containers: unknown; tolerations: unknown }>();
  return simulation.cluster.pods.map((pod) => {
    const object = podObject(simulation, pod);
    const spec = object.spec as Record<string, unknown>;
    let parts = shared.get(pod.workload);
    if (!parts) {
      parts = { containers: spec.containers, tolerations: spec.tolerations };
      shared.set(pod.workload, parts);
    }
    spec.containers = parts.containers;
    spec.tolerations = parts.tolerations;
    return object;
  });
}

function templateOf(
  simulation: Simulation,
  workload: SimWorkload,
  pod: SimPod | undefined,
): Record<string, unknown> {
  const spec = pod ? { ...(podObject(simulation, pod).spec as Record<string, unknown>) } : {};
  delete spec.nodeName;
  delete spec.serviceAccount;
  delete spec.tolerations;
  delete spec.priority;
  return {
    metadata: { labels: { ...workload.labels, 'pod-template-hash': workload.templateHash } },
    spec,
  };
}

function selectorOf(workload: SimWorkload): Record<string, unknown> {
  return { matchLabels: { ...workload.labels } };
}

function readyStatus(workload: SimWorkload, generation: number): Record<string, unknown> {
  return {
    observedGeneration: generation,
    replicas: workload.replicas,
    readyReplicas: workload.replicas,
    availableReplicas: workload.replicas,
  };
}

function deploymentObject(
  simulation: Simulation,
  workload: SimWorkload,
  first: SimPod | undefined,
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: workload.name,
      namespace: workload.namespace,
      uid: stableUid(simulation.seed, 'workload', workload.index),
      generation: 1,
      creationTimestamp: timestamp(workload.createdMs),
      labels: { ...workload.labels },
      annotations: { 'deployment.kubernetes.io/revision': '1' },
    },
    spec: {
      replicas: workload.replicas,
      selector: selectorOf(workload),
      template: templateOf(simulation, workload, first),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: { ...readyStatus(workload, 1), updatedReplicas: workload.replicas },
  };
}

function replicaSetObject(
  simulation: Simulation,
  workload: SimWorkload,
  first: SimPod | undefined,
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${workload.name}-${workload.templateHash}`,
      namespace: workload.namespace,
      uid: stableUid(simulation.seed, 'replicaSet', workload.index),
      generation: 1,
      creationTimestamp: timestamp(workload.createdMs),
      labels: first ? { ...podLabels(first) } : { ...workload.labels },
      annotations: { 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: workload.name,
          uid: stableUid(simulation.seed, 'workload', workload.index),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: workload.replicas,
      selector: { matchLabels: { ...workload.labels, 'pod-template-hash': workload.templateHash } },
      template: templateOf(simulation, workload, first),
    },
    status: { ...readyStatus(workload, 1), fullyLabeledReplicas: workload.replicas },
  };
}
