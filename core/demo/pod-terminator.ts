import { keys } from '../sim/store/api-resources.ts';
import type { KubeObject } from '../sim/store/kube-object.ts';
import type { ObjectStore } from '../sim/store/object-store.ts';

/**
 * A stand-in for the kubelet's part in graceful deletion, for backends without one (see
 * ClusterBackend.finishesPodDeletion): a pod marked for deletion is removed once its containers
 * "stop", which here takes min(grace period, 1) real seconds, as well-behaved containers exit
 * soon after SIGTERM. Pods held by finalizers stay until those are gone.
 */
export class PodTerminator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly maxDelayMs = 1000,
  ) {
    for (const pod of store.list(keys.pods)) this.consider(pod);
    this.unsubscribe = store.subscribe((event) => {
      if (event.resource === keys.pods && event.type !== 'DELETED') this.consider(event.object);
    });
  }

  private consider(pod: KubeObject): void {
    const { namespace, name, uid, deletionTimestamp, deletionGracePeriodSeconds, finalizers } = pod.metadata;
    if (!deletionTimestamp || (finalizers ?? []).length > 0 || !name) return;
    const key = `${namespace ?? ''}/${name}/${uid ?? ''}`;
    if (this.timers.has(key)) return;
    const delay = Math.min((deletionGracePeriodSeconds ?? 0) * 1000, this.maxDelayMs);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      const current = this.store.get(keys.pods, namespace, name);
      if (current?.metadata.uid === uid && current?.metadata.deletionTimestamp) {
        this.store.delete(keys.pods, namespace, name);
      }
    }, delay);
    timer.unref();
    this.timers.set(key, timer);
  }

  close(): void {
    this.unsubscribe();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
