import { hashString, noise3 } from '../random.ts';
import { podShape } from '../kube/pods.ts';
import type { Container, Node, Pod } from '../kube/types.ts';
import type { PodUsageSample } from '../load/usage-model.ts';
import type { SimContext } from '../runtime/context.ts';
import { evictionMessage, observePressure, rankForEviction, type Pressure } from './eviction.ts';
import type { Kubelet } from './kubelet.ts';
import { nodeRef } from './kubelet.ts';
import type { PodRuntime } from './pod-runtime.ts';

interface ProbeCounters {
  failures: number;
  successes: number;
}

const PROBE_STREAM = 83;

/**
 * What a kubelet does every ten seconds: reads usage (cAdvisor), lets the kernel OOM-kill
 * containers above their memory limit, runs readiness probes, and runs the eviction manager.
 */
export class Housekeeping {
  private readonly probes = new Map<string, ProbeCounters>();

  constructor(
    private readonly ctx: SimContext,
    private readonly kubelet: Kubelet,
  ) {}

  forget(uid: string): void {
    this.probes.delete(uid);
  }

  /** Returns true when the node's conditions should be posted. */
  run(nowMs: number): boolean {
    const node = this.kubelet.node();
    if (!node) return false;
    const pods = this.ctx.cache.podsOn(this.kubelet.nodeName);
    const over: [Pod, number][] = [];
    const totals = this.ctx.usage.nodeTotals(node, pods, nowMs, (pod, container) =>
      over.push([pod, container]),
    );
    const killed = new Set<Pod>();
    for (const [pod, container] of over) {
      if (pod.metadata.deletionTimestamp) continue;
      this.oomKill(pod, container, totals.capacity.memoryBytes, nowMs);
      killed.add(pod);
    }
    for (const pod of pods) {
      if (pod.status?.phase !== 'Running' || pod.metadata.deletionTimestamp || killed.has(pod)) continue;
      this.probe(pod, totals.latencyMs, nowMs);
    }
    const pressures = observePressure(totals);
    for (const p of pressures) this.kubelet.health.lastPressureMs[p.resource] = nowMs;
    // Per-pod usage only when the eviction manager has to rank pods.
    if (pressures.length > 0) this.evict(node, pods, pressures, nowMs);
    return this.kubelet.conditionsStale(nowMs);
  }

  /** The kernel kills a container above its memory limit; the kubelet sees it die. */
  private oomKill(pod: Pod, index: number, nodeMemoryBytes: number, nowMs: number): void {
    const rt = this.kubelet.runtimeFor(pod, nowMs);
    const container = rt.containers[index];
    const limit = podShape(pod.spec).containers[index]?.limitMemoryBytes;
    if (!container || container.state !== 'running' || limit === undefined) return;
    rt.terminate(container, nowMs, 137, 'OOMKilled');
    const node = this.kubelet.node();
    if (node) {
      this.ctx.recorder.record({ component: 'kernel-monitor', host: this.kubelet.nodeName }, nodeRef(node), {
        type: 'Warning',
        reason: 'OOMKilling',
        message: oomMessage(pod, container.name, limit, nodeMemoryBytes, container.generation),
      });
    }
    this.kubelet.containerDied(pod, rt, index, nowMs);
  }

  private probe(pod: Pod, nodeLatencyMs: number, nowMs: number): void {
    const index = pod.spec.containers.findIndex((c) => c.readinessProbe);
    if (index < 0) return;
    this.probeContainer(pod, index, nodeLatencyMs, nowMs);
  }

  /** The first probe after a container starts, outside the ten-second rhythm. */
  probeOne(pod: Pod, rt: PodRuntime, nowMs: number): void {
    const node = this.kubelet.node();
    if (!node) return;
    const sample = this.ctx.usage.nodeTotals(node, [], nowMs);
    const index = pod.spec.containers.findIndex((c) => c.readinessProbe);
    if (index >= 0 && rt.containers[index]?.state === 'running')
      this.probeContainer(pod, index, sample.latencyMs, nowMs, rt);
  }

