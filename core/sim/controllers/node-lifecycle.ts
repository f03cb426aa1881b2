import { keys } from '../store/api-resources.ts';
import type { StoreEvent } from '../store/kube-object.ts';
import { rfc3339 } from '../kube/time.ts';
import { sameJson } from '../kube/conditions.ts';
import { isPodReady } from '../kube/pods.ts';
import type { Node, NodeCondition, Pod, Taint } from '../kube/types.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import { isDue } from '../runtime/context.ts';
import { WorkQueue } from '../runtime/work-queue.ts';
import { setCondition } from '../kube/conditions.ts';

const SOURCE = { component: 'node-controller' };
/** --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5000;
/** --node-monitor-grace-period: no heartbeat for this long and the node is Unknown. */
export const NODE_MONITOR_GRACE_MS = 40_000;

export const TAINT = {
  notReady: 'node.kubernetes.io/not-ready',
  unreachable: 'node.kubernetes.io/unreachable',
  unschedulable: 'node.kubernetes.io/unschedulable',
  memoryPressure: 'node.kubernetes.io/memory-pressure',
  diskPressure: 'node.kubernetes.io/disk-pressure',
  pidPressure: 'node.kubernetes.io/pid-pressure',
} as const;
const MANAGED = new Set<string>(Object.values(TAINT));

/**
 * pkg/controller/nodelifecycle: watches heartbeats (the kubelet's lease), marks nodes that went
 * quiet Unknown after the grace period and their pods not ready, and keeps the condition taints
 * in step with node conditions (TaintNodesByCondition, and the NoExecute not-ready/unreachable
 * taints that the taint eviction controller acts on).
 */
export class NodeLifecycleController implements Component {
  readonly name = 'node-lifecycle-controller';
  private readonly firstSeen = new Map<string, number>();
  private readonly observedReady = new Map<string, string>();
  private readonly taintQueue = new WorkQueue();

  constructor(
    private readonly ctx: SimContext,
    /** The lease: when the node's kubelet last renewed it. */
    private readonly heartbeat: (node: string) => number | undefined,
  ) {}

  start(): void {
    for (const node of this.ctx.cache.nodes()) {
      const name = node.metadata.name ?? '';
      this.observedReady.set(name, readyStatus(node));
      this.taintQueue.add(name);
    }
  }

  observe(event: StoreEvent): void {
    if (event.resource !== keys.nodes) return;
    const name = event.object.metadata.name ?? '';
    if (event.type === 'DELETED') {
      this.firstSeen.delete(name);
      this.observedReady.delete(name);
      return;
    }
    this.taintQueue.add(name);
  }

  tick(nowMs: number): void {
    if (isDue(nowMs, this.ctx.tickMs, NODE_MONITOR_PERIOD_MS)) {
      for (const node of this.ctx.cache.nodes()) this.monitor(node, nowMs);
    }
    for (const name of this.taintQueue.drain()) {
      const node = this.ctx.store.get(keys.nodes, undefined, name) as Node | undefined;
      if (node) this.reconcileTaints(node, nowMs);
    }
  }

  private monitor(node: Node, nowMs: number): void {
    const name = node.metadata.name ?? '';
    if (!this.firstSeen.has(name)) this.firstSeen.set(name, nowMs);
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    const lastContact = Math.max(
      this.heartbeat(name) ?? -Infinity,
      ready?.lastHeartbeatTime ? Date.parse(ready.lastHeartbeatTime) : -Infinity,
      this.firstSeen.get(name) ?? nowMs,
    );
    let current = node;
    if (nowMs - lastContact > NODE_MONITOR_GRACE_MS && ready?.status !== 'Unknown') {
      current =
        (this.ctx.store.mutate(keys.nodes, undefined, name, (draft) => {
          const n = draft as Node;
          n.status = { ...n.status, conditions: unknownConditions(n.status?.conditions, nowMs) };
        }) as Node | undefined) ?? node;
    }
    const status = readyStatus(current);
    const previous = this.observedReady.get(name);
    this.observedReady.set(name, status);
    if (previous === 'True' && status !== 'True') {
      this.ctx.recorder.record(SOURCE, nodeRefOf(current), {
        type: 'Normal',
        reason: 'NodeNotReady',
        message: `Node ${name} status is now: NodeNotReady`,
      });
      this.markPodsNotReady(name, nowMs);
    }
  }

