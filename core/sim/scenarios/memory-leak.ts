import { keys } from '../store/api-resources.ts';
import type { StoreEvent } from '../store/kube-object.ts';
import { podShape } from '../kube/pods.ts';
import { formatBytes } from '../kube/quantity.ts';
import type { CoreEvent, Node, Pod } from '../kube/types.ts';
import { MEMORY_AVAILABLE_THRESHOLD_BYTES } from '../kubelet/eviction.ts';
import { IncidentBase, lerp } from './incident-base.ts';
import {
  precursorRamp,
  timescaleOf,
  type IncidentFactory,
  type ScenarioEnv,
  type ScenarioSpec,
} from './scenario.ts';
import { pickPod } from './targets.ts';

const MINUTE = 60_000;

/**
 * A process that leaks memory. With a memory limit (variant `oom`) the container grows to its
 * limit, is OOM-killed, restarts and grows again: OOMKilled, restarts, CrashLoopBackOff. Without
 * one (`pressure`) it eats the node until memory.available drops under 100Mi: MemoryPressure,
 * then the kubelet evicts it. Severity sets the time to the limit (20 min at 0, 4 min at 1) unless
 * the spec gives a timescale; the precursor sets the shape of the growth (steady, late, or a
 * sudden jump at that time).
 */
export const memoryLeak: IncidentFactory = (spec, env, id, nowMs) => {
  const pressure = spec.variant === 'pressure' || (spec.variant === undefined && env.random(1) < 0.3);
  const limited = (p: Pod) => podShape(p.spec).containers[0]?.limitMemoryBytes !== undefined;
  const pod = pickPod(env, spec, (p) => limited(p) !== pressure) ?? pickPod(env, spec);
  return pod ? new MemoryLeak(env, spec, id, nowMs, pod) : undefined;
};

class MemoryLeak extends IncidentBase {
  private readonly uid: string;
  private readonly node: string;

  constructor(env: ScenarioEnv, spec: ScenarioSpec, id: string, nowMs: number, pod: Pod) {
    const node = pod.spec.nodeName ?? '';
    const { usage, store, cache } = env.ctx;
    const severity = Math.min(1, Math.max(0, spec.severity ?? 0.5));
    const timeToLimit = timescaleOf(spec, lerp(20, 4, severity) * MINUTE);
    const limit = podShape(pod.spec).containers[0]?.limitMemoryBytes;
    let headroom: number;
    if (limit !== undefined) {
      headroom = limit - (usage.podDemand(pod, node, nowMs).containers[0]?.memoryBytes ?? 0);
    } else {
      const sample = usage.nodeUsage(
        store.get(keys.nodes, undefined, node) as Node,
        cache.podsOn(node),
        nowMs,
      );
      headroom = sample.capacity.memoryBytes - sample.memoryBytes - MEMORY_AVAILABLE_THRESHOLD_BYTES;
    }
    const what = limit !== undefined ? `its ${formatBytes(limit)} limit` : `the memory of ${node}`;
    super(
      env,
      spec,
      id,
      nowMs,
      {
        kind: 'Pod',
        namespace: pod.metadata.namespace ?? '',
        name: pod.metadata.name ?? '',
        uid: pod.metadata.uid ?? '',
      },
      node,
      `${pod.metadata.namespace}/${pod.metadata.name} leaks memory and fills ${what} about ${Math.round(timeToLimit / MINUTE)} min after each start`,
    );
    this.uid = pod.metadata.uid ?? '';
    this.node = node;
    const peak = Math.max(headroom, 16 * 1024 * 1024) * 1.08;
    const precursor = this.record.precursor;
    const onset = nowMs;
    this.keep(
      env.effects.memoryLeaks.add(this.uid, (t, start) => {
        const since = t - Math.max(onset, start);
        return since <= 0 ? 0 : peak * precursorRamp(precursor, since / timeToLimit);
      }),
    );
  }

  tick(nowMs: number): void {
    if (this.spec.durationMs !== undefined && nowMs >= this.record.onsetMs + this.spec.durationMs)
      this.end(nowMs);
  }

  onStoreEvent(event: StoreEvent, nowMs: number): void {
    if (event.resource !== keys.pods || event.object.metadata.uid !== this.uid) return;
    if (event.type === 'DELETED') {
      this.end(nowMs);
      return;
    }
    const pod = event.object as Pod;
    // An OOM kill since the onset; the pod's earlier history does not count.
    const killed = pod.status?.containerStatuses?.some((c) => {
      const terminated = c.state?.terminated ?? c.lastState?.terminated;
      return (
        terminated?.reason === 'OOMKilled' && Date.parse(terminated.finishedAt ?? '') >= this.record.onsetMs
      );
    });
    if (killed) this.visible(nowMs);
    if (pod.status?.phase === 'Failed') {
      this.visible(nowMs);
      this.end(nowMs);
    }
  }

  onEvent(event: CoreEvent, nowMs: number): void {
    if (event.reason === 'NodeHasInsufficientMemory' && event.involvedObject.name === this.node)
      this.visible(nowMs);
  }
}
