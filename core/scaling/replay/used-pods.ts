/**
 * The most pods the observed load needed over the last `steps` load steps (the current one
 * included): what the predictive policy may keep on its high hold quantile. The load of a step
 * is what the ready pods used at the step's first sync, as metrics-server would report it.
 */
export class UsedPods {
  private readonly needed = new Map<number, number>();

  constructor(
    private readonly steps: number,
    private readonly perPodMillis: number,
  ) {}

  /** Records the load the ready pods used in `step`; later syncs of the same step keep the first. */
  observe(step: number, usedMillis: number): void {
    if (this.needed.has(step)) return;
    this.needed.set(step, Math.ceil(usedMillis / this.perPodMillis - 1e-9));
    this.needed.delete(step - this.steps - 1);
  }

  /** The most pods needed in steps step − steps … step. */
  recent(step: number): number {
    let most = 0;
    for (let s = step - this.steps; s <= step; s++) most = Math.max(most, this.needed.get(s) ?? 0);
    return most;
  }
}
