import type { HistoryStore } from '../../history/store.ts';
import type { NodeDisruptions, NodeUsage } from '../advisors/signals.ts';
import type { NodeInfo } from '../node-info.ts';

const HOUR = 3_600_000;
const BUCKET = HOUR / 2;
/** A placement's outcome: disrupted (OOMKilled, evicted, restarted) within a day, or not. */
export const OUTCOME_WINDOW = 24 * HOUR;
const LOOKBACK = 7 * 24 * HOUR;
const DISRUPTIVE = new Set(['PodOOMKilled', 'PodEvicted', 'PodRestarted']);

/** What the model sees of a node when a pod lands on it, in this order. */
export const OUTCOME_FEATURES = ['cpuShare', 'memoryShare', 'memoryGrowthPerHour', 'recentTrouble'] as const;

export interface OutcomeRow {
  features: number[];
  disrupted: boolean;
}

/** The features of a node now (or at a placement): usage shares, memory trend, recent trouble. */
export function nodeFeatures(
  node: Pick<NodeInfo, 'allocatable'>,
  usage: NodeUsage | undefined,
  trouble: NodeDisruptions | undefined,
): number[] {
  const cpu = usage && node.allocatable.milliCpu > 0 ? usage.cpuMillis / node.allocatable.milliCpu : 0;
  const memory = usage && node.allocatable.memory > 0 ? usage.memoryBytes / node.allocatable.memory : 0;
  const weighted = trouble ? trouble.restarts + 3 * trouble.oomKills + 3 * trouble.evictions : 0;
  return [cpu, memory, usage?.memoryGrowthPerHour ?? 0, Math.log1p(weighted)];
}

/**
 * The cluster's own placement outcomes from history: every pod scheduled in the last 7 days
 * whose day has passed, labelled by whether it was disrupted within that day, with its node's
 * features just before (half-hour usage buckets, the trend from the bucket before, and the
 * node's trouble over the 7 days before). At most `limit` rows, newest first.
 */
export function outcomeDataset(
  history: HistoryStore,
  nodes: readonly NodeInfo[],
  now: number,
  limit = 5000,
): OutcomeRow[] {
  const since = now - LOOKBACK;
  const rows: OutcomeRow[] = [];
  const buckets = new Map<string, { cpu: number; memory: number }>();
  for (const b of history.nodeQueries.nodeBuckets({ since: since - LOOKBACK, until: now }, BUCKET)) {
    if (b.cpuMillis !== null && b.memoryBytes !== null)
      buckets.set(`${b.node}@${b.at}`, { cpu: b.cpuMillis, memory: b.memoryBytes });
  }
  const bucketStart = (t: number): number =>
    since - LOOKBACK + Math.floor((t - (since - LOOKBACK)) / BUCKET) * BUCKET;
  for (const node of nodes) {
    const events = history.lifecycle.forNode(node.name, since - LOOKBACK, 200_000);
    for (const placed of events) {
      if (placed.kind !== 'PodScheduled' || placed.at < since || placed.at > now - OUTCOME_WINDOW) continue;
      const previous = bucketStart(placed.at) - BUCKET;
      const usageNow = buckets.get(`${node.name}@${previous}`);
      const usageBefore = buckets.get(`${node.name}@${previous - BUCKET}`);
      const usage: NodeUsage | undefined = usageNow && {
        cpuMillis: usageNow.cpu,
        memoryBytes: usageNow.memory,
        ...(usageBefore && node.allocatable.memory > 0
          ? {
              memoryGrowthPerHour:
                ((usageNow.memory - usageBefore.memory) / node.allocatable.memory) * (HOUR / BUCKET),
            }
          : {}),
      };
      const trouble: NodeDisruptions = { restarts: 0, oomKills: 0, evictions: 0 };
      let disrupted = false;
      for (const e of events) {
        if (!DISRUPTIVE.has(e.kind)) continue;
        if (e.at < placed.at && e.at >= placed.at - LOOKBACK) {
          if (e.kind === 'PodOOMKilled') trouble.oomKills++;
          else if (e.kind === 'PodEvicted') trouble.evictions++;
          else trouble.restarts++;
        }
        if (
          e.pod === placed.pod &&
          e.namespace === placed.namespace &&
          e.at >= placed.at &&
          e.at < placed.at + OUTCOME_WINDOW
        )
          disrupted = true;
      }
      rows.push({ features: nodeFeatures(node, usage, trouble), disrupted });
    }
  }
  return rows.slice(-limit);
}
