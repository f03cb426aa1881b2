import { hashString, noise3 } from '../random.ts';
import { keys } from '../store/api-resources.ts';
import { StoreError } from '../store/store-error.ts';
import { rfc3339 } from '../kube/time.ts';
import { isPodReady, objectKey, podShape, splitKey } from '../kube/pods.ts';
import type { Node, Pod } from '../kube/types.ts';
import { anyOf } from '../load/effects.ts';
import type { EventSource } from '../events/recorder.ts';
import type { SimContext } from '../runtime/context.ts';
import { isDue } from '../runtime/context.ts';
import { DelayQueue, WorkQueue } from '../runtime/work-queue.ts';
import { writeStatus } from '../controllers/status.ts';
import { allocatableOf } from '../scheduler/framework.ts';
import { admissionFailure } from './admission.ts';
import { goDuration } from './backoff.ts';
import { Housekeeping } from './housekeeping.ts';
import { IpAllocator } from './ip-allocator.ts';
import { CONDITION_EVENTS, desiredConditions, nodeConditionsAt, type NodeHealth } from './node-conditions.ts';
import { PodRuntime, type ContainerOutcome } from './pod-runtime.ts';
import { formatPod, podStatusFor } from './pod-status.ts';

/** Lease renewals (nodeLeaseDurationSeconds / 4 in practice). */
export const HEARTBEAT_MS = 10_000;
/** Node status is posted when it changes, and at least this often (nodeStatusReportFrequency). */
export const STATUS_REPORT_MS = 300_000;
/** Housekeeping: usage, OOM kills, readiness probes and the eviction manager. */
export const HOUSEKEEPING_MS = 10_000;

/**
 * One node's kubelet: runs the pods bound to its node through their lifecycle (sandbox and
 * image, containers, restarts with back-off, completion, graceful termination), reports node
 * conditions and heartbeats. When an incident stops it, it does nothing at all, as a dead
 * kubelet does.
 */
export class Kubelet {
  readonly source: EventSource;
  private readonly queue = new WorkQueue();
  private readonly timers = new DelayQueue();
  private readonly runtimes = new Map<string, PodRuntime>();
  private ips: IpAllocator | undefined;
  readonly health: NodeHealth = { lastPressureMs: {}, runtimeDown: false };
  /** Where in the ten-second rhythms this node falls, so nodes spread their work over ticks. */
  private readonly phaseMs: number;
  private readonly reportPhaseMs: number;
  private readonly housekeeping: Housekeeping;
  private up = true;
  private statusDirty = false;
  lastHeartbeatMs: number;

  constructor(
    private readonly ctx: SimContext,
    readonly nodeName: string,
    startMs: number,
  ) {
    this.source = { component: 'kubelet', host: nodeName };
    const hash = hashString(nodeName);
    this.phaseMs = (hash % 10) * 1000;
    this.reportPhaseMs = (hash % 300) * 1000;
    this.lastHeartbeatMs = startMs;
    this.housekeeping = new Housekeeping(ctx, this);
  }

  get isUp(): boolean {
    return this.up;
  }

  enqueue(podKey: string): void {
    this.queue.add(podKey);
  }

  /** A pod bound here was deleted from the store: free its address and runtime state. */
  forget(pod: Pod): void {
    const uid = pod.metadata.uid ?? '';
    const rt = this.runtimes.get(uid);
    if (rt && rt.podIP !== this.hostIP()) this.ips?.release(rt.podIP);
    else if (!rt && pod.status?.podIP && pod.status.podIP !== pod.status.hostIP)
      this.ips?.release(pod.status.podIP);
    this.runtimes.delete(uid);
    this.housekeeping.forget(uid);
    this.ctx.usage.forget(uid);
  }

  tick(nowMs: number): void {
    const effects = this.ctx.usage.effects;
    if (anyOf(effects.kubeletOutages.get(this.nodeName), nowMs)) {
      this.up = false;
      return;
    }
    if (!this.up) this.restart(nowMs);
    const runtimeDown = anyOf(effects.runtimeOutages.get(this.nodeName), nowMs);
    if (runtimeDown !== this.health.runtimeDown) {
      this.health.runtimeDown = runtimeDown;
      this.statusDirty = true;
    }
    if (isDue(nowMs, this.ctx.tickMs, HEARTBEAT_MS, this.phaseMs)) this.lastHeartbeatMs = nowMs;
    for (const key of this.timers.popDue(nowMs)) this.queue.add(key);
    if (!runtimeDown) for (const key of this.queue.drain()) this.syncPod(key, nowMs);
    if (isDue(nowMs, this.ctx.tickMs, HOUSEKEEPING_MS, this.phaseMs)) {
      if (this.housekeeping.run(nowMs)) this.statusDirty = true;
    }
    if (this.statusDirty || isDue(nowMs, this.ctx.tickMs, STATUS_REPORT_MS, this.reportPhaseMs))
      this.postStatus(nowMs);
  }

