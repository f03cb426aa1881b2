import { rfc3339 } from '../kube/time.ts';
import type { ContainerStateTerminated, Pod, PodCondition, Probe } from '../kube/types.ts';
import { containerId, imageId } from '../objects/pod-json.ts';
import { hashString } from '../random.ts';
import { inBackOff, nextBackOff, type BackoffEntry } from './backoff.ts';
import type { ContainerView } from './pod-status.ts';

/**
 * What the container runtime knows about one pod on a node: its containers' states, restart
 * counts and back-off, whether its sandbox (and IP) exists. The kubelet turns it into status.
 */

export interface ContainerRuntime extends ContainerView {
  probe?: Probe;
  backoff?: BackoffEntry;
  waitingUntilMs?: number;
  finishedMs?: number;
  /** Bumped on every (re)start: the next containerID. */
  generation: number;
}

export type PodStage = 'creating' | 'running' | 'terminating' | 'finished';

export type ContainerOutcome =
  | { kind: 'restarted'; container: ContainerRuntime }
  | { kind: 'backoff'; container: ContainerRuntime; untilMs: number }
  | { kind: 'stays-terminated'; container: ContainerRuntime };

export class PodRuntime {
  stage: PodStage;
  startAtMs = 0;
  startTimeMs: number;
  podIP: string | undefined;
  stopAtMs: number | undefined;
  completeAtMs: number | undefined;
  probeDueMs: number | undefined;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' = 'Pending';
  reason: string | undefined;
  message: string | undefined;
  extraConditions: PodCondition[] = [];
  readonly containers: ContainerRuntime[];
  private readonly idBase: number;

  constructor(
    readonly uid: string,
    pod: Pod,
    private readonly seed: number,
    nowMs: number,
  ) {
    this.idBase = hashString(uid);
    this.stage = 'creating';
    this.startTimeMs = nowMs;
    this.containers = pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image ?? '',
      state: 'creating',
      ready: false,
      restartCount: 0,
      containerID: '',
      imageID: '',
      generation: 0,
      ...(c.readinessProbe ? { probe: c.readinessProbe } : {}),
    }));
  }

  /** A runtime for a pod that was already running before this kubelet looked at it. */
  static adopt(pod: Pod, seed: number, nowMs: number): PodRuntime {
    const rt = new PodRuntime(pod.metadata.uid ?? '', pod, seed, nowMs);
    const status = pod.status ?? {};
    rt.startTimeMs = status.startTime ? Date.parse(status.startTime) : nowMs;
    rt.podIP = status.podIP;
    const phase = status.phase ?? 'Pending';
    rt.phase = phase === 'Unknown' ? 'Running' : phase;
    rt.stage =
      phase === 'Succeeded' || phase === 'Failed' ? 'finished' : phase === 'Running' ? 'running' : 'creating';
    rt.reason = status.reason;
    rt.message = status.message;
    rt.extraConditions = (status.conditions ?? []).filter((c) => c.type === 'DisruptionTarget');
    status.containerStatuses?.forEach((s, i) => {
      const c = rt.containers[i];
      if (!c || c.name !== s.name) return;
      c.restartCount = s.restartCount;
      c.ready = s.ready;
      c.containerID = s.containerID ?? '';
      c.imageID = s.imageID ?? '';
      if (s.lastState?.terminated) c.lastTerminated = s.lastState.terminated;
      if (s.state?.running) {
        c.state = 'running';
        c.startedMs = s.state.running.startedAt ? Date.parse(s.state.running.startedAt) : rt.startTimeMs;
      } else if (s.state?.terminated) {
        c.state = 'terminated';
        c.terminated = s.state.terminated;
        c.finishedMs = s.state.terminated.finishedAt ? Date.parse(s.state.terminated.finishedAt) : nowMs;
      } else if (s.state?.waiting && rt.stage === 'running') {
        c.state = 'waiting';
        c.waiting = {
          reason: s.state.waiting.reason ?? 'CrashLoopBackOff',
          ...(s.state.waiting.message ? { message: s.state.waiting.message } : {}),
        };
        c.waitingUntilMs = nowMs;
      }
    });
    return rt;
  }

  startContainers(nowMs: number, podIP: string | undefined): void {
    this.podIP = podIP;
    this.stage = 'running';
    this.phase = 'Running';
    for (const c of this.containers) this.run(c, nowMs);
  }

  private run(c: ContainerRuntime, nowMs: number): void {
    c.state = 'running';
    c.startedMs = nowMs;
    c.ready = c.probe === undefined;
    c.generation += 1;
    c.containerID = containerId(
      this.seed,
      9,
      (this.idBase % 1_000_000) * 64 + (c.generation % 64) * 8 + this.containers.indexOf(c),
    );
    c.imageID ||= imageId(this.seed, c.image);
    delete c.waiting;
    delete c.terminated;
    delete c.waitingUntilMs;
  }

  /** The container's process ends (OOM kill, crash, or completion). */
  terminate(c: ContainerRuntime, nowMs: number, exitCode: number, reason: string): void {
    c.terminated = {
      exitCode,
      reason,
      startedAt: rfc3339(c.startedMs ?? nowMs),
      finishedAt: rfc3339(nowMs),
      containerID: c.containerID,
    };
    c.state = 'terminated';
    c.ready = false;
    c.finishedMs = nowMs;
  }

  /** kuberuntime's decision after a container died: restart now, wait out the back-off, or leave it. */
  afterDeath(c: ContainerRuntime, restartPolicy: string, nowMs: number): ContainerOutcome {
    const exitCode = c.terminated?.exitCode ?? 0;
    if (restartPolicy === 'Never' || (restartPolicy === 'OnFailure' && exitCode === 0)) {
      return { kind: 'stays-terminated', container: c };
    }
    const finished = c.finishedMs ?? nowMs;
    if (inBackOff(c.backoff, finished, nowMs) && c.backoff) {
      const untilMs = finished + c.backoff.backoffMs;
      c.lastTerminated = c.terminated ?? c.lastTerminated;
      delete c.terminated;
      c.state = 'waiting';
      c.waitingUntilMs = untilMs;
      return { kind: 'backoff', container: c, untilMs };
    }
    c.backoff = nextBackOff(c.backoff, nowMs);
    c.lastTerminated = c.terminated ?? c.lastTerminated;
    c.restartCount += 1;
    this.run(c, nowMs);
    return { kind: 'restarted', container: c };
  }

  /** Restart a container whose back-off has passed. */
  restartAfterBackoff(c: ContainerRuntime, nowMs: number): void {
    c.backoff = nextBackOff(c.backoff, nowMs);
    c.restartCount += 1;
    this.run(c, nowMs);
  }

  /** When every container has exited for good: the pod's final phase. */
  settle(): boolean {
    if (!this.containers.every((c) => c.state === 'terminated')) return false;
    this.stage = 'finished';
    this.phase = this.containers.every((c) => c.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed';
    return true;
  }

  views(): ContainerView[] {
    return this.containers;
  }

  terminatedEvery(exitCode: number, reason: string, nowMs: number): void {
    for (const c of this.containers) if (c.state !== 'terminated') this.terminate(c, nowMs, exitCode, reason);
    for (const c of this.containers) delete c.waiting;
  }

  /** Terminated info for a container that never ran. */
  static neverStarted(): ContainerStateTerminated {
    return { exitCode: 0, reason: 'ContainerStatusUnknown' };
  }
}
