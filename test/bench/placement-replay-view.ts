import defaultModelJson from '../../models/risk/default/risk-model.json' with { type: 'json' };
import { parseModelBundle } from '../../models/risk/model-bundle.ts';
import { eventLifecycle, reduceEvent, type EventFacts } from '../../core/kube/event-facts.ts';
import { podLifecycle, nodeLifecycle, type LifecycleEvent } from '../../core/kube/lifecycle.ts';
import { reduceNode, type NodeFacts } from '../../core/kube/node-facts.ts';
import { NicErrorRates, summaryFacts } from '../../core/kube/node-summary.ts';
import { reducePod, type PodFacts } from '../../core/kube/pod-facts.ts';
import type { RawObject } from '../../core/kube/resource-mirror.ts';
import { FEATURE_NAMES } from '../../core/risk/features.ts';
import { LiveRisk, type LiveModel } from '../../core/risk/live-risk.ts';
import { DisruptionTally } from '../../core/scheduling/advisors/disruption-tally.ts';
import { NIC_ERROR_WINDOW_MS } from '../../core/scheduling/advisors/network-health.ts';
import type { NodeRiskSignal, NodeUsage, PlacementSignals } from '../../core/scheduling/advisors/signals.ts';
import { kubeletSummary } from '../../core/sim/kubelet-summary.ts';
import type { Simulation } from '../../core/sim/simulation.ts';
import { keys } from '../../core/sim/store/api-resources.ts';

type Change = 'ADDED' | 'MODIFIED' | 'DELETED';

let warnedAboutModel = false;

/**
 * The parts of the simulation a live Foresight could observe through the Kubernetes API and
 * metrics-server: the objects, the clock, node metrics. Not `incidents()` (the ground truth), so
 * the type checker keeps the advice from peeking at the schedule.
 */
export type ObservableCluster = Pick<Simulation, 'store' | 'now' | 'nodeMetrics'>;

/**
 * What a live Foresight would know about the replayed cluster, and nothing more: the node
 * metrics it samples each minute with the kubelet's Summary API (disk, the fullest container
 * against its limit, the NIC's error counters), the lifecycle events it derives from watching pods, nodes and Events
 * (restarts, OOMKills, evictions, condition changes, Warnings such as failed probes, kubelet
 * starts), and the risk predictions core/risk makes from those (LiveRisk with the shipped model,
 * as the worker runs it; the same inputs the model was trained on, see core/risk/sim-history.ts). It never reads the
 * simulator's incident schedule. Both policies get one of these, so the figures are gathered
 * the same way; only the Foresight policy reads `signals()`.
 */
export class ForesightView {
  private readonly pods = new Map<string, PodFacts>();
  private readonly deleting = new Set<string>();
  private readonly nodes = new Map<string, NodeFacts>();
  private readonly eventFacts = new Map<string, EventFacts>();
  private readonly disruptions = new DisruptionTally();
  private readonly memory = new Map<string, number[]>();
  private readonly nicRates = new NicErrorRates();
  /** Each node's NIC error rates (errors per minute) at each collection of the last window. */
  private readonly nicHistory = new Map<string, { at: number; rate: number }[]>();
  private readonly risk = new LiveRisk(this.model());
  private readonly pendingEvents: LifecycleEvent[] = [];
  private readonly stop: () => void;
  /** When the last collection was made: pods bound since are not in its metrics. */
  private sampledAt: number | undefined;
  /** Every lifecycle event seen, in order (the harness's own figures read these too). */
  readonly events: LifecycleEvent[] = [];