  private probeContainer(
    pod: Pod,
    index: number,
    nodeLatencyMs: number,
    nowMs: number,
    given?: PodRuntime,
  ): void {
    const container = pod.spec.containers[index] as Container;
    const probe = container.readinessProbe ?? {};
    const uid = pod.metadata.uid ?? '';
    const status = pod.status?.containerStatuses?.[index];
    if (!given && !status?.state?.running) return;
    const entity = this.ctx.usage.profile(pod).entity;
    const jitter = 0.7 + 0.6 * noise3(this.ctx.seed, PROBE_STREAM, entity, Math.floor(nowMs / 1000));
    const failed = nodeLatencyMs * jitter > (probe.timeoutSeconds ?? 1) * 1000;
    // Steady success needs no bookkeeping: only failures and recoveries are counted.
    const known = this.probes.get(uid);
    if (!failed && !known && (given ? (given.containers[index]?.ready ?? false) : (status?.ready ?? false)))
      return;
    const counters = known ?? { failures: 0, successes: 0 };
    if (failed) {
      counters.failures += 1;
      counters.successes = 0;
      this.ctx.recorder.record(this.kubelet.source, pod, {
        type: 'Warning',
        reason: 'Unhealthy',
        message: `Readiness probe failed: ${probeError(pod, probe)}`,
        fieldPath: `spec.containers{${container.name}}`,
      });
    } else {
      counters.successes += 1;
      counters.failures = 0;
    }
    if (counters.failures === 0 && counters.successes > 5) this.probes.delete(uid);
    else this.probes.set(uid, counters);
    const ready = given ? (given.containers[index]?.ready ?? false) : (status?.ready ?? false);
    const becomesReady = !ready && !failed && counters.successes >= (probe.successThreshold ?? 1);
    const becomesUnready = ready && failed && counters.failures >= (probe.failureThreshold ?? 3);
    if (!becomesReady && !becomesUnready) return;
    const rt = given ?? this.kubelet.runtimeFor(pod, nowMs);
    const c = rt.containers[index];
    if (!c || c.state !== 'running') return;
    c.ready = becomesReady;
    this.kubelet.writePodStatus(pod, rt, nowMs);
  }

  private evict(node: Node, pods: readonly Pod[], pressures: readonly Pressure[], nowMs: number): void {
    const pressure = pressures[0] as Pressure;
    const sample = this.ctx.usage.nodeUsage(node, pods, nowMs);
    const byUid = new Map(pods.map((p) => [p.metadata.uid ?? '', p]));
    const candidates = sample.pods
      .map((usage) => ({ usage, pod: byUid.get(usage.uid) }))
      .filter(
        (c): c is { usage: PodUsageSample; pod: Pod } =>
          c.pod !== undefined && !c.pod.metadata.deletionTimestamp,
      );
    const victim = rankForEviction(candidates, pressure.resource)[0];
    this.ctx.recorder.record(this.kubelet.source, nodeRef(node), {
      type: 'Warning',
      reason: 'EvictionThresholdMet',
      message: `Attempting to reclaim ${pressure.resource}`,
    });
    if (!victim) return;
    this.kubelet.evict(
      victim.pod,
      this.kubelet.runtimeFor(victim.pod, nowMs),
      evictionMessage(pressure, victim),
      nowMs,
    );
  }
}

function probeError(pod: Pod, probe: NonNullable<Container['readinessProbe']>): string {
  const ip = pod.status?.podIP ?? '';
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `Get "${scheme}://${ip}:${probe.httpGet.port}${probe.httpGet.path ?? '/'}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  }
  if (probe.tcpSocket) return `dial tcp ${ip}:${probe.tcpSocket.port}: i/o timeout`;
  return 'command timed out';
}

/** The kernel's OOM report, as node-problem-detector forwards it. */
function oomMessage(
  pod: Pod,
  container: string,
  limitBytes: number,
  nodeMemoryBytes: number,
  generation: number,
): string {
  const uid = hashString(`${pod.metadata.uid}/${container}/${generation}`);
  const pid = 1000 + (uid % 60_000);
  const rssKb = Math.round(limitBytes / 1024);
  const shape = podShape(pod.spec);
  const adj =
    shape.qosClass === 'Guaranteed'
      ? -997
      : shape.qosClass === 'BestEffort'
        ? 1000
        : Math.min(
            999,
            Math.max(
              2,
              1000 - Math.trunc((1000 * shape.requests.memoryBytes) / Math.max(1, nodeMemoryBytes)),
            ),
          );
  return `Memory cgroup out of memory: Killed process ${pid} (${container.slice(0, 15)}) total-vm:${Math.round(rssKb * 1.6)}kB, anon-rss:${rssKb}kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:${Math.round(rssKb / 500)}kB oom_score_adj:${adj}`;
}
