import { keys } from '../store/api-resources.ts';
import type { StoreEvent } from '../store/kube-object.ts';
import { rfc3339 } from '../kube/time.ts';
import { StoreError } from '../store/store-error.ts';
import { setCondition } from '../kube/conditions.ts';
import { controllerRef, isPodActive, objectKey, splitKey } from '../kube/pods.ts';
import type { Condition, Deployment, Pod, ReplicaSet } from '../kube/types.ts';
import { podTemplateHash } from '../objects/template-hash.ts';
import { replicaSetForDeployment } from '../objects/workload-json.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import { DelayQueue, WorkQueue } from '../runtime/work-queue.ts';
import {
  available,
  fenceposts,
  newReplicaSetReplicas,
  olderFirst,
  revisionOf,
  scaleDownOldReplicaSets,
  specReplicas,
} from './rollout.ts';
import { omitEmpty, writeStatus } from './status.ts';

const SOURCE = { component: 'deployment-controller' };

/**
 * pkg/controller/deployment: one ReplicaSet per pod template (named by its hash), rolled from
 * old to new within maxSurge/maxUnavailable (or all at once with Recreate), scaled with
 * spec.replicas, old sets pruned past revisionHistoryLimit, and the status and conditions
 * kubectl rollout status reads.
 */
export class DeploymentController implements Component {
  readonly name = 'deployment-controller';
  private readonly queue = new WorkQueue();
  private readonly deadlines = new DelayQueue();

  constructor(private readonly ctx: SimContext) {}

  start(): void {
    for (const d of this.ctx.store.list(keys.deployments)) this.queue.add(objectKey(d));
  }

  observe(event: StoreEvent): void {
    if (event.resource === keys.deployments) this.queue.add(objectKey(event.object));
    else if (event.resource === keys.replicasets) {
      const owner = controllerRef(event.object);
      if (owner?.kind === 'Deployment') this.queue.add(`${event.object.metadata.namespace}/${owner.name}`);
    } else if (event.resource === keys.pods && event.type === 'DELETED') {
      // Recreate waits for old pods to be gone.
      const owner = controllerRef(event.object);
      const hash = event.object.metadata.labels?.['pod-template-hash'];
      if (owner?.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) {
        this.queue.add(`${event.object.metadata.namespace}/${owner.name.slice(0, -hash.length - 1)}`);
      }
    }
  }

  tick(nowMs: number): void {
    for (const key of this.deadlines.popDue(nowMs)) this.queue.add(key);
    for (const key of this.queue.drain()) this.sync(key, nowMs);
  }

  private sync(key: string, nowMs: number): void {
    const [namespace, name] = splitKey(key);
    const d = this.ctx.store.get(keys.deployments, namespace, name) as Deployment | undefined;
    if (!d) return;
    const uid = d.metadata.uid ?? '';
    const owned = () =>
      this.ctx.cache
        .dependentsOf<ReplicaSet>(uid, keys.replicasets)
        .filter((rs) => controllerRef(rs)?.uid === uid)
        .sort(olderFirst);
    let sets = owned();
    const hash = podTemplateHash(d.spec.template, d.status?.collisionCount);
    let created: ReplicaSet | undefined;
    if (!d.metadata.deletionTimestamp && !d.spec.paused) {
      created = this.rollout(d, sets, hash);
      sets = owned();
    } else if (d.spec.paused) {
      const newRS = sets.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
      if (newRS && sets.every((rs) => rs === newRS || specReplicas(rs) === 0))
        this.scale(d, newRS, d.spec.replicas ?? 1);
      sets = owned();
    }
    this.cleanup(d, sets, hash);
    this.updateStatus(key, d, owned(), hash, created, nowMs);
  }

