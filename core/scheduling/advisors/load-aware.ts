import type { AdvisoryPlugin } from '../evaluate.ts';
import { MAX_NODE_SCORE, type PodInfo } from '../framework.ts';
import { requestedSince } from '../assumed-pods.ts';
import type { NodeInfo } from '../node-info.ts';
import { percent, type NodeUsage, type PlacementSignals } from './signals.ts';

export const LOAD_AWARE = 'LoadAware';
/** Its weight at FORESIGHT_WEIGHT_SCALE 1 (advisors/index.ts scales it). */
export const LOAD_AWARE_WEIGHT = 3;
/** A node with no usage sample scores in the middle: neither preferred nor avoided. */
const UNKNOWN_SCORE = 50;

/** Usage plus the requests of pods bound since it was measured (they are not in it yet). */
function withAssumed(node: NodeInfo, usage: NodeUsage): { cpuMillis: number; memoryBytes: number } {
  if (usage.sampledAt === undefined) return usage;
  const since = requestedSince(node, usage.sampledAt);
  return { cpuMillis: usage.cpuMillis + since.milliCpu, memoryBytes: usage.memoryBytes + since.memory };
}

/**
 * What the node would actually use after placing the pod, as a share of allocatable (cpu; memory
 * an hour ahead at its growth rate): LoadAware's reading, which its score is 100 × (1 − the fuller).
 */
export function fullestShare(
  pod: PodInfo,
  node: NodeInfo,
  usage: NodeUsage,
): { cpu: number; memory: number } {
  const used = withAssumed(node, usage);
  const cpu =
    node.allocatable.milliCpu > 0
      ? (used.cpuMillis + pod.nonZeroRequests.milliCpu) / node.allocatable.milliCpu
      : 1;
  const growth = Math.max(0, usage.memoryGrowthPerHour ?? 0);
  const memory =
    node.allocatable.memory > 0
      ? (used.memoryBytes + pod.nonZeroRequests.memory) / node.allocatable.memory + growth
      : 1;
  return { cpu, memory };
}

/**
 * Load-aware: scores what nodes actually use, not what pods request — where kube-scheduler is
 * blind. The score is the headroom left on the fuller of cpu and memory after adding the pod,
 * with memory projected an hour ahead at its recent growth rate.
 */
export function loadAware(signals: PlacementSignals, weight = LOAD_AWARE_WEIGHT): AdvisoryPlugin {
  const usage = signals.usage;
  return {
    name: LOAD_AWARE,
    weight,
    missingData: () =>
      usage && usage.size > 0
        ? undefined
        : 'no usage history yet (metrics are collected from the cluster over time)',
    score(pod, node) {
      const u = usage?.get(node.name);
      if (!u) return UNKNOWN_SCORE;
      // Inline of fullestShare without the objects: this runs once per node.
      const alloc = node.allocatable;
      let usedCpu = u.cpuMillis;
      let usedMemory = u.memoryBytes;
      if (u.sampledAt !== undefined) {
        const since = requestedSince(node, u.sampledAt);
        usedCpu += since.milliCpu;
        usedMemory += since.memory;
      }
      const cpu = alloc.milliCpu > 0 ? (usedCpu + pod.nonZeroRequests.milliCpu) / alloc.milliCpu : 1;
      const growth =
        u.memoryGrowthPerHour !== undefined && u.memoryGrowthPerHour > 0 ? u.memoryGrowthPerHour : 0;
      const memory = alloc.memory > 0 ? (usedMemory + pod.nonZeroRequests.memory) / alloc.memory + growth : 1;
      const fullest = cpu > memory ? cpu : memory;
      return Math.trunc(MAX_NODE_SCORE * (1 - (fullest > 1 ? 1 : fullest < 0 ? 0 : fullest)));
    },
    explain(pod, node) {
      const u = usage?.get(node.name);
      if (!u) return 'no usage samples for this node';
      const { cpu, memory } = fullestShare(pod, node, u);
      const growth = u.memoryGrowthPerHour ?? 0;
      const trend = growth > 0.05 ? `; its memory has grown ${percent(growth)} an hour` : '';
      return `actually in use after placing: cpu ${percent(Math.min(cpu, 9.99))}, memory ${percent(Math.min(memory, 9.99))} (an hour ahead)${trend}`;
    },
  };
}
