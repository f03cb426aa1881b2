import { keys } from '../store/api-resources.ts';
import type { KubeObject, StoreEvent } from '../store/kube-object.ts';
import { rfc3339 } from '../kube/time.ts';
import { setCondition } from '../kube/conditions.ts';
import { controllerRef, isPodReady, objectKey, splitKey } from '../kube/pods.ts';
import { scaledValue } from '../kube/quantity.ts';
import type { Condition, Pod, PodDisruptionBudget } from '../kube/types.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import { DelayQueue, WorkQueue } from '../runtime/work-queue.ts';
import { PdbIndex } from './pdb-index.ts';
import { writeStatus } from './status.ts';

/** How long an eviction the API server granted keeps its pod out of the healthy count. */
export const DELETION_TIMEOUT_MS = 120_000;

/**
 * pkg/controller/disruption: for each PodDisruptionBudget, how many of its pods are healthy, how
 * many must be, and so how many may be disrupted now (status.disruptionsAllowed, which the
 * eviction subresource checks and decrements). Pods the API server recorded in
 * status.disruptedPods count as gone until they are deleted or two minutes pass.
 */
export class DisruptionController implements Component {
  readonly name = 'disruption-controller';
  private readonly queue = new WorkQueue();
  private readonly recheck = new DelayQueue();
  private readonly index = new PdbIndex();

  constructor(private readonly ctx: SimContext) {}

  start(): void {
    for (const pdb of this.ctx.store.list(keys.poddisruptionbudgets) as PodDisruptionBudget[]) {
      this.index.setBudget(objectKey(pdb), pdb.metadata.namespace ?? '', pdb.spec.selector);
      this.queue.add(objectKey(pdb));
    }
    for (const pod of this.ctx.store.list(keys.pods)) {
      this.index.setPod(objectKey(pod), pod.metadata.namespace ?? '', pod.metadata.labels ?? {});
    }
  }

  observe(event: StoreEvent): void {
    if (event.resource === keys.poddisruptionbudgets) {
      const pdb = event.object as PodDisruptionBudget;
      const key = objectKey(pdb);
      if (event.type === 'DELETED') {
        this.index.removeBudget(key);
        return;
      }
      if (this.index.setBudget(key, pdb.metadata.namespace ?? '', pdb.spec.selector)) {
        for (const pod of this.ctx.store.list(keys.pods, pdb.metadata.namespace)) {
          this.index.setPod(objectKey(pod), pod.metadata.namespace ?? '', pod.metadata.labels ?? {});
        }
      }
      this.queue.add(key);
      return;
    }
    if (event.resource !== keys.pods) return;
    const pod = event.object;
    const labels = event.type === 'DELETED' ? undefined : (pod.metadata.labels ?? {});
    for (const key of this.index.setPod(objectKey(pod), pod.metadata.namespace ?? '', labels))
      this.queue.add(key);
  }

  tick(nowMs: number): void {
    for (const key of this.recheck.popDue(nowMs)) this.queue.add(key);
    for (const key of this.queue.drain()) this.sync(key, nowMs);
  }

  private sync(key: string, nowMs: number): void {
    const [namespace, name] = splitKey(key);
    const pdb = this.ctx.store.get(keys.poddisruptionbudgets, namespace, name) as
      PodDisruptionBudget | undefined;
    if (!pdb) return;
    const pods: Pod[] = [];
    for (const podKey of this.index.membersOf(key)) {
      const [ns, podName] = splitKey(podKey);
      const pod = this.ctx.store.get(keys.pods, ns, podName) as Pod | undefined;
      if (pod) pods.push(pod);
    }
    const expected = this.expectedCount(pdb, pods);
    let desired = 0;
    if (pdb.spec.maxUnavailable !== undefined)
      desired = Math.max(0, expected - scaledValue(pdb.spec.maxUnavailable, expected, true));
    else if (typeof pdb.spec.minAvailable === 'string')
      desired = scaledValue(pdb.spec.minAvailable, expected, true);
    else desired = pdb.spec.minAvailable ?? 0;

    // Evictions granted but not yet carried out, until they are or time out.
    const disrupted: Record<string, string> = {};
    let nextExpiry = Infinity;
    for (const [pod, at] of Object.entries(pdb.status?.disruptedPods ?? {})) {
      const live = pods.find((p) => p.metadata.name === pod);
      const expires = Date.parse(at) + DELETION_TIMEOUT_MS;
      if (!live || live.metadata.deletionTimestamp || expires <= nowMs) continue;
      disrupted[pod] = at;
      nextExpiry = Math.min(nextExpiry, expires);
    }
    if (Number.isFinite(nextExpiry)) this.recheck.add(key, nextExpiry);
    const healthy = pods.filter(
      (p) => !p.metadata.deletionTimestamp && isPodReady(p) && !((p.metadata.name ?? '') in disrupted),
    ).length;
    const allowed =
      expected > 0 || pdb.spec.maxUnavailable === undefined ? Math.max(0, healthy - desired) : 0;
    const at = rfc3339(nowMs);
    const conditions = setCondition<Condition>(
      pdb.status?.conditions,
      allowed > 0
        ? {
            type: 'DisruptionAllowed',
            status: 'True',
            reason: 'SufficientPods',
            message: '',
            observedGeneration: pdb.metadata.generation ?? 1,
          }
        : {
            type: 'DisruptionAllowed',
            status: 'False',
            reason: 'InsufficientPods',
            message: '',
            observedGeneration: pdb.metadata.generation ?? 1,
          },
      at,
    );
    writeStatus(this.ctx.store, keys.poddisruptionbudgets, pdb, {
      observedGeneration: pdb.metadata.generation,
      ...(Object.keys(disrupted).length > 0 ? { disruptedPods: disrupted } : {}),
      disruptionsAllowed: allowed,
      currentHealthy: healthy,
      desiredHealthy: desired,
      expectedPods: expected,
      conditions,
    });
  }

  /**
   * getExpectedPodCount: with an integer minAvailable, the pods there are; otherwise the scale of
   * their controllers (a Deployment's replicas for its ReplicaSets' pods).
   */
  private expectedCount(pdb: PodDisruptionBudget, pods: readonly Pod[]): number {
    if (pdb.spec.maxUnavailable === undefined && typeof pdb.spec.minAvailable !== 'string')
      return pods.length;
    const scales = new Map<string, number>();
    let uncontrolled = 0;
    for (const pod of pods) {
      const ref = controllerRef(pod);
      const owner = ref && this.ctx.cache.getByUid<KubeObject>(ref.uid);
      if (!owner) {
        uncontrolled++;
        continue;
      }
      const top = owner.kind === 'ReplicaSet' ? (this.topOwner(owner) ?? owner) : owner;
      const uid = top.metadata.uid ?? '';
      if (scales.has(uid)) continue;
      const replicas = (top['spec'] as { replicas?: number } | undefined)?.replicas;
      scales.set(
        uid,
        top.kind === 'DaemonSet' || top.kind === 'Job'
          ? pods.filter((p) => controllerRef(p)?.uid === uid).length
          : (replicas ?? 1),
      );
    }
    let total = uncontrolled;
    for (const n of scales.values()) total += n;
    return total;
  }

  private topOwner(rs: KubeObject): KubeObject | undefined {
    const ref = controllerRef(rs);
    return ref?.kind === 'Deployment' ? this.ctx.cache.getByUid<KubeObject>(ref.uid) : undefined;
  }
}
