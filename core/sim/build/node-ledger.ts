import { podShape } from '../kube/pods.ts';
import type { PodSpec } from '../kube/types.ts';
import type { SimCluster } from '../types.ts';

/** Requests and used IP slots per node, for the few pods placed after the layout. */
export class NodeLedger {
  private readonly cpu: Float64Array;
  private readonly memory: Float64Array;
  private readonly slots: Int32Array;

  constructor(private readonly layout: SimCluster) {
    const n = layout.nodes.length;
    this.cpu = new Float64Array(n);
    this.memory = new Float64Array(n);
    this.slots = new Int32Array(n);
    for (const pod of layout.pods) {
      this.cpu[pod.nodeIndex]! += pod.workload.podRequests.cpuMillis;
      this.memory[pod.nodeIndex]! += pod.workload.podRequests.memoryBytes;
      this.slots[pod.nodeIndex] = Math.max(this.slots[pod.nodeIndex]!, pod.ipSlot + 1);
    }
  }

  /** The least-requested untainted node that fits, skipping `avoid`; books the pod there. */
  place(spec: PodSpec, avoid: ReadonlySet<number>): { nodeIndex: number; slot: number } | undefined {
    const { requests } = podShape(spec);
    let best = -1;
    let bestLoad = Infinity;
    for (const node of this.layout.nodes) {
      if (node.taints.length > 0 || avoid.has(node.index)) continue;
      const a = node.allocatable;
      const cpu = this.cpu[node.index]! + requests.cpuMillis;
      const memory = this.memory[node.index]! + requests.memoryBytes;
      if (cpu > a.cpuMillis || memory > a.memoryBytes) continue;
      const load = Math.max(cpu / a.cpuMillis, memory / a.memoryBytes);
      if (load < bestLoad) {
        best = node.index;
        bestLoad = load;
      }
    }
    if (best < 0) return undefined;
    this.cpu[best]! += requests.cpuMillis;
    this.memory[best]! += requests.memoryBytes;
    const slot = this.slots[best]!;
    this.slots[best] = slot + 1;
    return { nodeIndex: best, slot };
  }
}