  constructor(
    private readonly sim: ObservableCluster,
    private readonly startMs: number,
  ) {
    // What is there before the watch starts, as the collector's first list.
    for (const node of sim.store.list(keys.nodes) as unknown as RawObject[])
      this.nodes.set(node.metadata?.name ?? '', reduceNode(node));
    for (const pod of sim.store.list(keys.pods) as unknown as RawObject[])
      this.pods.set(`${pod.metadata?.namespace}/${pod.metadata?.name}`, reducePod(pod));
    this.stop = sim.store.subscribe((event) => {
      const raw = event.object as RawObject;
      const type = event.type as Change;
      if (event.resource === keys.pods) this.onPod(type, raw);
      else if (event.resource === keys.nodes) this.onNode(type, raw);
      else if (event.resource === keys.events) this.onEvent(type, raw);
    });
  }

  /** The shipped model, or the rules when it no longer fits the features (as the worker falls back). */
  private model(): LiveModel | undefined {
    try {
      const bundle = parseModelBundle(defaultModelJson, FEATURE_NAMES);
      return { classifier: bundle.classifier, threshold: bundle.threshold };
    } catch (error) {
      if (!warnedAboutModel)
        console.error(
          `The shipped risk model cannot be used (${String(error)}); the replay's risk uses the rules.`,
        );
      warnedAboutModel = true;
      return undefined;
    }
  }

  private record(events: readonly LifecycleEvent[]): void {
    for (const e of events) {
      this.events.push(e);
      this.pendingEvents.push(e);
      this.disruptions.add(e);
    }
  }

