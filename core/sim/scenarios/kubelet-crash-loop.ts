import type { CoreEvent, Node } from '../kube/types.ts';
import { IncidentBase, lerp } from './incident-base.ts';
import type { IncidentFactory, PrecursorStrength, ScenarioEnv, ScenarioSpec } from './scenario.ts';
import { pickNode } from './targets.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

interface Outage {
  fromMs: number;
  toMs: number;
}

/**
 * The kubelet (or its container runtime) keeps crashing and restarting. Early crashes are short
 * enough to stay inside the 40 s grace period (visible only as "Starting kubelet." events and
 * gaps in heartbeats); later ones are long, and the node flaps NotReady. A strong precursor has
 * a long run of short crashes first, a weak one a brief run, none goes straight to long ones.
 * Severity makes outages longer and uptimes shorter. Lasts 30 min unless told otherwise, 40% of
 * it (strong) or 12% (weak) short crashes. A spec's timescale is instead how long the short
 * crashes last with a strong precursor (a weak one has 30% of that), and 18 min of long outages
 * follow.
 */
export const kubeletCrashLoop: IncidentFactory = (spec, env, id, nowMs) => {
  const node = pickNode(env, spec);
  return node ? new KubeletCrashLoop(env, spec, id, nowMs, node) : undefined;
};

/** The share of the default 30 min that is short crashes, per precursor. */
const WARNING_SHARE: Record<PrecursorStrength, number> = { strong: 0.4, weak: 0.12, none: 0 };
const DEFAULT_DURATION_MS = 30 * MINUTE;

class KubeletCrashLoop extends IncidentBase {
  private readonly node: string;
  private readonly durationMs: number;
  private readonly warningMs: number;

  constructor(env: ScenarioEnv, spec: ScenarioSpec, id: string, nowMs: number, node: Node) {
    const name = node.metadata.name ?? '';
    super(
      env,
      spec,
      id,
      nowMs,
      { kind: 'Node', name, uid: node.metadata.uid ?? '' },
      name,
      `the kubelet on ${name} crash-loops`,
    );
    this.node = name;
    const share = WARNING_SHARE[this.record.precursor];
    if (spec.timescaleMs === undefined) {
      this.durationMs = spec.durationMs ?? DEFAULT_DURATION_MS;
      this.warningMs = this.durationMs * share;
    } else {
      this.warningMs = (spec.timescaleMs * share) / WARNING_SHARE.strong;
      this.durationMs = spec.durationMs ?? this.warningMs + DEFAULT_DURATION_MS * (1 - WARNING_SHARE.strong);
    }
    const outages = this.schedule(nowMs);
    this.keep(env.effects.kubeletOutages.add(name, (t) => outages.some((o) => t >= o.fromMs && t < o.toMs)));
  }

  private schedule(onsetMs: number): Outage[] {
    const severity = this.record.severity;
    const durationMs = this.durationMs;
    const outages: Outage[] = [];
    let t = onsetMs;
    let draw = 10;
    const r = () => this.env.random(draw++);
    while (t < onsetMs + durationMs) {
      const early = t < onsetMs + this.warningMs;
      const down = early ? lerp(8, 25, r()) * SECOND : lerp(45, 150, severity) * lerp(0.8, 1.2, r()) * SECOND;
      const up = (early ? lerp(60, 180, r()) : lerp(240, 60, severity) * lerp(0.7, 1.3, r())) * SECOND;
      outages.push({ fromMs: t, toMs: Math.min(t + down, onsetMs + durationMs) });
      t += down + up;
    }
    return outages;
  }

  tick(nowMs: number): void {
    if (nowMs >= this.record.onsetMs + this.durationMs) this.end(nowMs);
  }

  onEvent(event: CoreEvent, nowMs: number): void {
    if (
      event.reason === 'NodeNotReady' &&
      event.involvedObject.kind === 'Node' &&
      event.involvedObject.name === this.node
    )
      this.visible(nowMs);
  }
}
