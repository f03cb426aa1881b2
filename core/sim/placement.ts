import type { Rng } from './random.ts';
import type { CpuMemory, SimNode } from './types.ts';

/**
 * Initial pod placement while the cluster is built. Not kube-scheduler (core/scheduling is): only
 * enough to give a believable spread that respects capacity. Power of two choices — look at two
 * random nodes, take the emptier — balances load nearly as well as a full scan at O(1) per pod.
 */
export class InitialPlacement {
  private readonly requestedCpu: Float64Array;
  private readonly requestedMemory: Float64Array;
  private readonly podCount: Int32Array;

  constructor(
    private readonly rng: Rng,
    private readonly nodes: readonly SimNode[],
    /** Indices of the nodes pods may go to (untainted workers). */
    private readonly candidates: readonly number[],
  ) {
    if (candidates.length === 0) throw new RangeError('no schedulable nodes to place pods on');
    this.requestedCpu = new Float64Array(nodes.length);
    this.requestedMemory = new Float64Array(nodes.length);
    this.podCount = new Int32Array(nodes.length);
  }

  /** Picks a node for a pod with these requests and books the pod there; returns node and slot. */
  place(requests: CpuMemory): { nodeIndex: number; slot: number } {
    let best = -1;
    for (let attempt = 0; attempt < 8 && best < 0; attempt++) {
      const a = this.randomCandidate();
      const b = this.randomCandidate();
      const aFits = this.fits(a, requests);
      const bFits = this.fits(b, requests);
      if (aFits && bFits) best = this.load(a) <= this.load(b) ? a : b;
      else if (aFits) best = a;
      else if (bFits) best = b;
    }
    // Nearly full: scan from a random start for any fit, then for any free pod slot (overcommit).
    if (best < 0) best = this.scan((i) => this.fits(i, requests));
    if (best < 0) best = this.scan((i) => this.podCount[i]! < this.nodes[i]!.allocatable.pods);
    if (best < 0) throw new RangeError('every node is at its pod limit');

    this.requestedCpu[best]! += requests.cpuMillis;
    this.requestedMemory[best]! += requests.memoryBytes;
    const slot = this.podCount[best]!;
    this.podCount[best] = slot + 1;
    return { nodeIndex: best, slot };
  }

  private randomCandidate(): number {
    return this.candidates[Math.floor(this.rng.next() * this.candidates.length)]!;
  }

  private fits(i: number, requests: CpuMemory): boolean {
    const allocatable = this.nodes[i]!.allocatable;
    return (
      this.podCount[i]! < allocatable.pods &&
      this.requestedCpu[i]! + requests.cpuMillis <= allocatable.cpuMillis &&
      this.requestedMemory[i]! + requests.memoryBytes <= allocatable.memoryBytes
    );
  }

  /** The fuller of cpu and memory, as a fraction of allocatable. */
  private load(i: number): number {
    const allocatable = this.nodes[i]!.allocatable;
    return Math.max(
      this.requestedCpu[i]! / allocatable.cpuMillis,
      this.requestedMemory[i]! / allocatable.memoryBytes,
    );
  }

  private scan(accept: (nodeIndex: number) => boolean): number {
    const start = Math.floor(this.rng.next() * this.candidates.length);
    for (let k = 0; k < this.candidates.length; k++) {
      const i = this.candidates[(start + k) % this.candidates.length]!;
      if (accept(i)) return i;
    }
    return -1;
  }
}
