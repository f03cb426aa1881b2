import { CustomObjectsApi } from '@kubernetes/client-node';
import type { LoadedKubeconfig } from './kubeconfig.ts';
import type { ClusterProblem } from './cluster-errors.ts';
import type { LifecycleEvent } from './lifecycle.ts';
import { nodeFirstSeen, nodeLifecycle, podLifecycle } from './lifecycle.ts';
import { reduceNode, type NodeFacts } from './node-facts.ts';
import { reducePod, type PodFacts } from './pod-facts.ts';
import { ResourceMirror, type MirrorState } from './resource-mirror.ts';
import { ExtraMirrors } from './extra-mirrors.ts';
import { getJson } from './raw-get.ts';
import type { HpaFacts, PdbFacts, WorkloadFacts } from './workload-facts.ts';
import type { TrimmedNode, TrimmedPod } from './scheduling-object.ts';

/** metrics.k8s.io objects, reduced to what Foresight reads. */
export interface NodeMetrics {
  metadata: { name: string };
  usage: { cpu?: string; memory?: string };
}

/** metrics.k8s.io pod usage, per container. */
export interface PodMetrics {
  metadata: { name: string; namespace: string };
  containers: Array<{ name: string; usage: { cpu?: string; memory?: string } }>;
}

/** Nodes and pods as kube-scheduler reads them (Kubernetes JSON, trimmed). */
export interface SchedulingObjects {
  nodes: TrimmedNode[];
  pods: TrimmedPod[];
}

/** Where a pod runs and whether it still holds resources: what node rows need of a pod. */
export type PodPlacement = Pick<PodFacts, 'nodeName' | 'phase'>;

/**
 * The reads the collector needs, behind one small interface so that the collection logic can
 * be exercised against any cluster (the demo server in tests, a real one in the app).
 */
export interface ClusterReader {
  readonly context: string;
  readonly server: string;
  start?(): void;
  stop?(): void;
  /** Resolves when the first lists are in (mirroring readers). */
  whenSynced?(): Promise<void>;
  listNodes(): Promise<NodeFacts[]>;
  listPods(): Promise<PodPlacement[]>;
  listNodeMetrics(): Promise<NodeMetrics[]>;
  /** Per-pod usage from metrics.k8s.io (readers without it: no per-pod history). */
  listPodMetrics?(): Promise<PodMetrics[]>;
  /** Pods with their owners and trimmed objects (mirroring readers). */
  listPodFacts?(): Promise<PodFacts[]>;
  listSchedulingObjects?(): Promise<SchedulingObjects>;
  /** Deployments, StatefulSets, ReplicaSets, DaemonSets and Jobs, as far as they could be read. */
  listWorkloads?(): WorkloadFacts[];
  listHpas?(): HpaFacts[];
  listPdbs?(): PdbFacts[];
  /** The owner of a ReplicaSet or Job (a Deployment, a CronJob), to name pods by their workload. */
  ownerOf?(kind: string, namespace: string, name: string): { kind: string; name: string } | undefined;
  /** Resources that cannot be read (forbidden, not served), each saying what goes missing. */
  partialProblems?(): ClusterProblem[];
  /** The kubelet Summary API of one node, through the API server's node proxy (raw JSON). */
  getNodeSummary?(node: string, signal?: AbortSignal): Promise<unknown>;
}

/** Page size for list calls: what kubectl uses for chunked lists. */
export const listPageSize = 500;

/** How long a cycle waits for a mirror's first list before reporting it as not there yet. */
const firstSyncWaitMs = 10_000;

/** A mirror that cannot be read: carries the problem, already in words. */
export class MirrorUnavailableError extends Error {
  constructor(readonly problem: ClusterProblem) {
    super(problem.message);
    this.name = 'MirrorUnavailableError';
  }
}

function isMetricsList<T>(value: unknown): value is { items: T[] } {
  return !!value && typeof value === 'object' && Array.isArray((value as { items?: unknown }).items);
}

