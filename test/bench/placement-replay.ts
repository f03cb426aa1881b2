import { podLifecycle } from '../../core/kube/lifecycle.ts';
import { reducePod, type PodFacts } from '../../core/kube/pod-facts.ts';
import type { RawObject } from '../../core/kube/resource-mirror.ts';
import type { NodeDisruptions, NodeUsage, PlacementSignals } from '../../core/scheduling/advisors/signals.ts';
import type { NodeObject, PodObject } from '../../core/scheduling/kube-objects.ts';
import { buildNodeInfos } from '../../core/scheduling/node-info.ts';
import { placeOnNodes } from '../../core/scheduling/place.ts';
import { setCondition } from '../../core/sim/kube/conditions.ts';
import { rfc3339 } from '../../core/sim/kube/time.ts';
import type { Pod, PodCondition } from '../../core/sim/kube/types.ts';
import { newPodJson } from '../../core/sim/objects/pod-json.ts';
import type { ScenarioSpec } from '../../core/sim/scenarios/scenario.ts';
import { createSimulation, type Simulation } from '../../core/sim/simulation.ts';
import { keys } from '../../core/sim/store/api-resources.ts';

/**
 * NOT YET A BENCH GROUP (issue 6, acceptance 2 is open). The harness runs both policies over
 * the same stream and incidents, but the incidents it can stage today do not separate them: the
 * simulator's usage profiles keep a pod's use below its requests, so kubelet eviction takes the
 * leaking pod itself and passes its neighbours by, and the disruptions are the same under both
 * policies. Next steps: incidents that hurt neighbours (node-level memory pressure from outside
 * the stream, node failures where stream pods run), and the risk domain's predictions as a signal.
 *
 * The replay: one simulated cluster, one stream of pods arriving (and replaced when they are
 * evicted or deleted), one set of incidents pinned to nodes; the stream is placed either by
 * kube-scheduler's default scoring or by Foresight's advice. The simulator's own scheduler never
 * sees the stream (it only takes pods whose schedulerName is default-scheduler); this harness
 * binds them, as a second scheduler would.
 */
export type Policy = 'kube-scheduler' | 'foresight';

export interface ReplayFigures {
  policy: Policy;
  placed: number;
  oomKills: number;
  evictions: number;
  restarts: number;
  disruptions: number;
  /** Node-minutes with a node above 90% of its CPU or memory. */
  hotspotMinutes: number;
  /** Mean over the minutes of nodes running at least one stream pod. */
  nodesInUse: number;
}

export interface ReplayOptions {
  seed?: number;
  hours?: number;
  /** Stream pods alive at the peak. */
  streamSize?: number;
  scenarios?: readonly ScenarioSpec[];
}

const SCHEDULER = 'foresight-replay';
const MINUTE = 60_000;
const STREAM_LABEL = 'placement-replay';

function streamPod(index: number, generation: number, nowMs: number): Pod {
  // Alternating shapes: a web-like pod and a memory-heavy cache-like one.
  const heavy = index % 3 === 0;
  return newPodJson({
    name: `stream-${index}-${generation}`,
    namespace: 'default',
    labels: { app: STREAM_LABEL, slot: String(index) },
    createdMs: nowMs,
    spec: {
      schedulerName: SCHEDULER,
      containers: [
        {
          name: 'app',
          image: 'replay:1',
          resources: heavy
            ? { requests: { cpu: '250m', memory: '768Mi' } }
            : { requests: { cpu: '300m', memory: '256Mi' } },
        },
      ],
    },
  } as Parameters<typeof newPodJson>[0]);
}

function bind(sim: Simulation, pod: Pod, node: string): void {
  const at = rfc3339(sim.now());
  sim.store.mutate(keys.pods, pod.metadata.namespace, pod.metadata.name ?? '', (draft) => {
    const p = draft as Pod;
    p.spec = { ...p.spec, nodeName: node };
    p.status = {
      ...p.status,
      conditions: setCondition<PodCondition>(
        p.status?.conditions,
        { type: 'PodScheduled', status: 'True', lastProbeTime: null },
        at,
      ),
    };
  });
}

