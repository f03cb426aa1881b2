import { keys } from '../store/api-resources.ts';
import type { StoreEvent } from '../store/kube-object.ts';
import { objectKey } from '../kube/pods.ts';
import type { Pod } from '../kube/types.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import { Kubelet } from './kubelet.ts';

/**
 * All the simulated machines' kubelets, run one after the other in node order each tick. Only
 * nodes the simulator owns have a kubelet: a Node created through the API has no machine
 * behind it, never heartbeats, and goes NotReady like one whose kubelet never started.
 */
export class KubeletFleet implements Component {
  readonly name = 'kubelet';
  private readonly kubelets = new Map<string, Kubelet>();

  constructor(
    private readonly ctx: SimContext,
    private readonly startMs: number,
  ) {}

  start(): void {
    for (const node of this.ctx.cache.nodes()) this.add(node.metadata.name ?? '');
  }

  /** Starts a kubelet for a node (a machine joining the cluster). */
  add(nodeName: string): Kubelet {
    let kubelet = this.kubelets.get(nodeName);
    if (!kubelet) {
      kubelet = new Kubelet(this.ctx, nodeName, Math.max(this.startMs, this.ctx.now()));
      this.kubelets.set(nodeName, kubelet);
      for (const key of this.ctx.cache.podKeysOn(nodeName)) kubelet.enqueue(key);
    }
    return kubelet;
  }

  get(nodeName: string): Kubelet | undefined {
    return this.kubelets.get(nodeName);
  }

  observe(event: StoreEvent): void {
    if (event.resource !== keys.pods) return;
    const pod = event.object as Pod;
    const node = pod.spec.nodeName;
    if (!node) return;
    const kubelet = this.kubelets.get(node);
    if (!kubelet) return;
    if (event.type === 'DELETED') kubelet.forget(pod);
    else kubelet.enqueue(objectKey(pod));
  }

  tick(nowMs: number): void {
    for (const kubelet of this.kubelets.values()) kubelet.tick(nowMs);
  }

  /** When the node's kubelet last renewed its lease; undefined for nodes without a machine. */
  lastHeartbeat(nodeName: string): number | undefined {
    return this.kubelets.get(nodeName)?.lastHeartbeatMs;
  }

  /** Whether the node's kubelet answers (metrics-server can scrape it). */
  isUp(nodeName: string): boolean {
    return this.kubelets.get(nodeName)?.isUp ?? false;
  }
}
