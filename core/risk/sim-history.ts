import type { LifecycleEvent } from '../kube/lifecycle.ts';
import { eventLifecycle, reduceEvent, type EventFacts } from '../kube/event-facts.ts';
import { nodeLifecycle, podLifecycle } from '../kube/lifecycle.ts';
import { reduceNode, type NodeFacts } from '../kube/node-facts.ts';
import { reducePod, type PodFacts } from '../kube/pod-facts.ts';
import type { RawObject } from '../kube/resource-mirror.ts';
import { createSimulation, type IncidentRecord, type PresetName, type ScenarioSpec } from '../sim/index.ts';
import { kubeletSummary } from '../sim/kubelet-summary.ts';
import { summaryFacts, type MemoryLimitOf } from '../kube/node-summary.ts';
import { ContainerMemoryTrends } from './container-memory-trends.ts';
import type { NodeHistory } from './node-history.ts';

export interface SimHistoryOptions {
  seed: number;
  nodes?: number;
  podsPerNode?: number;
  /** Simulated duration, ms. */
  durationMs: number;
  /** How often a sample is taken, ms (default 60 s, a rolled-up history's resolution). */
  sampleEveryMs?: number;
  /** Simulator tick, ms (default 10 s: coarse enough to be fast, inside every grace period). */
  tickMs?: number;
  preset?: PresetName;
  scenarios?: readonly ScenarioSpec[];
  startMs?: number;
}

export interface SimHistory {
  startMs: number;
  endMs: number;
  nodes: NodeHistory[];
  /** The simulator's ground truth, for evaluation reports (labels come from the events). */
  incidents: IncidentRecord[];
}

const NODES = '/nodes';
const PODS = '/pods';
const EVENTS = '/events';

/**
 * Runs the simulator headless and records what Foresight's collector would have written to
 * history: per-node samples (metrics-server's view) and lifecycle events derived from object
 * changes with the collector's own functions. Deterministic for the same options.
 */
export function simulateHistory(options: SimHistoryOptions): SimHistory {
  const startMs = options.startMs ?? Date.UTC(2025, 5, 2, 0, 0, 0);
  const sim = createSimulation({
    seed: options.seed,
    startMs,
    tickMs: options.tickMs ?? 10_000,
    ...(options.preset ? { preset: options.preset } : {}),
    ...(options.nodes !== undefined ? { nodes: options.nodes } : {}),
    ...(options.podsPerNode !== undefined ? { podsPerNode: options.podsPerNode } : {}),
    ...(options.scenarios ? { scenarios: options.scenarios } : {}),
  });
  const byNode = new Map<string, NodeHistory>();
  const nodeFacts = new Map<string, NodeFacts>();
  const podFacts = new Map<string, PodFacts>();
  const eventFacts = new Map<string, EventFacts>();
  const podNodes = new Map<string, string>();
  const nodeOfPod = (namespace: string, name: string) => podNodes.get(`${namespace}/${name}`);
  const historyOf = (facts: NodeFacts): NodeHistory => {
    let history = byNode.get(facts.name);
    if (!history) {
      history = {
        node: facts.name,
        cpuAllocatableMillis: facts.cpuAllocatableMillis,
        memoryAllocatableBytes: facts.memoryAllocatableBytes,
        podCapacity: facts.podCapacity,
        samples: [],
        events: [],
      };
      byNode.set(facts.name, history);
    }
    return history;
  };
  const record = (events: LifecycleEvent[]) => {
    for (const event of events) if (event.node) byNode.get(event.node)?.events.push(event);
  };
  for (const node of sim.store.list(NODES)) {
    const facts = reduceNode(node as unknown as RawObject);
    nodeFacts.set(facts.name, facts);
    historyOf(facts);
  }
  for (const pod of sim.store.list(PODS)) {
    const facts = reducePod(pod as unknown as RawObject);
    podFacts.set(pod.metadata.uid ?? '', facts);
    if (facts.nodeName) podNodes.set(`${facts.namespace}/${facts.name}`, facts.nodeName);
  }
  sim.store.subscribe((event) => {
    const at = sim.now();
    if (event.resource === NODES) {
      const after = reduceNode(event.object as unknown as RawObject);
      const before = nodeFacts.get(after.name);
      historyOf(after);
      record(nodeLifecycle(event.type, after, before, at));
      if (event.type === 'DELETED') nodeFacts.delete(after.name);
      else nodeFacts.set(after.name, after);
    } else if (event.resource === PODS) {
      const uid = event.object.metadata.uid ?? '';
      const after = reducePod(event.object as unknown as RawObject);
      const before = podFacts.get(uid);
      record(podLifecycle(event.type, after, before, at));
      if (event.type === 'DELETED') podFacts.delete(uid);
      else podFacts.set(uid, after);
      if (after.nodeName) podNodes.set(`${after.namespace}/${after.name}`, after.nodeName);
    } else if (event.resource === EVENTS) {
      const after = reduceEvent(event.object as unknown as RawObject);
      const key = `${after.namespace}/${after.name}`;
      record(eventLifecycle(event.type, after, eventFacts.get(key), at, nodeOfPod));
      if (event.type === 'DELETED') eventFacts.delete(key);
      else eventFacts.set(key, after);
    }
  });
  const every = options.sampleEveryMs ?? 60_000;
  const endMs = startMs + options.durationMs;
  const containerTrends = new ContainerMemoryTrends();
  while (sim.now() + every <= endMs) {
    sim.advance(every);
    const at = sim.now();
    const seen = new Set<string>();
    for (const usage of sim.nodeMetrics()) {
      seen.add(usage.name);
      // Disk and the fullest container as the collector reads them: the kubelet's Summary API
      // through the same parser, so training and live features cannot differ. Limits come from
      // the summary itself (limit = working set + available), as live does for a pod it has not
      // mirrored yet; the pod spec gives the same number.
      const signals = summaryFacts(kubeletSummary(usage, at), limitsFromSummary);
      const forecast = containerTrends.observe(usage.name, at, signals.containerMemory);
      byNode.get(usage.name)?.samples.push({
        at,
        cpuMillis: usage.cpuMillis,
        memoryBytes: usage.memoryBytes,
        pods: usage.pods.length,
        diskBytes: signals.diskBytes,
        podMemoryPeak: signals.podMemoryPeak,
        containerHoursToLimit: forecast?.hoursToLimit ?? null,
      });
      const history = byNode.get(usage.name);
      if (history && signals.diskCapacityBytes !== null)
        history.diskCapacityBytes = signals.diskCapacityBytes;
    }
    // A node whose kubelet is silent still has a row in history, without usage.
    for (const history of byNode.values()) {
      if (!seen.has(history.node) && nodeFacts.has(history.node)) {
        history.samples.push({
          at,
          cpuMillis: null,
          memoryBytes: null,
          pods: 0,
          diskBytes: null,
          podMemoryPeak: null,
          containerHoursToLimit: null,
        });
      }
    }
  }
  return {
    startMs,
    endMs: sim.now(),
    nodes: [...byNode.values()].sort((a, b) => a.node.localeCompare(b.node)),
    incidents: sim.incidents().map((i) => ({ ...i })),
  };
}

/** No pod specs at hand: summaryFacts takes each container's limit from the summary. */
const limitsFromSummary: MemoryLimitOf = () => undefined;
