import type { IncidentRecord, IncidentTarget, ScenarioEnv, ScenarioSpec } from './scenario.ts';
import { precursorOf, severityOf } from './scenario.ts';

/** What every family shares: its ground-truth record, the effects to undo, and ending. */
export abstract class IncidentBase {
  readonly record: IncidentRecord;
  private readonly undo: (() => void)[] = [];
  private done = false;

  constructor(
    protected readonly env: ScenarioEnv,
    protected readonly spec: ScenarioSpec,
    id: string,
    nowMs: number,
    target: IncidentTarget,
    node: string | undefined,
    description: string,
  ) {
    this.record = {
      id,
      family: spec.family,
      target,
      ...(node ? { node } : {}),
      onsetMs: nowMs,
      severity: severityOf(spec),
      precursor: precursorOf(spec),
      description,
    };
  }

  get finished(): boolean {
    return this.done;
  }

  /** Registers an effect's remover, to run when the incident ends. */
  protected keep(remove: () => void): void {
    this.undo.push(remove);
  }

  /** The first visible effect; later ones do not move it. */
  protected visible(nowMs: number): void {
    this.record.visibleMs ??= nowMs;
  }

  /** The cause stops: effects are removed. */
  protected end(nowMs: number): void {
    if (this.done) return;
    for (const remove of this.undo.splice(0)) remove();
    this.record.endMs = nowMs;
    this.done = true;
  }

  abstract tick(nowMs: number): void;
}

/** Linear interpolation by severity. */
export function lerp(from: number, to: number, t: number): number {
  return from + (to - from) * t;
}
