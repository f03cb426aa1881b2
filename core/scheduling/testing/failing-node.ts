import type { HistoryStore } from '../../history/store.ts';

/**
 * A history that has watched the cluster for an hour before `now`, in which `node` failed twice
 * (Ready left True 50 and 20 min ago, back 5 min after each): enough for the node advice to say
 * "cordon". For tests of what reads that advice (the Placement page's, the autopilot's).
 */
export function recordTwoFailures(history: HistoryStore, node: string, now: number): void {
  const minutesAgo = (m: number) => now - m * 60_000;
  history.insertNodeSamples(
    [60, 30, 1].map((m) => ({ node, at: minutesAgo(m), cpuMillis: 100, memoryBytes: 1, pods: 1 })),
  );
  history.lifecycle.insert([
    { at: minutesAgo(50), kind: 'NodeCondition', node, detail: 'Ready=Unknown' },
    { at: minutesAgo(45), kind: 'NodeCondition', node, detail: 'Ready=True' },
    { at: minutesAgo(20), kind: 'NodeCondition', node, detail: 'Ready=False' },
    { at: minutesAgo(15), kind: 'NodeCondition', node, detail: 'Ready=True' },
  ]);
}
