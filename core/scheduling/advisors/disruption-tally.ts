import type { LifecycleEvent } from '../../kube/lifecycle.ts';
import type { NodeDisruptions, NodeFailureHistory } from './signals.ts';

/**
 * A pod the taint-eviction controller deleted because its node went NotReady (the detail its
 * DisruptionTarget condition gives): part of the node's failure, which is counted once.
 */
const TAINT_MANAGER_DELETION = 'DeletionByTaintManager';

/** A node's Ready condition leaving True: the node failed (or its kubelet stopped reporting). */
function readyLost(event: LifecycleEvent): boolean | undefined {
  if (event.kind !== 'NodeCondition' || !event.detail.startsWith('Ready=')) return undefined;
  return event.detail !== 'Ready=True';
}

/**
 * Counts, per node, what Stability weighs: pod restarts, OOMKills, evictions, and the node's own
 * failures (each time Ready left True). A failure is counted on its own because it takes every
 * pod on the node, however many happened to be there: a node that was nearly empty when it
 * failed is as suspect as a full one. So the pods its taint eviction deleted are not counted
 * again as evictions (history holds none for them either: the collector records only the
 * kubelet's own evictions, pod status reason Evicted, as PodEvicted). Events must come in time
 * order (as history returns them and the collector sees them); the same tally serves the worker
 * and the replay benchmark.
 */
export class DisruptionTally {
  private readonly byNode = new Map<string, NodeDisruptions>();
  private readonly down = new Set<string>();
  private readonly failedAt = new Map<string, number[]>();

  private entry(node: string): NodeDisruptions {
    let d = this.byNode.get(node);
    if (!d) this.byNode.set(node, (d = { restarts: 0, oomKills: 0, evictions: 0, nodeFailures: 0 }));
    return d;
  }

  add(event: LifecycleEvent): void {
    const node = event.node;
    if (!node) return;
    if (event.kind === 'PodRestarted') this.entry(node).restarts++;
    else if (event.kind === 'PodOOMKilled') this.entry(node).oomKills++;
    else if (event.kind === 'PodEvicted' && event.detail !== TAINT_MANAGER_DELETION)
      this.entry(node).evictions++;
    const lost = readyLost(event);
    if (lost === undefined) return;
    if (!lost) this.down.delete(node);
    else if (!this.down.has(node)) {
      // False then Unknown is one failure, not two.
      this.down.add(node);
      this.entry(node).nodeFailures = (this.entry(node).nodeFailures ?? 0) + 1;
      const times = this.failedAt.get(node);
      if (times) times.push(event.at);
      else this.failedAt.set(node, [event.at]);
    }
  }

  addAll(events: Iterable<LifecycleEvent>): this {
    for (const e of events) this.add(e);
    return this;
  }

  /** Nodes with at least one disruption; a quiet node is absent. */
  get disruptions(): ReadonlyMap<string, NodeDisruptions> {
    return this.byNode;
  }

  /** When each node failed, oldest first, and whether it is still down: what node advice reads. */
  get nodeFailures(): ReadonlyMap<string, NodeFailureHistory> {
    const out = new Map<string, NodeFailureHistory>();
    for (const [node, at] of this.failedAt) out.set(node, { at, down: this.down.has(node) });
    return out;
  }
}