  /** Returns the ReplicaSet it created, if any. */
  private rollout(d: Deployment, sets: ReplicaSet[], hash: string): ReplicaSet | undefined {
    let newRS = sets.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const oldSets = sets.filter((rs) => rs !== newRS);
    const maxOldRevision = oldSets.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
    const replicas = d.spec.replicas ?? 1;
    let created: ReplicaSet | undefined;

    if (d.spec.strategy?.type === 'Recreate') {
      for (const rs of oldSets) if (specReplicas(rs) > 0) this.scale(d, rs, 0);
      const oldPodsLeft = oldSets.some((rs) =>
        this.ctx.cache
          .dependentsOf<Pod>(rs.metadata.uid ?? '', keys.pods)
          .some((p) => isPodActive(p) || p.status?.phase === 'Running'),
      );
      if (oldPodsLeft) return undefined;
      if (!newRS) newRS = created = this.createReplicaSet(d, hash, replicas, maxOldRevision + 1);
      else if (specReplicas(newRS) !== replicas) this.scale(d, newRS, replicas);
      return created;
    }

    if (!newRS) {
      const initial = oldSets.length === 0 ? replicas : newReplicaSetReplicas(d, sets, undefined);
      newRS = created = this.createReplicaSet(d, hash, initial, maxOldRevision + 1);
      if (!newRS) return undefined;
    } else {
      if (revisionOf(newRS) <= maxOldRevision) this.setRevision(newRS, maxOldRevision + 1);
      const current = specReplicas(newRS);
      if (current > replicas) this.scale(d, newRS, replicas);
      else if (current < replicas) {
        const next = newReplicaSetReplicas(d, sets, newRS);
        if (next !== current) this.scale(d, newRS, next);
      }
    }
    const all = this.ctx.cache
      .dependentsOf<ReplicaSet>(d.metadata.uid ?? '', keys.replicasets)
      .filter((rs) => controllerRef(rs)?.uid === d.metadata.uid);
    const fresh = all.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const olds = all.filter((rs) => rs !== fresh);
    for (const [rs, next] of scaleDownOldReplicaSets(d, all, olds, fresh)) this.scale(d, rs, next);
    return created;
  }

  private createReplicaSet(d: Deployment, hash: string, replicas: number, revision: number) {
    const rs = replicaSetForDeployment({ deployment: d, hash, replicas, revision });
    try {
      const stored = this.ctx.store.create(keys.replicasets, rs) as ReplicaSet;
      this.ctx.recorder.record(SOURCE, d, {
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        message: `Scaled up replica set ${stored.metadata.name} to ${replicas}`,
      });
      return stored;
    } catch (error) {
      if (!(error instanceof StoreError) || error.reason !== 'AlreadyExists') throw error;
      // A set of that name that is not ours: the next hash must differ (status.collisionCount).
      writeStatus(this.ctx.store, keys.deployments, d, {
        ...d.status,
        collisionCount: (d.status?.collisionCount ?? 0) + 1,
      });
      return undefined;
    }
  }

  private scale(d: Deployment, rs: ReplicaSet, replicas: number): void {
    const from = specReplicas(rs);
    const desired = d.spec.replicas ?? 1;
    const { maxSurge } = fenceposts(d);
    this.ctx.store.mutate(keys.replicasets, rs.metadata.namespace, rs.metadata.name ?? '', (draft) => {
      const next = draft as ReplicaSet;
      const same =
        specReplicas(next) === replicas &&
        next.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'] === String(desired);
      if (same) return false;
      next.spec.replicas = replicas;
      next.metadata.annotations = {
        ...next.metadata.annotations,
        'deployment.kubernetes.io/desired-replicas': String(desired),
        'deployment.kubernetes.io/max-replicas': String(desired + maxSurge),
      };
      return true;
    });
    if (from === replicas) return;
    this.ctx.recorder.record(SOURCE, d, {
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: `Scaled ${replicas > from ? 'up' : 'down'} replica set ${rs.metadata.name} to ${replicas} from ${from}`,
    });
  }

  private setRevision(rs: ReplicaSet, revision: number): void {
    this.ctx.store.mutate(keys.replicasets, rs.metadata.namespace, rs.metadata.name ?? '', (draft) => {
      draft.metadata.annotations = {
        ...draft.metadata.annotations,
        'deployment.kubernetes.io/revision': String(revision),
      };
    });
  }

