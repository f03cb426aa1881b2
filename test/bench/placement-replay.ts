import { placementAnswer, type PlacementAnswer } from '../../core/scheduling/advice.ts';
import { foresightAdvisors } from '../../core/scheduling/advisors/index.ts';
import type { PlacementSignals } from '../../core/scheduling/advisors/signals.ts';
import { evaluatePlacement, type AdvisoryPlugin } from '../../core/scheduling/evaluate.ts';
import type { NodeAdvicePolicy } from '../../core/scheduling/node-advice.ts';
import type { NodeObject, PodObject } from '../../core/scheduling/kube-objects.ts';
import { buildNodeInfos, type NodeInfo } from '../../core/scheduling/node-info.ts';
import { defaultProfile } from '../../core/scheduling/profile.ts';
import { setCondition } from '../../core/sim/kube/conditions.ts';
import { rfc3339 } from '../../core/sim/kube/time.ts';
import type { Pod, PodCondition } from '../../core/sim/kube/types.ts';
import { newPodJson } from '../../core/sim/objects/pod-json.ts';
import type { ScenarioSpec } from '../../core/sim/scenarios/scenario.ts';
import { createSimulation, type Simulation } from '../../core/sim/simulation.ts';
import { keys } from '../../core/sim/store/api-resources.ts';
import {
  boundDuringNicErrors,
  causeOf,
  tallyCauses,
  type Cause,
  type Disruption,
} from './placement-replay-causes.ts';
import { AdvisedOperator, type NodeAction } from './placement-replay-cordon.ts';
import { ADVICE_GATES } from './placement-replay-gates.ts';
import { doNoHarm } from './placement-replay-shapes.ts';
import { ForesightView } from './placement-replay-view.ts';
import { failureWarnings, type FailureWarnings, type RiskRound } from './placement-replay-warnings.ts';

/**
 * The placement replay (issue 6, acceptance 2; `npm run bench -- placement-replay`): one
 * simulated cluster, one stream of pods arriving (and replaced when they are evicted or
 * deleted), one set of incidents pinned to nodes and times; the stream is placed either by
 * kube-scheduler's default scoring or by Foresight's advice. The simulator's own scheduler never
 * sees the stream (it only takes pods whose schedulerName is default-scheduler); this harness
 * binds them, as a second scheduler would.
 *
 * Foresight sees only what a live Foresight would (placement-replay-view.ts): node metrics and
 * the kubelet Summary API (with NIC error counters) each minute, lifecycle events, and core/risk's
 * predictions from them; never the incident schedule.
 * kube-scheduler sees requests, taints and conditions. Both runs get the same incidents whatever
 * they placed, and the same figures are counted the same way for both. In the Foresight run an
 * operator also follows Foresight's node advice (placement-replay-cordon.ts: cordon a node that
 * keeps failing, uncordon it when the advice lapses); kube-scheduler's run has no operator.
 *
 * Disruptions of stream pods: OOMKills and restarts (restart counts going up), kubelet evictions
 * (status.reason Evicted) and deletions by the taint-eviction controller while the pod's node is
 * NotReady. kube-scheduler's side is core/scheduling's default profile (TaintToleration,
 * NodeAffinity, NodeResourcesFit LeastAllocated, BalancedAllocation); upstream's PodTopologySpread
 * system defaults would not touch these pods either (they belong to no Service or ReplicaSet).
 * Foresight's LearnedOutcome plugin takes no part: its outcomes are "disrupted within a day", and
 * a 5-hour replay never has a day of them.
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
  /** Minutes stream pods waited with no node that fits (the cluster's lack of room, not a choice). */
  pendingPodMinutes: number;
  /** Stream pods bound when only one node fit them: no placement had a choice to make. */
  placedWithoutChoice: number;
  /** Stream pods bound where the advice departed from kube-scheduler's pick (Foresight only). */
  departures: number;
  /** Of the gated advice's departures, those where kube-scheduler's pick was past each plugin's concern line. */
  departureLines: Record<string, number>;
  /** Of the repeat failures' disruptions, those of pods bound when only that node fit them. */
  repeatWithoutChoice: number;
  /** Stream pods created, in order (name@minute): the same for both policies unless disrupted. */
  created: string[];
  /** Incidents that started (family@node@minute): the same for both policies. */
  incidents: string[];
  /** Each disruption of a stream pod (kind@node@minute), to see which incident caused it. */
  disrupted: string[];
  /** Disruptions by cause, from the simulator's ground truth after the run (never seen by the advice). */
  causes: Record<Cause, number>;
  /** Of the first failures' disruptions with NIC errors, those of pods bound after the errors began. */
  boundDuringNicErrors: number;
  /** The node advice the Foresight run's operator followed (cordon, uncordon), in order. */
  nodeActions: NodeAction[];
  /** Whether the risk predictions the advice used saw first failures coming (Foresight only). */
  warnings?: FailureWarnings;
}

