import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName, NodeRisk, NodesSnapshot } from '../../../core/contract/index.ts';
import { HistoryStore } from '../../../core/history/store.ts';
import { simulateHistory, type SimHistory } from '../../../core/risk/sim-history.ts';
import type { WorkerDomainContext } from '../../../core/worker/domain.ts';
import { RiskService } from '../../../core/worker/risk-domain.ts';

/** The risk domain after a simulated history was collected into it, one collection at a time. */
export interface DrivenRiskDomain {
  store: HistoryStore;
  service: RiskService;
  /** Everything the domain pushed to the UI, in order. */
  pushed: { name: EventName; payload: unknown }[];
  /** Every round of risks it published for placement and the autopilot. */
  published: NodeRisk[][];
  /** The worker's clock: the last collection's time once driven. */
  clock: { now: number };
}

/** The collector's snapshot of the simulated nodes at sample i. */
export function snapshotAt(sim: SimHistory, i: number): NodesSnapshot {
  const at = sim.nodes[0]?.samples[i]?.at ?? 0;
  return {
    at,
    metricsAvailable: true,
    nodes: sim.nodes.map((n) => {
      const s = n.samples[i];
      return {
        name: n.node,
        ready: true,
        unschedulable: false,
        roles: [],
        cpuMillis: s?.cpuMillis ?? null,
        cpuAllocatableMillis: n.cpuAllocatableMillis,
        memoryBytes: s?.memoryBytes ?? null,
        memoryAllocatableBytes: n.memoryAllocatableBytes,
        pods: s?.pods ?? 0,
        podCapacity: n.podCapacity,
      };
    }),
  };
}

/**
 * A RiskService on a real history database at `dbPath`, fed the simulated history in the worker's
 * order: each collection writes its samples and the lifecycle events up to it, then the domain runs.
 */
export function driveRiskDomain(sim: SimHistory, dbPath: string): DrivenRiskDomain {
  const store = HistoryStore.open(dbPath);
  const pushed: DrivenRiskDomain['pushed'] = [];
  const published: NodeRisk[][] = [];
  const clock = { now: 0 };
  const context = {
    now: () => clock.now,
    history: () => store,
    historyProblem: () => 'no history',
    snapshot: () => undefined,
    cluster: () => undefined,
    push: (name: EventName, payload: unknown) => pushed.push({ name, payload }),
    nodeRisks: () => new Map(),
    publishNodeRisks: (risks: readonly NodeRisk[]) => published.push([...risks]),
  } as unknown as WorkerDomainContext;
  const service = new RiskService(context);
  const events = sim.nodes.flatMap((n) => n.events).sort((a, b) => a.at - b.at);
  let e = 0;
  const samples = sim.nodes[0]?.samples.length ?? 0;
  for (let i = 0; i < samples; i++) {
    const snapshot = snapshotAt(sim, i);
    clock.now = snapshot.at;
    const due = [];
    while (e < events.length && (events[e]?.at ?? Infinity) <= clock.now) due.push(events[e++]!);
    store.lifecycle.insert(due);
    store.insertNodeSamples(
      snapshot.nodes.map((n) => ({
        node: n.name,
        at: clock.now,
        cpuMillis: n.cpuMillis,
        memoryBytes: n.memoryBytes,
        pods: n.pods,
      })),
    );
    service.afterCollect(snapshot);
  }
  return { store, service, pushed, published, clock };
}

/** A simulated history, driven into a risk domain whose database is in a new temporary folder. */
export function driveSimulated(
  options: Parameters<typeof simulateHistory>[0],
  folderPrefix: string,
): { dir: string; sim: SimHistory; driven: DrivenRiskDomain } {
  const dir = mkdtempSync(join(tmpdir(), folderPrefix));
  const sim = simulateHistory(options);
  return { dir, sim, driven: driveRiskDomain(sim, join(dir, 'history.db')) };
}