  /** Coming back after an outage: announce, report status at once, look at every pod again. */
  private restart(nowMs: number): void {
    this.up = true;
    this.lastHeartbeatMs = nowMs;
    this.statusDirty = true;
    const node = this.node();
    if (node)
      this.ctx.recorder.record(this.source, nodeRef(node), {
        type: 'Normal',
        reason: 'Starting',
        message: 'Starting kubelet.',
      });
    for (const key of this.ctx.cache.podKeysOn(this.nodeName)) this.queue.add(key);
  }

  node(): Node | undefined {
    return this.ctx.store.get(keys.nodes, undefined, this.nodeName) as Node | undefined;
  }

  hostIP(): string {
    return this.node()?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  }

  runtimeFor(pod: Pod, nowMs: number): PodRuntime {
    const uid = pod.metadata.uid ?? '';
    let rt = this.runtimes.get(uid);
    if (!rt) {
      rt = PodRuntime.adopt(pod, this.ctx.seed, nowMs);
      this.runtimes.set(uid, rt);
    }
    return rt;
  }

  private syncPod(key: string, nowMs: number): void {
    const [namespace, name] = splitKey(key);
    const pod = this.ctx.store.get(keys.pods, namespace, name) as Pod | undefined;
    if (!pod || pod.spec.nodeName !== this.nodeName) return;
    const uid = pod.metadata.uid ?? '';
    let rt = this.runtimes.get(uid);
    if (pod.metadata.deletionTimestamp) {
      this.terminate(pod, rt ?? this.runtimeFor(pod, nowMs), nowMs);
      return;
    }
    if (!rt) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') return;
      // A pod that was running before this kubelet looked: nothing to do until something happens
      // to it (its runtime state is adopted then), which keeps 150,000 running pods cheap. Unless
      // its reported readiness is stale (the node controller marks pods of a silent node not
      // ready): then the status is written again from the containers, as a returning kubelet does.
      if (phase === 'Running') {
        const containersReady = (pod.status?.containerStatuses ?? []).every((c) => c.ready);
        if (containersReady === isPodReady(pod)) return;
        rt = this.runtimeFor(pod, nowMs);
      } else {
        if (this.reject(pod, nowMs)) return;
        rt = new PodRuntime(uid, pod, this.ctx.seed, nowMs);
        this.runtimes.set(uid, rt);
        // Sandbox, CNI and an image already on the node: one to four seconds.
        rt.startAtMs = nowMs + 1000 + Math.floor(noise3(this.ctx.seed, 82, hashString(uid), 0) * 3) * 1000;
        this.timers.add(key, rt.startAtMs);
        this.writePodStatus(pod, rt, nowMs);
        return;
      }
    }
    if (rt.stage === 'creating' && nowMs >= rt.startAtMs) this.startPod(pod, rt, nowMs);
    if (rt.stage === 'running') this.advance(pod, rt, nowMs);
    this.writePodStatus(pod, rt, nowMs);
  }

  private startPod(pod: Pod, rt: PodRuntime, nowMs: number): void {
    const hostNetwork = pod.spec['hostNetwork'] === true;
    rt.startContainers(nowMs, hostNetwork ? this.hostIP() : this.allocateIP());
    for (const c of pod.spec.containers) this.containerStartedEvents(pod, c.name, c.image ?? '');
    const profile = this.ctx.usage.profile(pod);
    if (Number.isFinite(profile.runMs) && pod.spec.restartPolicy !== 'Always') {
      rt.completeAtMs = nowMs + profile.runMs;
      this.timers.add(objectKey(pod), rt.completeAtMs);
    }
    const delays = pod.spec.containers
      .filter((c) => c.readinessProbe)
      .map((c) => (c.readinessProbe?.initialDelaySeconds ?? 0) * 1000);
    if (delays.length > 0) {
      rt.probeDueMs = nowMs + Math.max(this.ctx.tickMs, Math.min(...delays));
      this.timers.add(objectKey(pod), rt.probeDueMs);
    }
  }

  private containerStartedEvents(pod: Pod, container: string, image: string): void {
    const fieldPath = `spec.containers{${container}}`;
    const r = this.ctx.recorder;
    r.record(this.source, pod, {
      type: 'Normal',
      reason: 'Pulled',
      message: `Container image "${image}" already present on machine`,
      fieldPath,
    });
    r.record(this.source, pod, {
      type: 'Normal',
      reason: 'Created',
      message: `Created container ${container}`,
      fieldPath,
    });
    r.record(this.source, pod, {
      type: 'Normal',
      reason: 'Started',
      message: `Started container ${container}`,
      fieldPath,
    });
  }

  /** Back-offs that ended, a Job's work that finished, a first readiness probe. */
  private advance(pod: Pod, rt: PodRuntime, nowMs: number): void {
    for (const c of rt.containers) {
      if (c.state === 'waiting' && (c.waitingUntilMs ?? 0) <= nowMs) {
        rt.restartAfterBackoff(c, nowMs);
        this.containerStartedEvents(pod, c.name, c.image);
      }
    }
    if (rt.completeAtMs !== undefined && nowMs >= rt.completeAtMs) {
      rt.terminatedEvery(0, 'Completed', nowMs);
      rt.settle();
      this.ips?.release(rt.podIP);
      return;
    }
    if (rt.probeDueMs !== undefined && nowMs >= rt.probeDueMs) {
      rt.probeDueMs = undefined;
      this.housekeeping.probeOne(pod, rt, nowMs);
    }
  }

  /** A container died: record it and restart it, back off, or let the pod finish. */
  containerDied(pod: Pod, rt: PodRuntime, index: number, nowMs: number): void {
    const c = rt.containers[index];
    if (!c) return;
    const outcome: ContainerOutcome = rt.afterDeath(c, pod.spec.restartPolicy ?? 'Always', nowMs);
    if (outcome.kind === 'restarted') this.containerStartedEvents(pod, c.name, c.image);
    else if (outcome.kind === 'backoff') {
      const message = `back-off ${goDuration(c.backoff?.backoffMs ?? 0)} restarting failed container=${c.name} pod=${formatPod(pod)}`;
      c.waiting = { reason: 'CrashLoopBackOff', message };
      this.timers.add(objectKey(pod), outcome.untilMs);
      this.ctx.recorder.record(this.source, pod, {
        type: 'Warning',
        reason: 'BackOff',
        message: `Back-off restarting failed container ${c.name} in pod ${formatPod(pod)}`,
        fieldPath: `spec.containers{${c.name}}`,
      });
    } else if (rt.settle()) this.ips?.release(rt.podIP);
    this.writePodStatus(pod, rt, nowMs);
  }

  /** The kubelet's own eviction: the pod fails with reason Evicted and stays for its owner to see. */
  evict(pod: Pod, rt: PodRuntime, message: string, nowMs: number): void {
    rt.terminatedEvery(137, 'Error', nowMs);
    rt.stage = 'finished';
    rt.phase = 'Failed';
    rt.reason = 'Evicted';
    rt.message = message;
    rt.extraConditions = [
      {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'TerminationByKubelet',
        message,
        lastProbeTime: null,
      },
    ];
    this.ips?.release(rt.podIP);
    this.writePodStatus(pod, rt, nowMs);
    this.ctx.recorder.record(this.source, pod, { type: 'Warning', reason: 'Evicted', message });
  }

  /** Graceful deletion: stop the containers, then remove the pod once they are down. */
  private terminate(pod: Pod, rt: PodRuntime, nowMs: number): void {
    const key = objectKey(pod);
    if (rt.stage !== 'terminating') {
      const running = rt.containers.filter((c) => c.state === 'running');
      for (const c of running) {
        this.ctx.recorder.record(this.source, pod, {
          type: 'Normal',
          reason: 'Killing',
          message: `Stopping container ${c.name}`,
          fieldPath: `spec.containers{${c.name}}`,
        });
      }
      const deadline = Date.parse(pod.metadata.deletionTimestamp ?? '') || nowMs;
      // Most processes exit on SIGTERM within seconds; about one in ten uses its whole grace period.
      const roll = noise3(this.ctx.seed, 81, hashString(rt.uid), 0);
      const shutdownMs =
        running.length === 0 ? 0 : roll < 0.1 ? Infinity : 1000 + Math.floor(roll * 6) * 1000;
      rt.stage = 'terminating';
      rt.stopAtMs = Math.min(deadline, nowMs + shutdownMs);
      this.timers.add(key, rt.stopAtMs);
    }
    if (nowMs < (rt.stopAtMs ?? nowMs)) return;
    try {
      this.ctx.store.delete(keys.pods, pod.metadata.namespace, pod.metadata.name ?? '');
    } catch (error) {
      if (!(error instanceof StoreError) || error.reason !== 'NotFound') throw error;
    }
  }

  /** Kubelet admission: a pod that does not fit what the node has left fails at once. */
  private reject(pod: Pod, nowMs: number): boolean {
    const node = this.node();
    if (!node) return false;
    const resource = admissionFailure(
      podShape(pod.spec),
      this.ctx.cache.allocation(this.nodeName),
      allocatableOf(node),
    );
    if (!resource) return false;
    const message = `Pod was rejected: Node didn't have enough resource: ${resource}`;
    writeStatus(this.ctx.store, keys.pods, pod, {
      phase: 'Failed',
      reason: `OutOf${resource}`,
      message,
      qosClass: podShape(pod.spec).qosClass,
      startTime: rfc3339(nowMs),
    });
    this.ctx.recorder.record(this.source, pod, {
      type: 'Warning',
      reason: `OutOf${resource}`,
      message: `Node didn't have enough resource: ${resource}`,
    });
    return true;
  }

  private allocateIP(): string | undefined {
    if (!this.ips) {
      const inUse: string[] = [];
      for (const pod of this.ctx.cache.podsOn(this.nodeName)) {
        const phase = pod.status?.phase;
        if (pod.status?.podIP && phase !== 'Succeeded' && phase !== 'Failed') inUse.push(pod.status.podIP);
      }
      this.ips = new IpAllocator(this.node()?.spec?.podCIDR, inUse);
    }
    return this.ips.allocate();
  }

  writePodStatus(pod: Pod, rt: PodRuntime, nowMs: number): void {
    const current =
      (this.ctx.store.get(keys.pods, pod.metadata.namespace, pod.metadata.name ?? '') as Pod | undefined) ??
      pod;
    const status = podStatusFor(current, {
      phase: rt.phase,
      containers: rt.views(),
      hostIP: this.hostIP(),
      ...(rt.podIP ? { podIP: rt.podIP } : {}),
      startMs: rt.startTimeMs,
      nowMs,
      sandboxReady: rt.stage === 'running' || rt.stage === 'terminating',
      qosClass: podShape(pod.spec).qosClass,
      ...(rt.reason ? { reason: rt.reason } : {}),
      ...(rt.message ? { message: rt.message } : {}),
      extraConditions: rt.extraConditions,
    });
    writeStatus(this.ctx.store, keys.pods, current, status);
  }

  /** Whether the node's reported conditions differ from what this kubelet sees now. */
  conditionsStale(nowMs: number): boolean {
    const reported = this.node()?.status?.conditions ?? [];
    return desiredConditions(this.health, nowMs).some(
      (d) => reported.find((c) => c.type === d.type)?.status !== d.status,
    );
  }

  private postStatus(nowMs: number): void {
    this.statusDirty = false;
    const node = this.node();
    if (!node) return;
    const { conditions, changed } = nodeConditionsAt(
      node.status?.conditions,
      desiredConditions(this.health, nowMs),
      nowMs,
    );
    // A shallow copy: the node's other fields are shared with the stored version, never changed.
    this.ctx.store.update(keys.nodes, { ...node, status: { ...node.status, conditions } });
    for (const change of changed) {
      const names = CONDITION_EVENTS[change.type];
      if (!names) continue;
      const reason = change.status === 'True' ? names.on : names.off;
      this.ctx.recorder.record(this.source, nodeRef(node), {
        type: 'Normal',
        reason,
        message: `Node ${this.nodeName} status is now: ${reason}`,
      });
    }
  }
}

/** Node events name the node by name as uid, as the kubelet's node reference does. */
export function nodeRef(node: Node) {
  return { kind: 'Node', name: node.metadata.name ?? '', uid: node.metadata.name ?? '', apiVersion: 'v1' };
}