/** Incidents pinned to nodes, so both runs get the same ones whatever they placed. */
export function defaultReplayScenarios(): ScenarioSpec[] {
  const leak = (onsetMin: number, pod: string): ScenarioSpec => ({
    family: 'memoryLeak',
    variant: 'pressure',
    onsetMs: onsetMin * MINUTE,
    severity: 0.3,
    precursor: 'strong',
    target: { namespace: 'default', name: pod },
  });
  // Leaks inside stream pods (slots below 20 live the whole run), a noisy neighbour and a node
  // failure pinned to nodes: the same incidents whichever policy placed the stream.
  return [
    leak(70, 'stream-2-1'),
    {
      family: 'noisyNeighbour',
      onsetMs: 90 * MINUTE,
      severity: 0.8,
      precursor: 'strong',
      target: { node: 'node-07' },
      durationMs: 90 * MINUTE,
    },
    leak(130, 'stream-7-1'),
    {
      family: 'hardwareFailure',
      onsetMs: 160 * MINUTE,
      severity: 0.6,
      precursor: 'strong',
      target: { node: 'node-05' },
    },
    leak(200, 'stream-11-1'),
    leak(240, 'stream-16-1'),
  ];
}

export function runReplay(policy: Policy, options: ReplayOptions = {}): ReplayFigures {
  const hours = options.hours ?? 5;
  const size = options.streamSize ?? 40;
  const sim = createSimulation({
    seed: options.seed ?? 7,
    preset: 'default',
    scenarios: options.scenarios ?? defaultReplayScenarios(),
    startMs: Date.UTC(2025, 5, 2, 8, 0, 0),
    tickMs: 5000,
  });
  const figures: ReplayFigures = {
    policy,
    placed: 0,
    oomKills: 0,
    evictions: 0,
    restarts: 0,
    disruptions: 0,
    hotspotMinutes: 0,
    nodesInUse: 0,
  };
  const perNode = new Map<string, NodeDisruptions>();
  const facts = new Map<string, PodFacts>();
  const generation = new Map<number, number>();
  /** Pods the stream itself deleted (scale-down, clean-up of evicted ones): not disruptions. */
  const ours = new Set<string>();
  const remove = (name: string): void => {
    ours.add(name);
    sim.store.delete(keys.pods, 'default', name);
  };
  const stop = sim.store.subscribe((event) => {
    if (event.resource !== keys.pods) return;
    const raw = event.object as RawObject & Pod;
    if (raw.metadata?.labels?.['app'] !== STREAM_LABEL) return;
    const key = `${raw.metadata.namespace}/${raw.metadata.name}`;
    const after = reducePod(raw);
    for (const e of podLifecycle(event.type as 'ADDED', after, facts.get(key), sim.now())) {
      const kind =
        e.kind === 'PodOOMKilled'
          ? 'oomKills'
          : e.kind === 'PodEvicted'
            ? 'evictions'
            : e.kind === 'PodRestarted'
              ? 'restarts'
              : undefined;
      if (!kind) continue;
      figures[kind]++;
      if (e.node) {
        const d = perNode.get(e.node) ?? { restarts: 0, oomKills: 0, evictions: 0 };
        d[kind]++;
        perNode.set(e.node, d);
      }
    }
    if (
      event.type === 'DELETED' &&
      !ours.has(raw.metadata.name ?? '') &&
      facts.get(key)?.reason !== 'Evicted'
    ) {
      // Deleted by the cluster, not by the stream (a failed node's taint eviction): a disruption.
      figures.evictions++;
      const node = facts.get(key)?.nodeName;
      if (node) {
        const d = perNode.get(node) ?? { restarts: 0, oomKills: 0, evictions: 0 };
        d.evictions++;
        perNode.set(node, d);
      }
    }
    if (event.type === 'DELETED') facts.delete(key);
    else facts.set(key, after);
  });

  const memoryBefore = new Map<string, number[]>();
  let minutes = 0;
  let nodeMinutes = 0;
  for (let t = 0; t < hours * 60; t++) {
    // The stream: ramps up over the first hour, breathes with a two-hour cycle after that.
    const wanted = Math.round(
      size * Math.min(1, (t + 1) / 60) * (0.75 + 0.25 * Math.cos((2 * Math.PI * t) / 120)),
    );
    const stream = (sim.store.list(keys.pods, 'default') as Pod[]).filter(
      (p) => p.metadata.labels?.['app'] === STREAM_LABEL,
    );
    const alive = stream.filter(
      (p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded' && !p.metadata.deletionTimestamp,
    );
    // Finished or evicted pods are replaced, as their controller would.
    for (const p of stream)
      if (!alive.includes(p)) sim.store.delete(keys.pods, 'default', p.metadata.name ?? '');
    const slots = new Set(alive.map((p) => Number(p.metadata.labels?.['slot'])));
    for (let i = 0; i < size; i++) {
      if (i < wanted && !slots.has(i)) {
        const g = (generation.get(i) ?? 0) + 1;
        generation.set(i, g);
        sim.store.create(keys.pods, streamPod(i, g, sim.now()));
      } else if (i >= wanted && slots.has(i)) {
        const p = alive.find((x) => Number(x.metadata.labels?.['slot']) === i);
        if (p) remove(p.metadata.name ?? '');
      }
    }
    placePending(sim, policy, perNode, memoryBefore, figures);
    sim.advance(MINUTE);
    // Minute figures.
    minutes++;
    const metrics = sim.nodeMetrics();
    for (const m of metrics) {
      if (m.cpuMillis > 0.9 * m.capacity.cpuMillis || m.memoryBytes > 0.9 * m.capacity.memoryBytes)
        figures.hotspotMinutes++;
      const history = memoryBefore.get(m.name) ?? [];
      history.push(m.memoryBytes);
      if (history.length > 11) history.shift();
      memoryBefore.set(m.name, history);
    }
    const used = new Set(
      (sim.store.list(keys.pods, 'default') as Pod[])
        .filter(
          (p) =>
            p.metadata.labels?.['app'] === STREAM_LABEL && p.spec.nodeName && p.status?.phase === 'Running',
        )
        .map((p) => p.spec.nodeName),
    );
    nodeMinutes += used.size;
  }
  stop();
  sim.close();
  figures.nodesInUse = nodeMinutes / minutes;
  figures.disruptions = figures.oomKills + figures.evictions + figures.restarts;
  return figures;
}

function placePending(
  sim: Simulation,
  policy: Policy,
  perNode: ReadonlyMap<string, NodeDisruptions>,
  memoryHistory: ReadonlyMap<string, number[]>,
  figures: ReplayFigures,
): void {
  const all = sim.store.list(keys.pods) as unknown as PodObject[];
  const pending = all.filter(
    (p) =>
      p.spec?.schedulerName === SCHEDULER &&
      !p.spec.nodeName &&
      p.status?.phase !== 'Failed' &&
      p.status?.phase !== 'Succeeded',
  );
  if (pending.length === 0) return;
  const nodes = sim.store.list(keys.nodes) as unknown as NodeObject[];
  let signals: PlacementSignals = {};
  if (policy === 'foresight') {
    const usage = new Map<string, NodeUsage>();
    const allocatable = new Map(buildNodeInfos(nodes, []).map((n) => [n.name, n.allocatable.memory]));
    for (const m of sim.nodeMetrics()) {
      const history = memoryHistory.get(m.name) ?? [];
      const alloc = allocatable.get(m.name) ?? 0;
      // Growth over the last ten minutes, per hour, as a share of allocatable.
      const growth =
        history.length >= 2 && alloc > 0
          ? (((history.at(-1) ?? 0) - (history[0] ?? 0)) / alloc) * (60 / (history.length - 1))
          : 0;
      usage.set(m.name, { cpuMillis: m.cpuMillis, memoryBytes: m.memoryBytes, memoryGrowthPerHour: growth });
    }
    signals = { usage, disruptions: perNode, disruptionWindowMs: sim.now() - Date.UTC(2025, 5, 2, 8, 0, 0) };
  }
  const placed: PodObject[] = [];
  for (const pod of pending) {
    // Each decision sees the pods bound before it, as kube-scheduler's assumed pods.
    const infos = buildNodeInfos(nodes, [...all, ...placed]);
    const answer = placeOnNodes(pod, infos, { signals });
    const node = policy === 'foresight' ? answer.advice?.node : answer.kubeSchedulerChoice?.node;
    if (!node) continue;
    bind(sim, pod as unknown as Pod, node);
    placed.push({ ...pod, spec: { ...pod.spec, nodeName: node } });
    figures.placed++;
  }
}