export interface ReplayOptions {
  seed?: number;
  hours?: number;
  /** Stream pods alive at the peak. */
  streamSize?: number;
  scenarios?: readonly ScenarioSpec[];
  /** The cluster's own Deployment pods per node (the simulator's default preset has 8). */
  podsPerNode?: number;
  /** Which of Foresight's signals its advice may use (all by default): for ablations. */
  foresightSignals?: readonly SignalPart[];
  /** Whether the Foresight run's operator follows the node advice (cordon, uncordon); yes by default. */
  nodeAdvice?: boolean;
  /** The node advice's failures and window (the product's default unless given): for tuning. */
  nodeAdvicePolicy?: NodeAdvicePolicy;
  /** Foresight's plugin weights scaled by this (the product's FORESIGHT_WEIGHT_SCALE unless given). */
  weightScale?: number;
  /** Per-plugin weights by name, in place of the scaled ones (test/bench/placement-replay.md's spreader rule). */
  weights?: Readonly<Record<string, number>>;
  /** Plugins scored in their "do no harm" shape (placement-replay-shapes.ts): the spreader rule's (ii). */
  doNoHarm?: readonly string[];
  /** The advice gate by its rule's name (placement-replay-gates.ts: alpha, beta, gamma); the product's advice unless given. */
  gate?: string;
}

export type SignalPart = 'usage' | 'disruptions' | 'risks' | 'nic';

