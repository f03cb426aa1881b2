import { createRng, deriveSeed, type Rng } from '../random.ts';
import { keys } from '../store/api-resources.ts';
import type { StoreEvent } from '../store/kube-object.ts';
import { rfc3339 } from '../kube/time.ts';
import { setCondition } from '../kube/conditions.ts';
import { controllerRef, isTerminal, objectKey, podShape, splitKey } from '../kube/pods.ts';
import type { Node, Pod, PodCondition } from '../kube/types.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import { DelayQueue, WorkQueue } from '../runtime/work-queue.ts';
import { feasibleNodesToFind, fitErrorMessage } from './fit-error.ts';
import {
  allocatableOf,
  type FilterFailure,
  type FilterPlugin,
  type NodeInfo,
  type PodInfo,
  type ScorePlugin,
} from './framework.ts';
import { balancedAllocation } from './plugins/balanced-allocation.ts';
import { nodeAffinityFilter, nodeAffinityScore } from './plugins/node-affinity.ts';
import { nodeName } from './plugins/node-name.ts';
import { leastAllocated, nodeResourcesFit } from './plugins/node-resources-fit.ts';
import { nodeUnschedulable } from './plugins/node-unschedulable.ts';
import { podTopologySpread, ZONE_LABEL } from './plugins/pod-topology-spread.ts';
import { taintTolerationFilter, taintTolerationScore } from './plugins/taint-toleration.ts';

export const SCHEDULER_NAME = 'default-scheduler';
const SOURCE = { component: SCHEDULER_NAME };

/** The default profile's filters, in its order; the first failing filter decides a node's reason. */
export const FILTERS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintTolerationFilter,
  nodeAffinityFilter,
  nodeResourcesFit,
];
export const SCORES: readonly ScorePlugin[] = [
  taintTolerationScore,
  nodeAffinityScore,
  podTopologySpread,
  leastAllocated,
  balancedAllocation,
];

const INITIAL_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration: unschedulable pods are retried at least this often. */
const MAX_UNSCHEDULABLE_MS = 300_000;

interface Parked {
  attempts: number;
  generation: number;
  sinceMs: number;
  retryQueued: boolean;
}

export type ScheduleResult = { node: string } | { message: string };

/**
 * kube-scheduler: binds pending pods to nodes with the default filters and scores. Pods that fit
 * nowhere get a FailedScheduling event and an Unschedulable condition and wait for something in
 * the cluster to change (with back-off), or five minutes, before the next attempt.
 */
export class Scheduler implements Component {
  readonly name = SCHEDULER_NAME;
  private readonly active = new WorkQueue();
  private readonly backoff = new DelayQueue();
  private readonly parked = new Map<string, Parked>();
  private readonly rng: Rng;
  private nextStartNode = 0;
  private clusterChanged = false;
  /** What of each node matters to filters; heartbeats and usage changes do not wake anyone. */
  private readonly nodeSignatures = new Map<string, string>();

  constructor(
    private readonly ctx: SimContext,
    /** Binding throughput: pods per tick (kube-scheduler manages a few hundred a second). */
    private readonly podsPerTick = 200,
  ) {
    this.rng = createRng(deriveSeed(ctx.seed, 0x5c4ed));
  }

  start(): void {
    for (const node of this.ctx.cache.nodes()) {
      this.nodeSignatures.set(
        node.metadata.name ?? '',
        JSON.stringify([
          node.metadata.labels,
          node.spec?.taints,
          node.spec?.unschedulable,
          node.status?.allocatable,
        ]),
      );
    }
    for (const pod of this.ctx.store.list(keys.pods) as Pod[])
      if (wantsScheduling(pod)) this.active.add(objectKey(pod));
  }

  observe(event: StoreEvent): void {
    if (event.resource === keys.nodes) {
      const node = event.object as Node;
      const name = node.metadata.name ?? '';
      if (event.type === 'DELETED') {
        this.nodeSignatures.delete(name);
        return;
      }
      const signature = JSON.stringify([
        node.metadata.labels,
        node.spec?.taints,
        node.spec?.unschedulable,
        node.status?.allocatable,
      ]);
      if (this.nodeSignatures.get(name) !== signature) {
        this.nodeSignatures.set(name, signature);
        this.clusterChanged = true;
      }
      return;
    }
    if (event.resource !== keys.pods) return;
    const pod = event.object as Pod;
    const key = objectKey(pod);
    if (event.type === 'DELETED' || isTerminal(pod)) {
      // Room may have opened up.
      if (pod.spec.nodeName) this.clusterChanged = true;
      this.parked.delete(key);
      return;
    }
    if (!wantsScheduling(pod)) {
      this.parked.delete(key);
      return;
    }
    const parked = this.parked.get(key);
    // Its own status write must not wake a parked pod; a change to its spec does.
    if (parked && parked.generation === (pod.metadata.generation ?? 1)) return;
    this.parked.delete(key);
    this.active.add(key);
  }

