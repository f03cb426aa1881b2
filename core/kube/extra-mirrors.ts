import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterProblem } from './cluster-errors.ts';
import { eventLifecycle, reduceEvent, type EventFacts } from './event-facts.ts';
import type { LifecycleEvent } from './lifecycle.ts';
import { ResourceMirror, type RawObject } from './resource-mirror.ts';
import {
  reduceHpa,
  reducePdb,
  reduceWorkload,
  type HpaFacts,
  type PdbFacts,
  type WorkloadFacts,
  type WorkloadKind,
} from './workload-facts.ts';

/**
 * The resources mirrored beside nodes and pods, each with what needs it: a 403 or a missing API
 * on one of them degrades only that feature, and the UI says which.
 */
interface ExtraResource {
  id: string;
  path: string;
  what: string;
  /** What goes missing without it, in the user's words. */
  affects: string;
}

const workloadResources: Array<ExtraResource & { kind: WorkloadKind }> = [
  {
    id: 'deployments',
    kind: 'Deployment',
    path: '/apis/apps/v1/deployments',
    what: 'Deployments',
    affects: 'scaling advice and workload placement',
  },
  {
    id: 'statefulsets',
    kind: 'StatefulSet',
    path: '/apis/apps/v1/statefulsets',
    what: 'StatefulSets',
    affects: 'scaling advice for StatefulSets',
  },
  {
    id: 'replicasets',
    kind: 'ReplicaSet',
    path: '/apis/apps/v1/replicasets',
    what: 'ReplicaSets',
    affects: 'grouping pods by Deployment',
  },
  {
    id: 'daemonsets',
    kind: 'DaemonSet',
    path: '/apis/apps/v1/daemonsets',
    what: 'DaemonSets',
    affects: 'DaemonSet pods in drain previews',
  },
  {
    id: 'jobs',
    kind: 'Job',
    path: '/apis/batch/v1/jobs',
    what: 'Jobs',
    affects: 'grouping Job pods by CronJob',
  },
];

const hpaResource: ExtraResource = {
  id: 'hpas',
  path: '/apis/autoscaling/v2/horizontalpodautoscalers',
  what: 'HorizontalPodAutoscalers',
  affects: 'HPA bounds in scaling advice',
};
const pdbResource: ExtraResource = {
  id: 'pdbs',
  path: '/apis/policy/v1/poddisruptionbudgets',
  what: 'PodDisruptionBudgets',
  affects: 'PDB checks in drain previews and the autopilot',
};
const eventResource: ExtraResource = {
  id: 'events',
  path: '/api/v1/events',
  what: 'Events',
  affects: 'Warning events in the history',
};
const nodeEventResource: ExtraResource = {
  id: 'node-events',
  path: '/api/v1/events',
  what: 'Normal events on nodes',
  affects: 'kubelet restarts in the history (an early sign of a node going NotReady)',
};

export interface ExtraMirrorsOptions {
  kubeConfig: KubeConfig;
  server: string;
  pageSize: number;
  now: () => number;
  onLifecycle: (events: LifecycleEvent[]) => void;
  nodeOfPod: (namespace: string, name: string) => string | undefined;
}

/** Mirrors of workloads, HPAs, PDBs, Warning events and Nodes' Normal events, started and stopped together. */
export class ExtraMirrors {
  private readonly workloads: Array<{ resource: ExtraResource; mirror: ResourceMirror<WorkloadFacts> }>;
  private readonly hpas: ResourceMirror<HpaFacts>;
  private readonly pdbs: ResourceMirror<PdbFacts>;
  private readonly events: ResourceMirror<EventFacts>;
  private readonly nodeEvents: ResourceMirror<EventFacts>;

  constructor(options: ExtraMirrorsOptions) {
    const common = { kubeConfig: options.kubeConfig, server: options.server, pageSize: options.pageSize };
    const mirror = <T>(resource: ExtraResource, reduce: (raw: RawObject) => T) =>
      new ResourceMirror<T>({ ...common, path: resource.path, reduce });
    this.workloads = workloadResources.map((resource) => ({
      resource,
      mirror: mirror(resource, reduceWorkload(resource.kind)),
    }));
    this.hpas = mirror(hpaResource, reduceHpa);
    this.pdbs = mirror(pdbResource, reducePdb);
    const eventMirror = (resource: ExtraResource, fieldSelector: string) =>
      new ResourceMirror<EventFacts>({
        ...common,
        path: resource.path,
        fieldSelector,
        reduce: reduceEvent,
        onChange: (type, after, before) =>
          options.onLifecycle(eventLifecycle(type, after, before, options.now(), options.nodeOfPod)),
      });
    // Only Warnings go to the history: Normal events (Scheduled, Pulled, Started) are most of a
    // busy cluster's events and would cost memory for nothing.
    this.events = eventMirror(eventResource, 'type=Warning');
    // Of the Normal events, only those on Nodes (few: a node's starts, reboots, readiness) are
    // mirrored, for the kubelet's "Starting kubelet.": a kubelet that keeps restarting shows
    // nowhere else before its node goes NotReady.
    this.nodeEvents = eventMirror(nodeEventResource, 'involvedObject.kind=Node,type=Normal');
  }

  private all(): Array<{ resource: ExtraResource; mirror: ResourceMirror<unknown> }> {
    return [
      ...this.workloads,
      { resource: hpaResource, mirror: this.hpas },
      { resource: pdbResource, mirror: this.pdbs },
      { resource: eventResource, mirror: this.events },
      { resource: nodeEventResource, mirror: this.nodeEvents },
    ] as Array<{ resource: ExtraResource; mirror: ResourceMirror<unknown> }>;
  }

  start(): void {
    for (const { mirror } of this.all()) mirror.start();
  }

  stop(): void {
    for (const { mirror } of this.all()) mirror.stop();
  }

  workloadFacts(): WorkloadFacts[] {
    return this.workloads.flatMap(({ mirror }) => [...mirror.objects.values()]);
  }

  hpaFacts(): HpaFacts[] {
    return [...this.hpas.objects.values()];
  }

  pdbFacts(): PdbFacts[] {
    return [...this.pdbs.objects.values()];
  }

  /** The controlling owner of a ReplicaSet or Job (its Deployment or CronJob), when mirrored. */
  ownerOf(kind: string, namespace: string, name: string): { kind: string; name: string } | undefined {
    const entry = this.workloads.find(
      ({ resource }) => resource.id === (kind === 'Job' ? 'jobs' : 'replicasets'),
    );
    return entry?.mirror.objects.get(`${namespace}/${name}`)?.owner;
  }

  /** The mirrors that cannot be read right now, each saying what is missing and why. */
  problems(): ClusterProblem[] {
    return this.all()
      .filter(({ mirror }) => mirror.state.phase === 'retrying' && mirror.state.problem)
      .map(({ resource, mirror }) => {
        const problem = mirror.state.problem as ClusterProblem;
        return {
          ...problem,
          message: `${resource.what} unavailable (${problem.message}) — without them: ${resource.affects}.`,
        };
      });
  }
}
