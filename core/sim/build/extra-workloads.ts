import { COMPLETED_JOB, STATEFUL_SET } from '../catalogue.ts';
import { generatedSuffix, stableUid } from '../ids.ts';
import { nodeInternalIP, podIP } from '../network.ts';
import type { KubeObject } from '../store/kube-object.ts';
import { rfc3339 } from '../kube/time.ts';
import type { Pod, PodTemplateSpec } from '../kube/types.ts';
import { controllerReference, newPodJson, runningPodJson, succeededPodJson } from '../objects/pod-json.ts';
import { templateSpecDefaults } from '../objects/pod-defaults.ts';
import { statefulSetRevision } from '../objects/stateful-pod.ts';
import { containerToJson, jobJson, statefulSetJson, withLabel } from '../objects/workload-json.ts';
import type { SimCluster } from '../types.ts';
import type { NodeLedger } from './node-ledger.ts';

/**
 * The workloads the planned cluster does not have (cluster.ts plans Deployments only): one
 * StatefulSet and one finished Job, so every kind a client lists has something in it.
 */

export function statefulSet(
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

export function completedJob(
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
  const done = rfc3339(finishedMs);
  return {
    ...job,
    status: {
      startTime: rfc3339(createdMs),
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