  tick(nowMs: number): void {
    const changed = this.clusterChanged;
    this.clusterChanged = false;
    for (const [key, p] of this.parked) {
      if (p.retryQueued) continue;
      if (changed) this.backoff.add(key, p.sinceMs + backoffMs(p.attempts));
      else if (nowMs - p.sinceMs >= MAX_UNSCHEDULABLE_MS) this.backoff.add(key, nowMs);
      else continue;
      p.retryQueued = true;
    }
    for (const key of this.backoff.popDue(nowMs)) if (this.parked.has(key)) this.active.add(key);
    const batch = this.active.drain();
    const pods: Pod[] = [];
    for (const key of batch) {
      const [namespace, name] = splitKey(key);
      const pod = this.ctx.store.get(keys.pods, namespace, name) as Pod | undefined;
      if (pod && wantsScheduling(pod)) pods.push(pod);
    }
    // activeQ order: higher priority first, then first come.
    const order = new Map(pods.map((p, i) => [p, i]));
    pods.sort(
      (a, b) => (b.spec.priority ?? 0) - (a.spec.priority ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0),
    );
    pods.forEach((pod, i) => {
      if (i >= this.podsPerTick) this.active.add(objectKey(pod));
      else this.scheduleOne(pod, nowMs);
    });
  }