  private onPod(type: Change, raw: RawObject): void {
    const key = `${raw.metadata?.namespace}/${raw.metadata?.name}`;
    const after = reducePod(raw);
    const before = this.pods.get(key);
    const events = podLifecycle(type, after, before, this.sim.now());
    // A pod the taint-eviction controller deletes (its node failed) is an eviction too. It is
    // marked as Kubernetes marks it, with the DisruptionTarget condition (DeletionByTaintManager),
    // which tells it apart from a controller's scale-down.
    const conditions = (
      raw as { status?: { conditions?: { type?: string; status?: string; reason?: string }[] } }
    ).status?.conditions;
    const byTaint = conditions?.some(
      (c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'DeletionByTaintManager',
    );
    const node = after.nodeName ?? before?.nodeName;
    if (byTaint && !this.deleting.has(key) && node) {
      this.deleting.add(key);
      events.push({
        at: this.sim.now(),
        kind: 'PodEvicted',
        node,
        namespace: after.namespace,
        pod: after.name,
        detail: 'DeletionByTaintManager',
      });
    }
    this.record(events);
    if (type === 'DELETED') {
      this.pods.delete(key);
      this.deleting.delete(key);
    } else this.pods.set(key, after);
  }

  private onNode(type: Change, raw: RawObject): void {
    const name = raw.metadata?.name ?? '';
    const after = reduceNode(raw);
    this.record(nodeLifecycle(type, after, this.nodes.get(name), this.sim.now()));
    if (type === 'DELETED') this.nodes.delete(name);
    else this.nodes.set(name, after);
  }

  /** A Warning (or a kubelet start) against a node or a pod, on the node it concerns. */
  private onEvent(type: Change, raw: RawObject): void {
    const after = reduceEvent(raw);
    const key = `${after.namespace}/${after.name}`;
    const nodeOf = (namespace: string, name: string) => this.pods.get(`${namespace}/${name}`)?.nodeName;
    this.record(eventLifecycle(type, after, this.eventFacts.get(key), this.sim.now(), nodeOf));
    if (type === 'DELETED') this.eventFacts.delete(key);
    else this.eventFacts.set(key, after);
  }

  /** One collection, as the worker's each minute: metrics into history and risk. */
  sample(): void {
    const at = this.sim.now();
    this.sampledAt = at;
    const metrics = new Map(this.sim.nodeMetrics().map((m) => [m.name, m]));
    const rows = [...this.nodes.keys()].map((name) => {
      const m = metrics.get(name);
      const facts = this.nodes.get(name);
      const history = this.memory.get(name) ?? [];
      if (m) history.push(m.memoryBytes);
      if (history.length > 11) history.shift();
      this.memory.set(name, history);
      // Disk and the fullest container, from the kubelet's Summary API as the collector reads it.
      const summary = m ? summaryFacts(kubeletSummary(m, at), () => undefined) : undefined;
      this.recordNicErrors(name, at, summary?.nicErrors ?? null);
      return {
        name,
        ready: facts?.ready ?? false,
        unschedulable: facts?.unschedulable ?? false,
        roles: facts?.roles ?? [],
        cpuMillis: m ? m.cpuMillis : null,
        cpuAllocatableMillis: facts?.cpuAllocatableMillis ?? 0,
        memoryBytes: m ? m.memoryBytes : null,
        memoryAllocatableBytes: facts?.memoryAllocatableBytes ?? 0,
        pods: m?.pods.length ?? 0,
        podCapacity: facts?.podCapacity ?? 110,
        diskBytes: summary?.diskBytes ?? null,
        ...(summary?.diskCapacityBytes ? { diskCapacityBytes: summary.diskCapacityBytes } : {}),
        podMemoryPeak: summary?.podMemoryPeak ?? null,
      };
    });
    this.risk.observe(at, rows);
    this.risk.addEvents(this.pendingEvents.splice(0));
  }

  /** The NIC error rate since the node's last reading, kept for the window NetworkHealth reads. */
  private recordNicErrors(node: string, at: number, count: number | null): void {
    const rate = this.nicRates.observe(node, at, count);
    const kept = (this.nicHistory.get(node) ?? []).filter((r) => r.at >= at - NIC_ERROR_WINDOW_MS);
    if (rate !== null) kept.push({ at, rate });
    this.nicHistory.set(node, kept);
  }

  /** Each node's highest NIC error rate in the window, as the worker reads it from history. */
  private nicErrors(): Map<string, number> {
    const since = this.sim.now() - NIC_ERROR_WINDOW_MS;
    const peaks = new Map<string, number>();
    for (const [node, rates] of this.nicHistory)
      for (const r of rates) if (r.at >= since) peaks.set(node, Math.max(peaks.get(node) ?? 0, r.rate));
    return peaks;
  }

  /** What Foresight's plugins get: usage with its trend, disruptions and node failures, risk predictions, NIC errors. */
  signals(): PlacementSignals {
    const usage = new Map<string, NodeUsage>();
    for (const m of this.sim.nodeMetrics()) {
      const history = this.memory.get(m.name) ?? [];
      const alloc = m.capacity.memoryBytes;
      // Growth over the last ten minutes, per hour, as a share of allocatable.
      const growth =
        history.length >= 2 && alloc > 0
          ? (((history.at(-1) ?? 0) - (history[0] ?? 0)) / alloc) * (60 / (history.length - 1))
          : 0;
      usage.set(m.name, {
        cpuMillis: m.cpuMillis,
        memoryBytes: m.memoryBytes,
        memoryGrowthPerHour: growth,
        ...(this.sampledAt === undefined ? {} : { sampledAt: this.sampledAt }),
      });
    }
    const risks = new Map<string, NodeRiskSignal>();
    for (const r of this.risk.predict(this.sim.now())) {
      risks.set(r.node, {
        probability: r.probability,
        level: r.level,
        ...(r.kind ? { kind: r.kind } : {}),
        ...(r.leadTimeMinutes !== undefined ? { leadTimeMinutes: r.leadTimeMinutes } : {}),
        reasons: r.reasons,
      });
    }
    return {
      usage,
      disruptions: this.disruptions.disruptions,
      disruptionWindowMs: this.sim.now() - this.startMs,
      nodeFailures: this.disruptions.nodeFailures,
      observedAt: this.sim.now(),
      risks,
      nicErrors: this.nicErrors(),
      nicErrorWindowMs: NIC_ERROR_WINDOW_MS,
    };
  }

  close(): void {
    this.stop();
  }
}
