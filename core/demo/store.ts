import type { Simulation } from '../sim/simulation.ts';
import type { SimNamespace, SimNode, SimPod } from '../sim/types.ts';
import { buildSortedIndex, type SortedIndex } from './sorted-index.ts';

/**
 * The simulation's objects in API order. The set of objects is fixed for now (nothing is created
 * or deleted yet), so the indexes are built once; objects themselves are read live, so a cordon
 * shows up in the next response.
 */
export class DemoStore {
  readonly nodes: SortedIndex<SimNode>;
  readonly namespaces: SortedIndex<SimNamespace>;
  readonly pods: SortedIndex<SimPod>;

  constructor(readonly sim: Simulation) {
    this.nodes = buildSortedIndex(sim.cluster.nodes, (n) => n.name);
    this.namespaces = buildSortedIndex(sim.cluster.namespaces, (n) => n.name);
    this.pods = buildSortedIndex(sim.cluster.pods, podKey);
  }
}

export function podKey(pod: SimPod): string {
  return `${pod.namespace}/${pod.name}`;
}