  private scheduleOne(pod: Pod, nowMs: number): void {
    const key = objectKey(pod);
    const result = this.schedule(pod);
    if ('node' in result) {
      this.parked.delete(key);
      this.bind(pod, result.node, nowMs);
      return;
    }
    const previous = this.parked.get(key);
    const attempts = (previous?.attempts ?? 0) + 1;
    const at = rfc3339(nowMs);
    const updated = this.ctx.store.mutate(
      keys.pods,
      pod.metadata.namespace,
      pod.metadata.name ?? '',
      (draft) => {
        const p = draft as Pod;
        p.status = {
          ...p.status,
          conditions: setCondition<PodCondition>(
            p.status?.conditions,
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: result.message,
              lastProbeTime: null,
            },
            at,
          ),
        };
      },
    );
    this.parked.set(key, {
      attempts,
      generation: updated?.metadata.generation ?? 1,
      sinceMs: nowMs,
      retryQueued: false,
    });
    this.ctx.recorder.record(SOURCE, updated ?? pod, {
      type: 'Warning',
      reason: 'FailedScheduling',
      message: result.message,
    });
  }

  /** Filters and scores every node for one pod (exported for tests through `schedulePod`). */
  schedule(pod: Pod): ScheduleResult {
    const nodes = this.nodeInfos();
    return schedulePod(
      pod,
      nodes,
      this.rng,
      this.nextStartNode,
      (next) => (this.nextStartNode = next),
      this.siblings(pod, nodes),
    );
  }

  /** Where the pod's owner already has pods: what spreading scores against. */
  private siblings(
    pod: Pod,
    nodes: readonly NodeInfo[],
  ): Pick<PodInfo, 'siblingsByNode' | 'siblingsByZone' | 'nodeCount'> {
    const owner = controllerRef(pod);
    const byNode = new Map<string, number>();
    const byZone = new Map<string, number>();
    const zoneOf = new Map<string, string>();
    for (const n of nodes) {
      const zone = n.node.metadata.labels?.[ZONE_LABEL];
      if (zone === undefined) continue;
      zoneOf.set(n.name, zone);
      if (!byZone.has(zone)) byZone.set(zone, 0);
    }
    if (owner) {
      for (const sibling of this.ctx.cache.dependentsOf<Pod>(owner.uid, keys.pods)) {
        const node = sibling.spec.nodeName;
        if (!node || isTerminal(sibling)) continue;
        byNode.set(node, (byNode.get(node) ?? 0) + 1);
        const zone = zoneOf.get(node);
        if (zone !== undefined) byZone.set(zone, (byZone.get(zone) ?? 0) + 1);
      }
    }
    return { siblingsByNode: byNode, siblingsByZone: byZone, nodeCount: nodes.length };
  }

  private infos: { nodes: readonly Node[]; infos: NodeInfo[] } | undefined;

  /** One NodeInfo per node, rebuilt only when a node changes (requests are live). */
  private nodeInfos(): NodeInfo[] {
    const nodes = this.ctx.cache.nodes();
    if (this.infos?.nodes !== nodes) {
      this.infos = {
        nodes,
        infos: nodes.map((node) => nodeInfoOf(node, this.ctx.cache.allocation(node.metadata.name ?? ''))),
      };
    }
    return this.infos.infos;
  }

  private bind(pod: Pod, node: string, nowMs: number): void {
    const at = rfc3339(nowMs);
    const bound = this.ctx.store.mutate(
      keys.pods,
      pod.metadata.namespace,
      pod.metadata.name ?? '',
      (draft) => {
        const p = draft as Pod;
        p.spec = { ...p.spec, nodeName: node };
        p.status = {
          ...p.status,
          conditions: setCondition<PodCondition>(
            p.status?.conditions,
            { type: 'PodScheduled', status: 'True', lastProbeTime: null },
            at,
          ),
        };
      },
    );
    this.ctx.recorder.record(SOURCE, bound ?? pod, {
      type: 'Normal',
      reason: 'Scheduled',
      message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`,
    });
  }
}

export function nodeInfoOf(node: Node, requested: NodeInfo['requested']): NodeInfo {
  return {
    node,
    name: node.metadata.name ?? '',
    allocatable: allocatableOf(node),
    requested,
    taints: node.spec?.taints ?? [],
  };
}

export function wantsScheduling(pod: Pod): boolean {
  return (
    !pod.spec.nodeName &&
    (pod.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
    !pod.metadata.deletionTimestamp &&
    !isTerminal(pod)
  );
}

/**
 * One scheduling cycle: filter from a rotating start until enough feasible nodes are found,
 * score them with the weighted plugins, pick the best (ties broken at random, like
 * selectHost's reservoir sampling), or explain why nothing fits.
 */
export function schedulePod(
  pod: Pod,
  nodes: readonly NodeInfo[],
  rng: Rng,
  startIndex = 0,
  setNextStart: (index: number) => void = () => undefined,
  extra: Partial<PodInfo> = {},
): ScheduleResult {
  const info: PodInfo = { ...extra, pod, shape: podShape(pod.spec) };
  const want = feasibleNodesToFind(nodes.length);
  const feasible: NodeInfo[] = [];
  const failures: FilterFailure[] = [];
  let processed = 0;
  for (; processed < nodes.length && feasible.length < want; processed++) {
    const node = nodes[(startIndex + processed) % nodes.length] as NodeInfo;
    let failure: FilterFailure | undefined;
    for (const plugin of FILTERS) {
      failure = plugin.filter(info, node);
      if (failure) break;
    }
    if (failure) failures.push(failure);
    else feasible.push(node);
  }
  if (nodes.length > 0) setNextStart((startIndex + processed) % nodes.length);
  if (feasible.length === 0) {
    return {
      message: fitErrorMessage(
        nodes.length,
        failures,
        pod.spec.preemptionPolicy === 'Never' ? 'never' : 'default',
      ),
    };
  }
  if (feasible.length === 1) return { node: (feasible[0] as NodeInfo).name };
  const totals = new Array<number>(feasible.length).fill(0);
  for (const plugin of SCORES) {
    const scores = feasible.map((node) => plugin.score(info, node));
    plugin.normalize?.(scores);
    scores.forEach((s, i) => (totals[i] = (totals[i] ?? 0) + s * plugin.weight));
  }
  let best = 0;
  let ties = 1;
  for (let i = 1; i < feasible.length; i++) {
    const score = totals[i] ?? 0;
    if (score > (totals[best] ?? 0)) {
      best = i;
      ties = 1;
    } else if (score === totals[best]) {
      ties++;
      if (rng.next() * ties < 1) best = i;
    }
  }
  return { node: (feasible[best] as NodeInfo).name };
}

function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}
