import { keys } from '../store/api-resources.ts';
import type { OwnerReference, StoreEvent } from '../store/kube-object.ts';
import {
  controllerRef,
  isPodActive,
  isPodAvailable,
  isPodReady,
  objectKey,
  podCondition,
  splitKey,
} from '../kube/pods.ts';
import { selectorMatches } from '../kube/labels.ts';
import type { Pod, ReplicaSet } from '../kube/types.ts';
import { controllerReference, newPodJson } from '../objects/pod-json.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import { deletePod } from '../runtime/pod-deletion.ts';
import { WorkQueue } from '../runtime/work-queue.ts';
import { omitEmpty, writeStatus } from './status.ts';

const SOURCE = { component: 'replicaset-controller' };
/** The controller's burst limit per sync (burstReplicas). */
const BURST = 500;

/**
 * pkg/controller/replicaset: keeps `spec.replicas` active pods for each ReplicaSet, creating
 * pods from its template and deleting the least valuable ones first, and reports counts in its
 * status. Works on any ReplicaSet in the store, however it got there.
 */
export class ReplicaSetController implements Component {
  readonly name = 'replicaset-controller';
  private readonly queue = new WorkQueue();
  private readonly owners = new WeakMap<ReplicaSet, OwnerReference[]>();

  constructor(private readonly ctx: SimContext) {}

  start(): void {
    for (const rs of this.ctx.store.list(keys.replicasets)) this.queue.add(objectKey(rs));
  }

  observe(event: StoreEvent): void {
    if (event.resource === keys.replicasets) this.queue.add(objectKey(event.object));
    else if (event.resource === keys.pods) {
      const owner = controllerRef(event.object);
      if (owner?.kind === 'ReplicaSet') this.queue.add(`${event.object.metadata.namespace}/${owner.name}`);
    }
  }

  tick(nowMs: number): void {
    for (const key of this.queue.drain()) this.sync(key, nowMs);
  }

  private sync(key: string, nowMs: number): void {
    const [namespace, name] = splitKey(key);
    const rs = this.ctx.store.get(keys.replicasets, namespace, name) as ReplicaSet | undefined;
    if (!rs) return;
    const uid = rs.metadata.uid ?? '';
    const owned = () =>
      this.ctx.cache.dependentsOf<Pod>(uid, keys.pods).filter((p) => controllerRef(p)?.uid === uid);
    let pods = owned();
    const active = pods.filter(isPodActive);
    if (!rs.metadata.deletionTimestamp && active.length !== (rs.spec.replicas ?? 1)) {
      this.manage(rs, active, nowMs);
      pods = owned();
    }
    this.updateStatus(rs, pods, nowMs);
  }

  private manage(rs: ReplicaSet, active: Pod[], nowMs: number): void {
    const want = rs.spec.replicas ?? 1;
    const diff = active.length - want;
    if (diff < 0) {
      for (let i = 0; i < Math.min(-diff, BURST); i++) this.createPod(rs);
    } else if (diff > 0) {
      for (const pod of podsToDelete(active, Math.min(diff, BURST))) {
        deletePod(this.ctx.store, pod, nowMs);
        this.ctx.recorder.record(SOURCE, rs, {
          type: 'Normal',
          reason: 'SuccessfulDelete',
          message: `Deleted pod: ${pod.metadata.name}`,
        });
      }
    }
  }

  private createPod(rs: ReplicaSet): void {
    const namespace = rs.metadata.namespace ?? 'default';
    const prefix = `${rs.metadata.name}-`;
    const name = this.ctx.names.next(
      rs.metadata.uid ?? prefix,
      prefix,
      (candidate) => this.ctx.store.get(keys.pods, namespace, candidate) !== undefined,
    );
    let owners = this.owners.get(rs);
    if (!owners) this.owners.set(rs, (owners = [controllerReference(rs)]));
    const pod = newPodJson({
      name,
      namespace,
      generateName: prefix,
      labels: rs.spec.template.metadata?.labels ?? {},
      ...(rs.spec.template.metadata?.annotations
        ? { annotations: rs.spec.template.metadata.annotations }
        : {}),
      ownerReferences: owners,
      spec: rs.spec.template.spec,
    });
    this.ctx.store.create(keys.pods, pod);
    this.ctx.recorder.record(SOURCE, rs, {
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: `Created pod: ${name}`,
    });
  }

  private updateStatus(rs: ReplicaSet, pods: Pod[], nowMs: number): void {
    const active = pods.filter(isPodActive);
    const minReady = rs.spec.minReadySeconds ?? 0;
    const status = {
      replicas: active.length,
      ...omitEmpty({
        fullyLabeledReplicas: active.filter((p) =>
          selectorMatches({ matchLabels: rs.spec.template.metadata?.labels ?? {} }, p.metadata.labels),
        ).length,
        readyReplicas: active.filter(isPodReady).length,
        availableReplicas: active.filter((p) => isPodAvailable(p, minReady, nowMs)).length,
        observedGeneration: rs.metadata.generation,
      }),
    };
    writeStatus(this.ctx.store, keys.replicasets, rs, status);
  }
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * The pods a ReplicaSet gives up first (controller.ActivePods' ordering): unscheduled before
 * scheduled, pending before running, not ready before ready, ready for less time first, more
 * restarts first, newer first.
 */
export function podsToDelete(pods: readonly Pod[], count: number): Pod[] {
  const readySince = (p: Pod) => {
    const c = podCondition(p, 'Ready');
    return c?.status === 'True' && c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0;
  };
  const restarts = (p: Pod) =>
    (p.status?.containerStatuses ?? []).reduce((m, s) => Math.max(m, s.restartCount), 0);
  const created = (p: Pod) => (p.metadata.creationTimestamp ? Date.parse(p.metadata.creationTimestamp) : 0);
  const ranked = [...pods].sort((a, b) => {
    const assigned = Number(Boolean(a.spec.nodeName)) - Number(Boolean(b.spec.nodeName));
    if (assigned !== 0) return assigned;
    const phase =
      (PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0) - (PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0);
    if (phase !== 0) return phase;
    const ready = Number(isPodReady(a)) - Number(isPodReady(b));
    if (ready !== 0) return ready;
    if (isPodReady(a) && isPodReady(b) && readySince(a) !== readySince(b))
      return readySince(b) - readySince(a);
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
    if (created(a) !== created(b)) return created(b) - created(a);
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
  return ranked.slice(0, count);
}
