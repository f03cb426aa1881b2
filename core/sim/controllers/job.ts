import { keys } from '../store/api-resources.ts';
import type { StoreEvent } from '../store/kube-object.ts';
import { rfc3339 } from '../kube/time.ts';
import { setCondition } from '../kube/conditions.ts';
import { isPodActive, isPodReady, objectKey, splitKey } from '../kube/pods.ts';
import type { Condition, Job, Pod } from '../kube/types.ts';
import { controllerReference, newPodJson } from '../objects/pod-json.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import { deletePod } from '../runtime/pod-deletion.ts';
import { WorkQueue } from '../runtime/work-queue.ts';
import { ownedPods, ownerKeyOf } from './owned.ts';
import { writeStatus } from './status.ts';

const SOURCE = { component: 'job-controller' };

/**
 * pkg/controller/job for NonIndexed jobs: keeps up to `parallelism` pods running until
 * `completions` have succeeded (Complete), or more than `backoffLimit` have failed (Failed).
 * Finished pods are counted once, even if they are deleted later.
 */
export class JobController implements Component {
  readonly name = 'job-controller';
  private readonly queue = new WorkQueue();
  private readonly counted = new Map<string, { succeeded: Set<string>; failed: Set<string> }>();

  constructor(private readonly ctx: SimContext) {}

  start(): void {
    for (const job of this.ctx.store.list(keys.jobs)) this.queue.add(objectKey(job));
  }

  observe(event: StoreEvent): void {
    if (event.resource === keys.jobs) {
      this.queue.add(objectKey(event.object));
      if (event.type === 'DELETED') this.counted.delete(event.object.metadata.uid ?? '');
    }
    const owner = ownerKeyOf(event, 'Job');
    if (owner) this.queue.add(owner);
  }

  tick(nowMs: number): void {
    for (const key of this.queue.drain()) this.sync(key, nowMs);
  }

  private sync(key: string, nowMs: number): void {
    const [namespace, name] = splitKey(key);
    const job = this.ctx.store.get(keys.jobs, namespace, name) as Job | undefined;
    if (!job) return;
    const uid = job.metadata.uid ?? '';
    const pods = ownedPods(this.ctx.cache, job);
    let counts = this.counted.get(uid);
    if (!counts) {
      counts = { succeeded: new Set(), failed: new Set() };
      this.counted.set(uid, counts);
    }
    for (const pod of pods) {
      if (pod.status?.phase === 'Succeeded') counts.succeeded.add(pod.metadata.uid ?? '');
      if (pod.status?.phase === 'Failed') counts.failed.add(pod.metadata.uid ?? '');
    }
    const status = job.status ?? {};
    const succeeded = Math.max(status.succeeded ?? 0, counts.succeeded.size);
    const failed = Math.max(status.failed ?? 0, counts.failed.size);
    const finished = (status.conditions ?? []).some(
      (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
    );
    let active = pods.filter(isPodActive);
    const at = rfc3339(nowMs);
    let conditions = status.conditions;
    let completionTime = status.completionTime;
    const parallelism = job.spec.parallelism ?? 1;
    const completions = job.spec.completions ?? (job.spec.parallelism === undefined ? 1 : undefined);

    if (!finished && !job.metadata.deletionTimestamp) {
      const done =
        completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0;
      if (failed > (job.spec.backoffLimit ?? 6)) {
        conditions = finish(
          conditions,
          'Failed',
          'BackoffLimitExceeded',
          'Job has reached the specified backoff limit',
          at,
        );
        this.ctx.recorder.record(SOURCE, job, {
          type: 'Warning',
          reason: 'BackoffLimitExceeded',
          message: 'Job has reached the specified backoff limit',
        });
        for (const pod of active) deletePod(this.ctx.store, pod, nowMs);
        active = [];
      } else if (done) {
        conditions = finish(
          conditions,
          'SuccessCriteriaMet',
          'CompletionsReached',
          'Reached expected number of succeeded pods',
          at,
        );
        conditions = finish(
          conditions,
          'Complete',
          'CompletionsReached',
          'Reached expected number of succeeded pods',
          at,
        );
        completionTime = at;
        this.ctx.recorder.record(SOURCE, job, {
          type: 'Normal',
          reason: 'Completed',
          message: 'Job completed',
        });
        for (const pod of active) deletePod(this.ctx.store, pod, nowMs);
        active = [];
      } else if (!job.spec.suspend) {
        const remaining = completions === undefined ? parallelism : completions - succeeded;
        const want = Math.max(0, Math.min(parallelism, remaining));
        for (let i = active.length; i < want; i++) this.createPod(job);
        for (const extra of active.slice(want)) deletePod(this.ctx.store, extra, nowMs);
      }
    }
    const live = ownedPods(this.ctx.cache, job);
    writeStatus(this.ctx.store, keys.jobs, job, {
      ...(conditions ? { conditions } : {}),
      startTime: status.startTime ?? at,
      ...(completionTime ? { completionTime } : {}),
      ...(live.filter(isPodActive).length > 0 ? { active: live.filter(isPodActive).length } : {}),
      ...(succeeded > 0 ? { succeeded } : {}),
      ...(failed > 0 ? { failed } : {}),
      terminating: live.filter((p) => p.metadata.deletionTimestamp !== undefined).length,
      uncountedTerminatedPods: {},
      ready: live.filter((p) => isPodActive(p) && isPodReady(p)).length,
    });
  }

  private createPod(job: Job): void {
    const namespace = job.metadata.namespace ?? 'default';
    const jobName = job.metadata.name ?? '';
    const prefix = `${jobName}-`;
    const name = this.ctx.names.next(
      job.metadata.uid ?? prefix,
      prefix,
      (n) => this.ctx.store.get(keys.pods, namespace, n) !== undefined,
    );
    const uid = job.metadata.uid ?? '';
    const pod: Pod = newPodJson({
      name,
      namespace,
      generateName: prefix,
      labels: {
        ...job.spec.template.metadata?.labels,
        'batch.kubernetes.io/controller-uid': uid,
        'batch.kubernetes.io/job-name': jobName,
        'controller-uid': uid,
        'job-name': jobName,
      },
      ownerReferences: [controllerReference(job)],
      spec: job.spec.template.spec,
    });
    this.ctx.store.create(keys.pods, pod);
    this.ctx.recorder.record(SOURCE, job, {
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: `Created pod: ${name}`,
    });
  }
}

function finish(
  conditions: Condition[] | undefined,
  type: string,
  reason: string,
  message: string,
  at: string,
): Condition[] {
  return setCondition<Condition>(
    conditions,
    { type, status: 'True', reason, message, lastProbeTime: at },
    at,
  );
}
