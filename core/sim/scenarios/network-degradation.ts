import type { CoreEvent, Node } from '../kube/types.ts';
import { cumulativeNicErrors } from '../load/nic-errors.ts';
import { hashString, noise3 } from '../random.ts';
import { IncidentBase, lerp } from './incident-base.ts';
import { precursorRamp, type IncidentFactory, type ScenarioEnv, type ScenarioSpec } from './scenario.ts';
import { pickNode } from './targets.ts';

const MINUTE = 60_000;
const WAVE_MS = 5000;

/**
 * A node's network degrades (a failing NIC, a saturated uplink, conntrack exhaustion): latency
 * climbs until readiness probes time out, its pods go NotReady with Unhealthy events, and
 * Deployments report fewer available replicas. Severity sets the peak latency (1.2 s at 0, 5 s
 * at 1) and the precursor how it gets there. Lasts 25 min unless told otherwise.
 */
export const networkDegradation: IncidentFactory = (spec, env, id, nowMs) => {
  const node = pickNode(env, spec);
  return node ? new NetworkDegradation(env, spec, id, nowMs, node) : undefined;
};

class NetworkDegradation extends IncidentBase {
  private readonly node: string;

  constructor(env: ScenarioEnv, spec: ScenarioSpec, id: string, nowMs: number, node: Node) {
    const name = node.metadata.name ?? '';
    const severity = Math.min(1, Math.max(0, spec.severity ?? 0.5));
    const peak = lerp(1200, 5000, severity);
    const rampMs = lerp(20, 5, severity) * MINUTE;
    super(
      env,
      spec,
      id,
      nowMs,
      { kind: 'Node', name, uid: node.metadata.uid ?? '' },
      name,
      `the network of ${name} degrades to about ${Math.round(peak)} ms round trips`,
    );
    this.node = name;
    const precursor = this.record.precursor;
    const salt = hashString(id);
    const seed = env.ctx.seed;
    // Degradation comes in waves of a few seconds, not as a smooth line.
    const latency = (t: number) =>
      peak *
      (0.75 + 0.5 * noise3(seed, 91, salt, Math.floor(t / WAVE_MS))) *
      precursorRamp(precursor, (t - nowMs) / rampMs);
    this.keep(env.effects.latency.add(name, latency));
    // A failing NIC or a saturated uplink drops and corrupts frames: the error counters climb with
    // the latency. They read 0 again when the degradation ends (the NIC's driver is reloaded).
    this.keep(
      env.effects.nicErrors.add(
        name,
        cumulativeNicErrors(nowMs, WAVE_MS, (t) => {
          const errors = latency(t) / 50;
          return { rx: Math.round(0.8 * errors), tx: Math.round(0.2 * errors) };
        }),
      ),
    );
  }

  tick(nowMs: number): void {
    if (nowMs >= this.record.onsetMs + (this.spec.durationMs ?? 25 * MINUTE)) this.end(nowMs);
  }

  onEvent(event: CoreEvent, nowMs: number): void {
    if (event.reason === 'Unhealthy' && event.source.host === this.node) this.visible(nowMs);
  }
}
