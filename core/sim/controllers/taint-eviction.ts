import { keys } from '../store/api-resources.ts';
import type { StoreEvent } from '../store/kube-object.ts';
import { rfc3339 } from '../kube/time.ts';
import { setCondition } from '../kube/conditions.ts';
import { isTerminal, objectKey, splitKey } from '../kube/pods.ts';
import { noExecuteToleranceSeconds } from '../kube/tolerations.ts';
import type { Node, Pod, PodCondition } from '../kube/types.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import { deletePod } from '../runtime/pod-deletion.ts';
import { DelayQueue, WorkQueue } from '../runtime/work-queue.ts';

const SOURCE = { component: 'taint-eviction-controller' };

interface Scheduled {
  createdMs: number;
  triggerMs: number;
}

/**
 * pkg/controller/tainteviction: a pod on a node with NoExecute taints it does not tolerate is
 * deleted; one that tolerates them for tolerationSeconds (300 s for not-ready/unreachable by
 * default) is deleted when that time has passed since the controller first saw it tainted,
 * unless the taints go away first.
 */
export class TaintEvictionController implements Component {
  readonly name = 'taint-eviction-controller';
  private readonly nodes = new WorkQueue();
  private readonly pods = new WorkQueue();
  private readonly due = new DelayQueue();
  private readonly scheduled = new Map<string, Scheduled>();
  private readonly signatures = new Map<string, string>();

  constructor(private readonly ctx: SimContext) {}

  start(): void {
    for (const node of this.ctx.cache.nodes()) {
      this.signatures.set(node.metadata.name ?? '', signature(node));
      if ((node.spec?.taints ?? []).some((t) => t.effect === 'NoExecute'))
        this.nodes.add(node.metadata.name ?? '');
    }
  }

  observe(event: StoreEvent): void {
    if (event.resource === keys.nodes) {
      const node = event.object as Node;
      const name = node.metadata.name ?? '';
      const next = event.type === 'DELETED' ? '' : signature(node);
      if (this.signatures.get(name) !== next) {
        this.signatures.set(name, next);
        this.nodes.add(name);
      }
    } else if (event.resource === keys.pods) {
      const pod = event.object as Pod;
      const key = objectKey(pod);
      if (event.type === 'DELETED') {
        this.scheduled.delete(key);
        return;
      }
      const node = pod.spec.nodeName;
      if (node && (this.signatures.get(node) ?? '') !== '' && !this.scheduled.has(key)) this.pods.add(key);
    }
  }

  tick(nowMs: number): void {
    for (const name of this.nodes.drain()) {
      for (const key of this.ctx.cache.podKeysOn(name)) this.pods.add(key);
    }
    for (const key of this.pods.drain()) this.process(key, nowMs);
    for (const key of this.due.popDue(nowMs)) {
      const entry = this.scheduled.get(key);
      if (entry && entry.triggerMs <= nowMs) this.evict(key, nowMs);
    }
  }

  private process(key: string, nowMs: number): void {
    const [namespace, name] = splitKey(key);
    const pod = this.ctx.store.get(keys.pods, namespace, name) as Pod | undefined;
    if (!pod || !pod.spec.nodeName || isTerminal(pod)) return;
    const node = this.ctx.store.get(keys.nodes, undefined, pod.spec.nodeName) as Node | undefined;
    const taints = (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
    const existing = this.scheduled.get(key);
    if (taints.length === 0) {
      if (existing) {
        this.scheduled.delete(key);
        this.ctx.recorder.record(SOURCE, pod, {
          type: 'Normal',
          reason: 'TaintManagerEviction',
          message: `Cancelling deletion of Pod ${key}`,
        });
      }
      return;
    }
    const seconds = noExecuteToleranceSeconds(taints, pod.spec.tolerations);
    if (seconds === Infinity) {
      this.scheduled.delete(key);
      return;
    }
    const createdMs = existing?.createdMs ?? nowMs;
    const triggerMs = createdMs + seconds * 1000;
    if (existing && existing.triggerMs <= triggerMs) return;
    this.scheduled.set(key, { createdMs, triggerMs });
    if (triggerMs <= nowMs) this.evict(key, nowMs);
    else this.due.add(key, triggerMs);
  }

  private evict(key: string, nowMs: number): void {
    this.scheduled.delete(key);
    const [namespace, name] = splitKey(key);
    const pod = this.ctx.store.get(keys.pods, namespace, name) as Pod | undefined;
    if (!pod || pod.metadata.deletionTimestamp) return;
    this.ctx.recorder.record(SOURCE, pod, {
      type: 'Normal',
      reason: 'TaintManagerEviction',
      message: `Marking for deletion Pod ${key}`,
    });
    this.ctx.store.mutate(keys.pods, namespace, name, (draft) => {
      const p = draft as Pod;
      p.status = {
        ...p.status,
        conditions: setCondition<PodCondition>(
          p.status?.conditions,
          {
            type: 'DisruptionTarget',
            status: 'True',
            reason: 'DeletionByTaintManager',
            message: 'Taint manager: deleting due to NoExecute taint',
            lastProbeTime: null,
          },
          rfc3339(nowMs),
        ),
      };
    });
    const current = this.ctx.store.get(keys.pods, namespace, name) as Pod | undefined;
    if (current) deletePod(this.ctx.store, current, nowMs);
  }
}

function signature(node: Node): string {
  const taints = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
  return taints.length === 0 ? '' : JSON.stringify(taints.map((t) => [t.key, t.value, t.timeAdded]));
}
