import type { PlacementSignals } from '../../core/scheduling/advisors/signals.ts';
import type { NodeObject } from '../../core/scheduling/kube-objects.ts';
import { nodeAdviceFrom, type NodeAdvicePolicy } from '../../core/scheduling/node-advice.ts';
import type { Simulation } from '../../core/sim/simulation.ts';
import { keys } from '../../core/sim/store/api-resources.ts';

/** One node action the replay's operator took on Foresight's node advice. */
export interface NodeAction {
  node: string;
  action: 'cordon' | 'uncordon';
  /** Minutes into the replay. */
  round: number;
  /** The advice's first reason, in its own words. */
  reason: string;
}

/**
 * The operator of the Foresight run follows the node advice each round, as its one click through
 * the action pipeline would: a cordon sets spec.unschedulable (the simulator's node lifecycle
 * controller adds the taint; kube-scheduler's NodeUnschedulable filter and the advisors see it; the
 * pods running there stay), and a node it cordoned is uncordoned when the advice says it lapsed.
 * The advice reads only Foresight's signals (the failure history from watching the nodes).
 */
export class AdvisedOperator {
  private readonly cordoned = new Set<string>();
  readonly actions: NodeAction[] = [];

  constructor(
    private readonly sim: Pick<Simulation, 'store' | 'setUnschedulable'>,
    private readonly startMs: number,
    private readonly policy?: NodeAdvicePolicy,
  ) {}

  follow(signals: PlacementSignals, now: number): void {
    const nodes = (this.sim.store.list(keys.nodes) as unknown as NodeObject[]).map((n) => ({
      name: n.metadata?.name ?? '',
      unschedulable: n.spec?.unschedulable === true,
    }));
    for (const advice of nodeAdviceFrom(nodes, signals, this.policy)) {
      const cordon = advice.action === 'cordon';
      // Uncordon only what this operator cordoned: another cordon is someone else's decision.
      if (!cordon && !this.cordoned.has(advice.node)) continue;
      this.sim.setUnschedulable(advice.node, cordon);
      if (cordon) this.cordoned.add(advice.node);
      else this.cordoned.delete(advice.node);
      this.actions.push({
        node: advice.node,
        action: advice.action,
        round: Math.round((now - this.startMs) / 60_000),
        reason: advice.reasons[0] ?? '',
      });
    }
  }
}
