import { keys } from '../store/api-resources.ts';
import { podShape } from '../kube/pods.ts';
import { cpuMillis } from '../kube/quantity.ts';
import type { Node, Pod } from '../kube/types.ts';
import { isDue } from '../runtime/context.ts';
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

/**
 * One pod without a CPU limit starts burning CPU (a runaway loop, a batch job gone wide) until
 * its node is saturated: its neighbours are throttled, latency rises, and when it is bad enough
 * their readiness probes time out. Severity sets how far past the node's capacity it goes
 * (0.6× at 0, 2× at 1) and, unless the spec gives a timescale, how fast it ramps (15 min at 0,
 * 3 at 1); the precursor sets the ramp's shape. Lasts 30 min, or 15 min past a longer ramp,
 * unless told otherwise.
 */
export const noisyNeighbour: IncidentFactory = (spec, env, id, nowMs) => {
  const node = pickNode(env, spec);
  if (!node) return undefined;
  const pods = runningPodsOn(env, node.metadata.name ?? '');
  const unlimited = pods.filter((p) => podShape(p.spec).containers[0]?.limitCpuMillis === undefined);
  const list = unlimited.length > 0 ? unlimited : pods;
  const pod = list[Math.min(list.length - 1, Math.floor(env.random(2) * list.length))];
  return pod ? new NoisyNeighbour(env, spec, id, nowMs, node, pod) : undefined;
};

class NoisyNeighbour extends IncidentBase {
  private readonly node: string;
  private readonly durationMs: number;

  constructor(env: ScenarioEnv, spec: ScenarioSpec, id: string, nowMs: number, node: Node, pod: Pod) {
    const name = node.metadata.name ?? '';
    const severity = Math.min(1, Math.max(0, spec.severity ?? 0.5));
    const capacity = cpuMillis(node.status?.capacity?.['cpu']) || 4000;
    const burn = capacity * lerp(0.6, 2, severity);
    const rampMs = timescaleOf(spec, lerp(15, 3, severity) * MINUTE);
    super(
      env,
      spec,
      id,
      nowMs,
      { kind: 'Node', name, uid: node.metadata.uid ?? '' },
      name,
      `${pod.metadata.namespace}/${pod.metadata.name} burns up to ${Math.round(burn)}m CPU on ${name} (${Math.round(capacity)}m)`,
    );
    this.node = name;
    this.durationMs = spec.durationMs ?? Math.max(30 * MINUTE, rampMs + 15 * MINUTE);
    const precursor = this.record.precursor;
    this.keep(
      env.effects.cpuBurns.add(
        pod.metadata.uid ?? '',
        (t) => burn * precursorRamp(precursor, (t - nowMs) / rampMs),
      ),
    );
  }

  tick(nowMs: number): void {
    if (nowMs >= this.record.onsetMs + this.durationMs) {
      this.end(nowMs);
      return;
    }
    if (this.record.visibleMs !== undefined || !isDue(nowMs, this.env.ctx.tickMs, 10_000)) return;
    const node = this.env.ctx.store.get(keys.nodes, undefined, this.node) as Node | undefined;
    if (!node) return;
    const sample = this.env.ctx.usage.nodeUsage(node, this.env.ctx.cache.podsOn(this.node), nowMs);
    if (sample.cpuPressure >= 1) this.visible(nowMs);
  }
}