async function listMetrics<T>(custom: CustomObjectsApi, plural: 'nodes' | 'pods'): Promise<T[]> {
  const list: unknown = await custom.listClusterCustomObject({
    group: 'metrics.k8s.io',
    version: 'v1beta1',
    plural,
  });
  if (!isMetricsList<T>(list))
    throw new Error(`metrics.k8s.io returned something that is not a list of ${plural}`);
  return list.items;
}

/** Waits while the mirror is busy with its first list and nothing has failed yet. */
async function firstAnswer<T>(mirror: ResourceMirror<T>): Promise<void> {
  const deadline = Date.now() + firstSyncWaitMs;
  while (mirror.state.lists === 0 && mirror.state.phase === 'syncing' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The mirror's objects once it has listed and is not failing; otherwise why not. */
async function readMirror<T>(mirror: ResourceMirror<T>, server: string, what: string): Promise<T[]> {
  await firstAnswer(mirror);
  const state: MirrorState = mirror.state;
  if (state.phase === 'retrying' && state.problem) throw new MirrorUnavailableError(state.problem);
  if (state.lists === 0) {
    throw new MirrorUnavailableError({
      kind: 'syncing',
      message: `Still receiving the list of ${what} from ${server} (a large cluster takes a while).`,
    });
  }
  return [...mirror.objects.values()];
}

/**
 * Nodes and pods are mirrored by list+watch (one list at start, then only changes, so a cycle
 * costs nothing per object fetched); metrics.k8s.io has no watch and is polled each cycle.
 */
export function createClusterReader(
  loaded: LoadedKubeconfig,
  onLifecycle: (events: LifecycleEvent[]) => void = () => undefined,
  now: () => number = Date.now,
): ClusterReader {
  const custom = loaded.kubeConfig.makeApiClient(CustomObjectsApi);
  const common = { kubeConfig: loaded.kubeConfig, server: loaded.server, pageSize: listPageSize };
  const nodes = new ResourceMirror<NodeFacts>({
    ...common,
    path: '/api/v1/nodes',
    reduce: reduceNode,
    onChange: (type, after, before) => onLifecycle(nodeLifecycle(type, after, before, now())),
    onFirstList: (all) => onLifecycle(all.flatMap((node) => nodeFirstSeen(node, now()))),
  });
  const pods = new ResourceMirror<PodFacts>({
    ...common,
    path: '/api/v1/pods',
    reduce: reducePod,
    onChange: (type, after, before) => onLifecycle(podLifecycle(type, after, before, now())),
  });
  const extra = new ExtraMirrors({
    ...common,
    now,
    onLifecycle,
    nodeOfPod: (namespace, name) => pods.objects.get(`${namespace}/${name}`)?.nodeName,
  });
  return {
    context: loaded.context,
    server: loaded.server,
    start() {
      nodes.start();
      pods.start();
      extra.start();
    },
    stop() {
      nodes.stop();
      pods.stop();
      extra.stop();
    },
    whenSynced: async () => {
      await Promise.all([nodes.whenSynced(), pods.whenSynced()]);
    },
    listNodes: () => readMirror(nodes, loaded.server, 'nodes'),
    listPods: () => readMirror(pods, loaded.server, 'pods'),
    listPodFacts: () => readMirror(pods, loaded.server, 'pods'),
    async listSchedulingObjects() {
      const [nodeFacts, podFacts] = await Promise.all([
        readMirror(nodes, loaded.server, 'nodes'),
        readMirror(pods, loaded.server, 'pods'),
      ]);
      return { nodes: nodeFacts.map((n) => n.object), pods: podFacts.map((p) => p.object) };
    },
    listNodeMetrics: () => listMetrics<NodeMetrics>(custom, 'nodes'),
    listPodMetrics: () => listMetrics<PodMetrics>(custom, 'pods'),
    listWorkloads: () => extra.workloadFacts(),
    listHpas: () => extra.hpaFacts(),
    listPdbs: () => extra.pdbFacts(),
    ownerOf: (kind, namespace, name) => extra.ownerOf(kind, namespace, name),
    partialProblems: () => extra.problems(),
    getNodeSummary: (node, signal) =>
      getJson(
        loaded.kubeConfig,
        loaded.server,
        `/api/v1/nodes/${encodeURIComponent(node)}/proxy/stats/summary`,
        {},
        signal,
      ),
  };
}
