import type { CoreEvent, Node } from '../kube/types.ts';
import { hashString, noise3 } from '../random.ts';
import { IncidentBase } from './incident-base.ts';
import type { IncidentFactory, ScenarioEnv, ScenarioSpec } from './scenario.ts';
import { pickNode } from './targets.ts';

const MINUTE = 60_000;

/**
 * A machine dies (power supply, motherboard, a kernel panic that never reboots): the node goes
 * silent, NotReady after 40 s, its pods are evicted 300 s later and stay Terminating, since no
 * kubelet is left to confirm. By default there is no warning at all; a `weak` or `strong`
 * precursor adds a few (3) or ten minutes of NIC errors, seen as latency spikes, before it.
 * Stays down unless `durationMs` is given (the machine is repaired).
 */
export const hardwareFailure: IncidentFactory = (spec, env, id, nowMs) => {
  const node = pickNode(env, spec);
  return node ? new HardwareFailure(env, { precursor: 'none', ...spec }, id, nowMs, node) : undefined;
};

class HardwareFailure extends IncidentBase {
  private readonly node: string;
  private readonly failAtMs: number;

  constructor(env: ScenarioEnv, spec: ScenarioSpec, id: string, nowMs: number, node: Node) {
    const name = node.metadata.name ?? '';
    super(
      env,
      spec,
      id,
      nowMs,
      { kind: 'Node', name, uid: node.metadata.uid ?? '' },
      name,
      `${name} fails without warning`,
    );
    this.node = name;
    const lead = { strong: 10 * MINUTE, weak: 3 * MINUTE, none: 0 }[this.record.precursor];
    this.failAtMs = nowMs + lead;
    if (lead > 0) this.record.description = `${name} fails after ${lead / MINUTE} min of NIC errors`;
    const until = spec.durationMs === undefined ? Infinity : this.failAtMs + spec.durationMs;
    this.keep(env.effects.kubeletOutages.add(name, (t) => t >= this.failAtMs && t < until));
    if (lead > 0) {
      const salt = hashString(id);
      const seed = env.ctx.seed;
      this.keep(
        env.effects.latency.add(name, (t) => {
          if (t >= this.failAtMs) return 0;
          // Error bursts get more frequent as the failure nears.
          const closeness = 1 - (this.failAtMs - t) / lead;
          return noise3(seed, 92, salt, Math.floor(t / 10_000)) < 0.15 + 0.5 * closeness
            ? 300 + 500 * closeness
            : 0;
        }),
      );
    }
  }

  tick(nowMs: number): void {
    if (this.spec.durationMs !== undefined && nowMs >= this.failAtMs + this.spec.durationMs) this.end(nowMs);
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
