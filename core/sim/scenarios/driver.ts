import { noise3, hashString } from '../random.ts';
import type { StoreEvent } from '../store/kube-object.ts';
import type { CoreEvent } from '../kube/types.ts';
import type { IncidentEffects } from '../load/effects.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import type { Incident, IncidentFactory, IncidentRecord, ScenarioFamily, ScenarioSpec } from './scenario.ts';

/**
 * Runs the staged incidents: starts each at its onset (first in the tick, before any controller,
 * so its cause is in place when the kubelets look), lets it act every tick, and keeps the
 * ground-truth log.
 */
export class ScenarioDriver implements Component {
  readonly name = 'scenarios';
  private readonly pending: { spec: ScenarioSpec; index: number }[];
  private readonly active: Incident[] = [];
  private readonly log: IncidentRecord[] = [];

  constructor(
    private readonly ctx: SimContext,
    private readonly effects: IncidentEffects,
    private readonly factories: Readonly<Record<ScenarioFamily, IncidentFactory>>,
    specs: readonly ScenarioSpec[],
    private readonly startMs: number,
  ) {
    this.pending = specs
      .map((spec, index) => ({ spec, index }))
      .sort((a, b) => a.spec.onsetMs - b.spec.onsetMs || a.index - b.index);
    ctx.recorder.onRecord((event) => this.onEvent(event));
  }

  tick(nowMs: number): void {
    while (this.pending.length > 0 && this.startMs + (this.pending[0]?.spec.onsetMs ?? Infinity) <= nowMs) {
      const { spec, index } = this.pending.shift() as { spec: ScenarioSpec; index: number };
      const id = `${spec.family}-${index + 1}`;
      const salt = hashString(id);
      const incident = this.factories[spec.family](
        spec,
        {
          ctx: this.ctx,
          effects: this.effects,
          random: (draw) => noise3(this.ctx.seed, 90, salt, draw),
          busyNodes: new Set(
            this.active.filter((i) => !i.finished && i.record.node).map((i) => i.record.node as string),
          ),
        },
        id,
        nowMs,
      );
      if (!incident) continue;
      this.active.push(incident);
      this.log.push(incident.record);
    }
    for (const incident of this.active) incident.tick(nowMs);
    for (let i = this.active.length - 1; i >= 0; i--) if (this.active[i]?.finished) this.active.splice(i, 1);
  }

  observe(event: StoreEvent): void {
    if (this.active.length === 0) return;
    const now = this.ctx.now();
    for (const incident of this.active) incident.onStoreEvent?.(event, now);
  }

  private onEvent(event: CoreEvent): void {
    const now = this.ctx.now();
    for (const incident of this.active) incident.onEvent?.(event, now);
  }

  /** Every incident started so far, in start order (records update as incidents unfold). */
  incidents(): readonly IncidentRecord[] {
    return this.log;
  }

  /** Scenarios not started yet. */
  upcoming(): readonly ScenarioSpec[] {
    return this.pending.map((p) => p.spec);
  }
}
