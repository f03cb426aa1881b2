import { keys } from '../store/api-resources.ts';
import type { StoreEvent } from '../store/kube-object.ts';
import type { CoreEvent, Node, Pod } from '../kube/types.ts';
import { NODEFS_AVAILABLE_THRESHOLD } from '../kubelet/eviction.ts';
import { IncidentBase, lerp } from './incident-base.ts';
import {
  precursorRamp,
  timescaleOf,
  type IncidentFactory,
  type ScenarioEnv,
  type ScenarioSpec,
} from './scenario.ts';
import { pickNode, runningPodsOn } from './targets.ts';

const MINUTE = 60_000;
const APP_NAMESPACES = new Set(['shop', 'payments', 'monitoring', 'default']);

/**
 * A pod on a node writes logs (or an emptyDir) without bound until the node's filesystem has
 * less than 10% free: DiskPressure, the disk-pressure taint, and the kubelet evicting the
 * writer. Severity sets the time to the threshold (30 min at 0, 5 min at 1) unless the spec gives
 * a timescale.
 */
export const diskFill: IncidentFactory = (spec, env, id, nowMs) => {
  const node = pickNode(env, spec);
  if (!node) return undefined;
  const pods = runningPodsOn(env, node.metadata.name ?? '').filter((p) =>
    APP_NAMESPACES.has(p.metadata.namespace ?? ''),
  );
  const writer = pods[Math.min(pods.length - 1, Math.floor(env.random(2) * pods.length))];
  return writer ? new DiskFill(env, spec, id, nowMs, node, writer) : undefined;
};

class DiskFill extends IncidentBase {
  private readonly writerUid: string;
  private readonly node: string;

  constructor(env: ScenarioEnv, spec: ScenarioSpec, id: string, nowMs: number, node: Node, writer: Pod) {
    const name = node.metadata.name ?? '';
    const severity = Math.min(1, Math.max(0, spec.severity ?? 0.5));
    const timeToFull = timescaleOf(spec, lerp(30, 5, severity) * MINUTE);
    super(
      env,
      spec,
      id,
      nowMs,
      { kind: 'Node', name, uid: node.metadata.uid ?? '' },
      name,
      `${writer.metadata.namespace}/${writer.metadata.name} fills the disk of ${name}: under 10% free in about ${Math.round(timeToFull / MINUTE)} min`,
    );
    this.writerUid = writer.metadata.uid ?? '';
    this.node = name;
    const sample = env.ctx.usage.nodeUsage(node, env.ctx.cache.podsOn(name), nowMs);
    const need = sample.capacity.diskBytes * (1 - NODEFS_AVAILABLE_THRESHOLD) - sample.diskBytes;
    const peak = Math.max(need, 0) * 1.05 + 256 * 1024 * 1024;
    const precursor = this.record.precursor;
    this.keep(
      env.effects.diskWriters.add(
        this.writerUid,
        (t) => peak * precursorRamp(precursor, (t - nowMs) / timeToFull),
      ),
    );
  }

  tick(nowMs: number): void {
    if (this.spec.durationMs !== undefined && nowMs >= this.record.onsetMs + this.spec.durationMs)
      this.end(nowMs);
  }

  onStoreEvent(event: StoreEvent, nowMs: number): void {
    if (event.resource === keys.pods && event.object.metadata.uid === this.writerUid) {
      if (event.type === 'DELETED' || (event.object as Pod).status?.phase === 'Failed') this.end(nowMs);
    }
  }

  onEvent(event: CoreEvent, nowMs: number): void {
    if (event.reason === 'NodeHasDiskPressure' && event.involvedObject.name === this.node)
      this.visible(nowMs);
  }
}
