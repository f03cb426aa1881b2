import { keys } from '../store/api-resources.ts';
import type { Pod } from '../kube/types.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import { isDue } from '../runtime/context.ts';

/** gcCheckPeriod, and how long a pod must be orphaned before it goes (quarantine). */
const GC_PERIOD_MS = 20_000;
const QUARANTINE_MS = 40_000;

/**
 * pkg/controller/podgc, the orphan part: pods bound to a node that no longer exists are deleted
 * outright, since no kubelet will ever finish them.
 */
export class PodGarbageCollector implements Component {
  readonly name = 'pod-garbage-collector';
  private readonly orphanedSince = new Map<string, number>();

  constructor(private readonly ctx: SimContext) {}

  tick(nowMs: number): void {
    if (!isDue(nowMs, this.ctx.tickMs, GC_PERIOD_MS)) return;
    const nodes = new Set(this.ctx.cache.nodes().map((n) => n.metadata.name ?? ''));
    const seen = new Set<string>();
    for (const pod of this.ctx.store.list(keys.pods) as Pod[]) {
      const node = pod.spec.nodeName;
      if (!node || nodes.has(node)) continue;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      seen.add(key);
      const since = this.orphanedSince.get(key) ?? nowMs;
      this.orphanedSince.set(key, since);
      if (nowMs - since >= QUARANTINE_MS) {
        this.ctx.store.delete(keys.pods, pod.metadata.namespace, pod.metadata.name ?? '');
        this.orphanedSince.delete(key);
      }
    }
    for (const key of [...this.orphanedSince.keys()]) if (!seen.has(key)) this.orphanedSince.delete(key);
  }
}
