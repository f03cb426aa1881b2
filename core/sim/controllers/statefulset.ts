import { keys } from '../store/api-resources.ts';
import type { StoreEvent } from '../store/kube-object.ts';
import { isPodAvailable, isPodReady, objectKey, splitKey } from '../kube/pods.ts';
import type { Pod, StatefulSet } from '../kube/types.ts';
import { controllerReference, newPodJson } from '../objects/pod-json.ts';
import { statefulPodOrdinal, statefulSetRevision } from '../objects/stateful-pod.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import { deletePod } from '../runtime/pod-deletion.ts';
import { WorkQueue } from '../runtime/work-queue.ts';
import { ownedPods, ownerKeyOf } from './owned.ts';
import { omitEmpty, writeStatus } from './status.ts';

const SOURCE = { component: 'statefulset-controller' };
const REVISION_LABEL = 'controller-revision-hash';

/**
 * pkg/controller/statefulset: pods with stable names `<set>-<ordinal>`. With OrderedReady (the
 * default) ordinal n is created only once 0..n-1 are running and ready, scale-down removes the
 * highest ordinal first, one at a time, and a rolling update replaces pods from the highest
 * ordinal down to the partition, one at a time. Failed pods are deleted and recreated.
 */
export class StatefulSetController implements Component {
  readonly name = 'statefulset-controller';
  private readonly queue = new WorkQueue();

  constructor(private readonly ctx: SimContext) {}

  start(): void {
    for (const sts of this.ctx.store.list(keys.statefulsets)) this.queue.add(objectKey(sts));
  }

  observe(event: StoreEvent): void {
    if (event.resource === keys.statefulsets) this.queue.add(objectKey(event.object));
    const owner = ownerKeyOf(event, 'StatefulSet');
    if (owner) this.queue.add(owner);
  }

  tick(nowMs: number): void {
    for (const key of this.queue.drain()) this.sync(key, nowMs);
  }

  private sync(key: string, nowMs: number): void {
    const [namespace, name] = splitKey(key);
    const sts = this.ctx.store.get(keys.statefulsets, namespace, name) as StatefulSet | undefined;
    if (!sts) return;
    if (!sts.metadata.deletionTimestamp) this.manage(sts, nowMs);
    this.updateStatus(sts, nowMs);
  }

  private manage(sts: StatefulSet, nowMs: number): void {
    const setName = sts.metadata.name ?? '';
    const replicas = sts.spec.replicas ?? 1;
    const ordered = (sts.spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
    const revision = statefulSetRevision(sts);
    const byOrdinal = new Map<number, Pod>();
    for (const pod of ownedPods(this.ctx.cache, sts)) {
      const ordinal = statefulPodOrdinal(setName, pod.metadata.name ?? '');
      if (ordinal >= 0) byOrdinal.set(ordinal, pod);
    }
    const healthy = (p: Pod | undefined) =>
      p !== undefined && !p.metadata.deletionTimestamp && p.status?.phase === 'Running' && isPodReady(p);

    for (const pod of byOrdinal.values()) {
      if (pod.status?.phase === 'Failed' && !pod.metadata.deletionTimestamp) this.remove(sts, pod, nowMs);
    }
    for (let ordinal = 0; ordinal < replicas; ordinal++) {
      const pod = byOrdinal.get(ordinal);
      if (!pod) {
        this.create(sts, ordinal, revision);
        if (ordered) return;
        continue;
      }
      if (ordered && !healthy(pod)) return;
    }
    const condemned = [...byOrdinal.keys()].filter((o) => o >= replicas).sort((a, b) => b - a);
    for (const ordinal of condemned) {
      const pod = byOrdinal.get(ordinal) as Pod;
      if (pod.metadata.deletionTimestamp) {
        if (ordered) return;
        continue;
      }
      this.remove(sts, pod, nowMs);
      if (ordered) return;
    }
    if ((sts.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return;
    const partition = sts.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let ordinal = replicas - 1; ordinal >= partition; ordinal--) {
      const pod = byOrdinal.get(ordinal);
      if (!pod || pod.metadata.labels?.[REVISION_LABEL] === revision) {
        if (!healthy(pod)) return;
        continue;
      }
      // Replace the highest outdated pod once every other pod is healthy.
      const othersHealthy = [...byOrdinal.entries()].every(
        ([o, p]) => o === ordinal || o >= replicas || healthy(p),
      );
      if (othersHealthy) this.remove(sts, pod, nowMs);
      return;
    }
  }

  private create(sts: StatefulSet, ordinal: number, revision: string): void {
    const setName = sts.metadata.name ?? '';
    const name = `${setName}-${ordinal}`;
    const namespace = sts.metadata.namespace ?? 'default';
    if (this.ctx.store.get(keys.pods, namespace, name)) return;
    const template = sts.spec.template;
    this.ctx.store.create(
      keys.pods,
      newPodJson({
        name,
        namespace,
        generateName: `${setName}-`,
        labels: {
          ...template.metadata?.labels,
          [REVISION_LABEL]: revision,
          'statefulset.kubernetes.io/pod-name': name,
          'apps.kubernetes.io/pod-index': String(ordinal),
        },
        ownerReferences: [controllerReference(sts)],
        spec: {
          ...template.spec,
          hostname: name,
          ...(sts.spec.serviceName ? { subdomain: sts.spec.serviceName } : {}),
        },
      }),
    );
    this.ctx.recorder.record(SOURCE, sts, {
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: `create Pod ${name} in StatefulSet ${setName} successful`,
    });
  }

  private remove(sts: StatefulSet, pod: Pod, nowMs: number): void {
    deletePod(this.ctx.store, pod, nowMs);
    this.ctx.recorder.record(SOURCE, sts, {
      type: 'Normal',
      reason: 'SuccessfulDelete',
      message: `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`,
    });
  }

  private updateStatus(sts: StatefulSet, nowMs: number): void {
    const revision = statefulSetRevision(sts);
    const pods = ownedPods(this.ctx.cache, sts).filter(
      (p) => statefulPodOrdinal(sts.metadata.name ?? '', p.metadata.name ?? '') >= 0,
    );
    const minReady = sts.spec.minReadySeconds ?? 0;
    const live = pods.filter((p) => !p.metadata.deletionTimestamp);
    const updated = live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === revision).length;
    const replicas = sts.spec.replicas ?? 1;
    const previous = (sts.status ?? {}) as { currentRevision?: string };
    const currentRevision =
      updated === replicas && live.length === replicas ? revision : (previous.currentRevision ?? revision);
    writeStatus(this.ctx.store, keys.statefulsets, sts, {
      observedGeneration: sts.metadata.generation,
      replicas: live.length,
      ...omitEmpty({
        readyReplicas: live.filter(isPodReady).length,
        currentReplicas: live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision).length,
        updatedReplicas: updated,
      }),
      currentRevision,
      updateRevision: revision,
      collisionCount: 0,
      availableReplicas: live.filter((p) => isPodAvailable(p, minReady, nowMs)).length,
    });
  }
}
