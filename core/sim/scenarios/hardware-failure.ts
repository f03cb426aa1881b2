import type { CoreEvent, Node } from '../kube/types.ts';
import { cumulativeNicErrors } from '../load/nic-errors.ts';
import { hashString, noise3 } from '../random.ts';
import { IncidentBase } from './incident-base.ts';
import type { IncidentFactory, ScenarioEnv, ScenarioSpec } from './scenario.ts';
import { pickNode } from './targets.ts';

const MINUTE = 60_000;
/** NIC error bursts come and go in 10-second steps. */
const BURST_MS = 10_000;
const NO_ERRORS = { rx: 0, tx: 0 };

/**
 * A machine dies (power supply, motherboard, a kernel panic that never reboots): the node goes
 * silent, NotReady after 40 s, its pods are evicted 300 s later and stay Terminating, since no
 * kubelet is left to confirm. By default there is no warning at all; a `weak` or `strong`
 * precursor adds a few (3) or ten minutes of NIC errors before it, seen as latency spikes and in
 * the NIC's error counters (the kubelet Summary API's node.network).
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
      const closeness = (t: number) => 1 - (this.failAtMs - t) / lead;
      // Error bursts get more frequent as the failure nears.
      const bursting = (t: number) =>
        noise3(seed, 92, salt, Math.floor(t / BURST_MS)) < 0.15 + 0.5 * closeness(t);
      this.keep(
        env.effects.latency.add(name, (t) => {
          if (t >= this.failAtMs) return 0;
          return bursting(t) ? 300 + 500 * closeness(t) : 0;
        }),
      );
      // The same bursts in the NIC's counters (mostly receive errors: CRC, frame, FIFO overruns);
      // they stop counting when the machine dies and go back to 0 when it is repaired (a reboot).
      this.keep(
        env.effects.nicErrors.add(
          name,
          cumulativeNicErrors(
            nowMs,
            BURST_MS,
            (t) =>
              bursting(t)
                ? { rx: Math.round(20 + 200 * closeness(t)), tx: Math.round(5 + 40 * closeness(t)) }
                : NO_ERRORS,
            this.failAtMs,
          ),
        ),
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