  /** Old sets scaled to zero beyond revisionHistoryLimit go, oldest first. */
  private cleanup(d: Deployment, sets: ReplicaSet[], hash: string): void {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const idle = sets.filter(
      (rs) =>
        rs.metadata.labels?.['pod-template-hash'] !== hash &&
        specReplicas(rs) === 0 &&
        (rs.status?.replicas ?? 0) === 0,
    );
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
      this.ctx.store.delete(keys.replicasets, rs.metadata.namespace, rs.metadata.name ?? '');
    }
  }

  private updateStatus(
    key: string,
    d: Deployment,
    sets: ReplicaSet[],
    hash: string,
    created: ReplicaSet | undefined,
    nowMs: number,
  ) {
    const newRS = sets.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const replicas = d.spec.replicas ?? 1;
    const counts = {
      replicas: sets.reduce((s, rs) => s + (rs.status?.replicas ?? 0), 0),
      updatedReplicas: newRS?.status?.replicas ?? 0,
      readyReplicas: sets.reduce((s, rs) => s + (rs.status?.readyReplicas ?? 0), 0),
      availableReplicas: sets.reduce((s, rs) => s + available(rs), 0),
    };
    const previous = d.status ?? {};
    const at = rfc3339(nowMs);
    const { maxUnavailable } = fenceposts(d);
    let conditions = setCondition<Condition>(
      previous.conditions,
      counts.availableReplicas >= replicas - maxUnavailable
        ? {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          }
        : {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
      at,
    );
    const complete =
      newRS !== undefined &&
      counts.updatedReplicas === replicas &&
      counts.replicas === replicas &&
      counts.availableReplicas === replicas;
    const progressed =
      created !== undefined ||
      counts.replicas !== (previous.replicas ?? 0) ||
      counts.updatedReplicas !== (previous.updatedReplicas ?? 0) ||
      counts.availableReplicas !== (previous.availableReplicas ?? 0) ||
      counts.readyReplicas !== (previous.readyReplicas ?? 0);
    const rsName = newRS?.metadata.name ?? '';
    const old = previous.conditions?.find((c) => c.type === 'Progressing');
    let progressing: Omit<Condition, 'lastTransitionTime'> | undefined;
    if (created)
      progressing = {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetCreated',
        message: `Created new replica set "${rsName}"`,
      };
    else if (complete)
      progressing = {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${rsName}" has successfully progressed.`,
      };
    else if (progressed || !old)
      progressing = {
        type: 'Progressing',
        status: 'True',
        reason: 'ReplicaSetUpdated',
        message: `ReplicaSet "${rsName}" is progressing.`,
      };
    else {
      const deadlineMs = (d.spec.progressDeadlineSeconds ?? 600) * 1000;
      const lastUpdate = Date.parse(old.lastUpdateTime ?? old.lastTransitionTime ?? at);
      if (old.status === 'True' && nowMs >= lastUpdate + deadlineMs) {
        progressing = {
          type: 'Progressing',
          status: 'False',
          reason: 'ProgressDeadlineExceeded',
          message: `ReplicaSet "${rsName}" has timed out progressing.`,
        };
      } else if (old.status === 'True') this.deadlines.add(key, lastUpdate + deadlineMs);
    }
    if (progressing) {
      const changed =
        !old ||
        old.reason !== progressing.reason ||
        old.message !== progressing.message ||
        old.status !== progressing.status;
      const lastUpdateTime = changed || progressed ? at : (old.lastUpdateTime ?? at);
      conditions = setCondition<Condition>(conditions, { ...progressing, lastUpdateTime }, at);
    }
    // Conditions keep their order from the first write: Available, then Progressing.
    conditions.sort((a, b) => (a.type === b.type ? 0 : a.type === 'Available' ? -1 : 1));
    const annotations = d.metadata.annotations ?? {};
    const revision = newRS ? String(revisionOf(newRS)) : annotations['deployment.kubernetes.io/revision'];
    if (revision && annotations['deployment.kubernetes.io/revision'] !== revision) {
      this.ctx.store.mutate(keys.deployments, d.metadata.namespace, d.metadata.name ?? '', (draft) => {
        draft.metadata.annotations = {
          ...draft.metadata.annotations,
          'deployment.kubernetes.io/revision': revision,
        };
      });
      d =
        (this.ctx.store.get(keys.deployments, d.metadata.namespace, d.metadata.name ?? '') as Deployment) ??
        d;
    }
    writeStatus(this.ctx.store, keys.deployments, d, {
      observedGeneration: d.metadata.generation,
      ...omitEmpty({ ...counts, unavailableReplicas: Math.max(0, replicas - counts.availableReplicas) }),
      conditions,
      ...(previous.collisionCount ? { collisionCount: previous.collisionCount } : {}),
    });
  }
}