  /** MarkPodsNotReady: the pods of a node nobody hears from cannot be trusted to serve. */
  private markPodsNotReady(node: string, nowMs: number): void {
    const at = rfc3339(nowMs);
    for (const pod of this.ctx.cache.podsOn(node)) {
      if (!isPodReady(pod)) continue;
      this.ctx.store.mutate(keys.pods, pod.metadata.namespace, pod.metadata.name ?? '', (draft) => {
        const p = draft as Pod;
        let conditions = p.status?.conditions ?? [];
        conditions = setCondition(conditions, { type: 'Ready', status: 'False', lastProbeTime: null }, at);
        p.status = { ...p.status, conditions };
      });
      this.ctx.recorder.record(SOURCE, pod, {
        type: 'Warning',
        reason: 'NodeNotReady',
        message: 'Node is not ready',
      });
    }
  }

  private reconcileTaints(node: Node, nowMs: number): void {
    const wanted = desiredTaints(node);
    const current = node.spec?.taints ?? [];
    const next: Taint[] = current.filter(
      (t) => !MANAGED.has(t.key) || wanted.some((w) => w.key === t.key && w.effect === t.effect),
    );
    for (const w of wanted) {
      if (next.some((t) => t.key === w.key && t.effect === w.effect)) continue;
      next.push(w.effect === 'NoExecute' ? { ...w, timeAdded: rfc3339(nowMs) } : w);
    }
    if (sameJson(next, current)) return;
    this.ctx.store.mutate(keys.nodes, undefined, node.metadata.name ?? '', (draft) => {
      const n = draft as Node;
      const spec = { ...n.spec };
      if (next.length > 0) spec.taints = next;
      else delete spec.taints;
      n.spec = spec;
    });
  }
}

function readyStatus(node: Node): string {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
}

/** The taints a node's conditions and spec call for (taintNodesByCondition + NoExecute pass). */
export function desiredTaints(node: Node): Taint[] {
  const conditions = node.status?.conditions ?? [];
  const status = (type: string) => conditions.find((c) => c.type === type)?.status;
  const result: Taint[] = [];
  const ready = status('Ready');
  if (ready === 'False')
    result.push({ key: TAINT.notReady, effect: 'NoSchedule' }, { key: TAINT.notReady, effect: 'NoExecute' });
  if (ready === 'Unknown' || ready === undefined)
    result.push(
      { key: TAINT.unreachable, effect: 'NoSchedule' },
      { key: TAINT.unreachable, effect: 'NoExecute' },
    );
  if (status('MemoryPressure') === 'True') result.push({ key: TAINT.memoryPressure, effect: 'NoSchedule' });
  if (status('DiskPressure') === 'True') result.push({ key: TAINT.diskPressure, effect: 'NoSchedule' });
  if (status('PIDPressure') === 'True') result.push({ key: TAINT.pidPressure, effect: 'NoSchedule' });
  if (node.spec?.unschedulable) result.push({ key: TAINT.unschedulable, effect: 'NoSchedule' });
  return result;
}

function unknownConditions(conditions: readonly NodeCondition[] | undefined, nowMs: number): NodeCondition[] {
  const at = rfc3339(nowMs);
  const types = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];
  if (!conditions || conditions.length === 0) {
    return types.map((type) => ({
      type,
      status: 'Unknown',
      lastHeartbeatTime: at,
      lastTransitionTime: at,
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
    }));
  }
  return conditions.map((c) =>
    types.includes(c.type)
      ? {
          ...c,
          status: 'Unknown',
          lastTransitionTime: at,
          reason: 'NodeStatusUnknown',
          message: 'Kubelet stopped posting node status.',
        }
      : c,
  );
}

export function nodeRefOf(node: Node) {
  return { kind: 'Node', name: node.metadata.name ?? '', uid: node.metadata.uid ?? '', apiVersion: 'v1' };
}