function only(signals: PlacementSignals, parts: readonly SignalPart[] | undefined): PlacementSignals {
  if (!parts) return signals;
  const kept: PlacementSignals = { ...signals };
  if (!parts.includes('usage')) delete kept.usage;
  if (!parts.includes('disruptions')) delete kept.disruptions;
  if (!parts.includes('risks')) delete kept.risks;
  if (!parts.includes('nic')) delete kept.nicErrors;
  return kept;
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

/** Incidents pinned to nodes and times, so both runs get the same ones whatever they placed. */
export function defaultReplayScenarios(): ScenarioSpec[] {
  const leak = (onsetMin: number, pod: string): ScenarioSpec => ({
    family: 'memoryLeak',
    variant: 'pressure',
    onsetMs: onsetMin * MINUTE,
    severity: 0.3,
    precursor: 'strong',
    target: { namespace: 'default', name: pod },
  });
  // A flaky machine fails, is repaired after 40 min, and fails again (bad hardware is a repeat
  // offender); two other machines fail once, one with no warning at all, where no history can
  // help. Leaks inside stream pods and a noisy neighbour add the everyday trouble.
  const failure = (
    onsetMin: number,
    node: string,
    repairMin?: number,
    precursor: 'strong' | 'none' = 'strong',
  ) =>
    ({
      family: 'hardwareFailure',
      onsetMs: onsetMin * MINUTE,
      severity: 0.6,
      precursor,
      target: { node },
      ...(repairMin === undefined ? {} : { durationMs: repairMin * MINUTE }),
    }) satisfies ScenarioSpec;
  return [
    failure(50, 'node-03', 40),
    leak(70, 'stream-2-1'),
    {
      family: 'noisyNeighbour',
      onsetMs: 90 * MINUTE,
      severity: 0.8,
      precursor: 'strong',
      target: { node: 'node-07' },
      durationMs: 90 * MINUTE,
    },
    failure(130, 'node-03', 40),
    leak(150, 'stream-7-1'),
    failure(170, 'node-10', 40, 'none'),
    failure(210, 'node-03', 40),
    leak(230, 'stream-11-1'),
    failure(250, 'node-05'),
  ];
}

const isStream = (pod: { namespace?: string; pod?: string }): boolean =>
  pod.namespace === 'default' && (pod.pod ?? '').startsWith('stream-');

export function runReplay(policy: Policy, options: ReplayOptions = {}): ReplayFigures {
  const hours = options.hours ?? 5;
  const size = options.streamSize ?? 40;
  const startMs = Date.UTC(2025, 5, 2, 8, 0, 0);
  const sim = createSimulation({
    seed: options.seed ?? 7,
    preset: 'default',
    ...(options.podsPerNode === undefined ? {} : { podsPerNode: options.podsPerNode }),
    scenarios: options.scenarios ?? defaultReplayScenarios(),
    startMs,
    tickMs: 5000,
  });
  const view = new ForesightView(sim, startMs);
  const operator =
    policy === 'foresight' && options.nodeAdvice !== false
      ? new AdvisedOperator(sim, startMs, options.nodeAdvicePolicy)
      : undefined;
  const figures: ReplayFigures = {
    policy,
    placed: 0,
    oomKills: 0,
    evictions: 0,
    restarts: 0,
    disruptions: 0,
    hotspotMinutes: 0,
    nodesInUse: 0,
    pendingPodMinutes: 0,
    placedWithoutChoice: 0,
    departures: 0,
    departureLines: {},
    repeatWithoutChoice: 0,
    created: [],
    incidents: [],
    disrupted: [],
    causes: tallyCauses([], []),
    boundDuringNicErrors: 0,
    nodeActions: [],
  };
  const boundAt = new Map<string, number>();
  const withoutChoice = new Set<string>();
  const generation = new Map<number, number>();
  const rounds: RiskRound[] = [];
  let nodeMinutes = 0;
  const minutes = hours * 60;
  for (let t = 0; t < minutes; t++) {
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
      if (!alive.includes(p) && !p.metadata.deletionTimestamp)
        sim.store.delete(keys.pods, 'default', p.metadata.name ?? '');
    const slots = new Set(alive.map((p) => Number(p.metadata.labels?.['slot'])));
    for (let i = 0; i < size; i++) {
      if (i < wanted && !slots.has(i)) {
        const g = (generation.get(i) ?? 0) + 1;
        generation.set(i, g);
        const pod = streamPod(i, g, sim.now());
        figures.created.push(`${pod.metadata.name}@${t}`);
        sim.store.create(keys.pods, pod);
      } else if (i >= wanted && slots.has(i)) {
        const p = alive.find((x) => Number(x.metadata.labels?.['slot']) === i);
        if (p) sim.store.delete(keys.pods, 'default', p.metadata.name ?? '');
      }
    }
    const seen = policy === 'foresight' ? view.signals() : undefined;
    // The operator acts on the node advice before this round's pods are placed.
    if (seen) operator?.follow(seen, sim.now());
    const signals = seen ? only(seen, options.foresightSignals) : {};
    if (signals.risks)
      rounds.push({
        at: sim.now(),
        risks: signals.risks,
        ...(signals.nicErrors ? { nicErrors: signals.nicErrors } : {}),
      });
    placePending(sim, signals, policy, options, figures, { boundAt, withoutChoice });
    sim.advance(MINUTE);
    view.sample();
    for (const m of sim.nodeMetrics()) {
      if (m.cpuMillis > 0.9 * m.capacity.cpuMillis || m.memoryBytes > 0.9 * m.capacity.memoryBytes)
        figures.hotspotMinutes++;
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
  const disruptions: Disruption[] = [];
  for (const e of view.events) {
    if (!isStream(e)) continue;
    if (e.kind === 'PodOOMKilled' || e.kind === 'PodEvicted' || e.kind === 'PodRestarted') {
      figures.disrupted.push(`${e.kind}@${e.node ?? '?'}@${Math.round((e.at - startMs) / MINUTE)}`);
      disruptions.push({ kind: e.kind, node: e.node ?? '', pod: e.pod ?? '', at: e.at });
    }
    if (e.kind === 'PodOOMKilled') figures.oomKills++;
    else if (e.kind === 'PodEvicted') figures.evictions++;
    else if (e.kind === 'PodRestarted') figures.restarts++;
  }
  figures.incidents = sim
    .incidents()
    .map((i) => `${i.family}@${i.node ?? '?'}@${Math.round((i.onsetMs - startMs) / MINUTE)}`);
  figures.causes = tallyCauses(disruptions, sim.incidents());
  figures.boundDuringNicErrors = boundDuringNicErrors(disruptions, sim.incidents(), boundAt);
  figures.repeatWithoutChoice = disruptions.filter(
    (d) => withoutChoice.has(d.pod) && causeOf(d, sim.incidents()) === 'repeat failure of a node',
  ).length;
  figures.nodeActions = operator?.actions ?? [];
  if (rounds.length > 0) figures.warnings = failureWarnings(rounds, sim.incidents());
  view.close();
  sim.close();
  figures.nodesInUse = nodeMinutes / minutes;
  figures.disruptions = figures.oomKills + figures.evictions + figures.restarts;
  return figures;
}

/** How Foresight's plugins are weighed and shaped in a replay. */
export type PluginChoice = Pick<ReplayOptions, 'weightScale' | 'weights' | 'doNoHarm' | 'gate'>;

/** Foresight's plugins at the scale, each named in `weights` at the weight given there instead. */
export function replayAdvisors(signals: PlacementSignals, weights: PluginChoice): AdvisoryPlugin[] {
  const advisors = foresightAdvisors(signals, weights.weightScale);
  const given = weights.weights;
  const shaped = weights.doNoHarm;
  if (!given && !shaped) return advisors;
  return advisors.map((p) => {
    const weight = given?.[p.name];
    const plugin = shaped?.includes(p.name) ? doNoHarm(p, signals) : p;
    return weight === undefined ? plugin : { ...plugin, weight };
  });
}

/**
 * place()'s pod advice (the node advice is the operator's), Foresight's weights as given, and the
 * node advised: place()'s own, or the gate's choice when the replay names a gate.
 */
function adviseOn(
  pod: PodObject,
  nodes: readonly NodeInfo[],
  signals: PlacementSignals,
  weights: PluginChoice,
): { answer: PlacementAnswer; advised: string | undefined; kubeLines: string[] } {
  const profile = defaultProfile();
  const advisors = replayAdvisors(signals, weights);
  const evaluation = evaluatePlacement(pod, nodes, profile, advisors);
  const answer = placementAnswer(evaluation, profile, advisors);
  if (weights.gate === undefined) return { answer, advised: answer.advice?.node, kubeLines: [] };
  const gate = ADVICE_GATES[weights.gate];
  if (!gate) throw new Error(`no advice gate "${weights.gate}"`);
  const context = { pod: evaluation.pod, nodes: new Map(nodes.map((n) => [n.name, n])), signals };
  const choice = gate(answer, context);
  return { answer, advised: choice?.node, kubeLines: choice?.kubeLines ?? [] };
}

function placePending(
  sim: Simulation,
  signals: PlacementSignals,
  policy: Policy,
  weights: PluginChoice,
  figures: ReplayFigures,
  bound: { boundAt: Map<string, number>; withoutChoice: Set<string> },
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
  const placed: PodObject[] = [];
  for (const pod of pending) {
    // Each decision sees the pods bound before it, as kube-scheduler's assumed pods.
    const infos = buildNodeInfos(nodes, [...all, ...placed]);
    const { answer, advised, kubeLines } = adviseOn(pod, infos, signals, weights);
    const node = policy === 'foresight' ? advised : answer.kubeSchedulerChoice?.node;
    if (!node) {
      figures.pendingPodMinutes++;
      continue;
    }
    bind(sim, pod as unknown as Pod, node);
    const name = pod.metadata?.name ?? '';
    bound.boundAt.set(name, sim.now());
    if (answer.nodes.filter((n) => n.feasible).length === 1) {
      bound.withoutChoice.add(name);
      figures.placedWithoutChoice++;
    }
    placed.push({ ...pod, spec: { ...pod.spec, nodeName: node } });
    figures.placed++;
    if (node !== answer.kubeSchedulerChoice?.node) {
      figures.departures++;
      for (const line of kubeLines) figures.departureLines[line] = (figures.departureLines[line] ?? 0) + 1;
    }
  }
}
