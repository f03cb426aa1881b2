import { materializeCluster } from './build/materialize.ts';
import { SimClock, type RealTimeSource } from './clock.ts';
import { buildCluster } from './cluster.ts';
import { buildControlPlane, type ControlPlane } from './control-plane.ts';
import { EventRecorder } from './events/recorder.ts';
import { stableUid } from './ids.ts';
import { LegacyUsage } from './legacy-usage.ts';
import { IncidentEffects } from './load/effects.ts';
import { UsageModel, type NodeUsageSample, type PodUsageSample } from './load/usage-model.ts';
import { presetOf, type Preset, type PresetName } from './presets.ts';
import { normalizeSeed } from './random.ts';
import { ClusterCache } from './runtime/cluster-cache.ts';
import { NameGenerator, type SimContext } from './runtime/context.ts';
import { SCENARIO_FAMILIES, type IncidentRecord, type ScenarioSpec } from './scenarios/scenario.ts';
import { storeDigest } from './state-hash.ts';
import { keys } from './store/api-resources.ts';
import { ObjectStore } from './store/object-store.ts';
import type { CpuMemory, SimCluster, SimNode, SimPod } from './types.ts';
import type { ContainerUsage, NodeUsageTable } from './usage.ts';
import type { Node } from './kube/types.ts';

export interface SimulationOptions {
  seed?: number;
  /** A named preset or a custom one (default: `default`). */
  preset?: PresetName | Preset;
  /** Overrides the preset's node count. */
  nodes?: number;
  /** Overrides the preset's Deployment pods per node. */
  podsPerNode?: number;
  /** Replaces the preset's incidents. */
  scenarios?: readonly ScenarioSpec[];
  /** Simulated seconds per real second, for `run()` (default 1). */
  speed?: number;
  /** Simulated epoch ms at the start (default: real now, to the second). */
  startMs?: number;
  /** Real time source (default `Date.now`); tests inject their own. */
  realNow?: RealTimeSource;
  /** Simulated ms per tick (default 1000, at most 30000). */
  tickMs?: number;
}

export const SIMULATION_DEFAULTS = { seed: 1, nodes: 12, podsPerNode: 8, speed: 1, tickMs: 1000 } as const;

/** The taint the node lifecycle controller adds to cordoned nodes. */
export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';

export interface RunOptions {
  /** Real ms between timer callbacks when caught up (default 50). */
  intervalMs?: number;
  /** Real ms of work per callback at most, so the server stays responsive (default 40). */
  budgetMs?: number;
}

/**
 * A simulated cluster: the store (what the API server holds), the controllers, scheduler and
 * kubelets that act on it, staged incidents, and a clock. Simulated time moves only in ticks:
 * `step(toMs)` runs every component once per tick in a fixed order, so the same seed, options
 * and API writes at the same simulated times give the same store and the same event log.
 */
export class Simulation {
  readonly seed: number;
  readonly preset: Preset;
  readonly store: ObjectStore;
  readonly recorder: EventRecorder;
  readonly cache: ClusterCache;
  readonly usage: UsageModel;
  readonly effects = new IncidentEffects();
  readonly tickMs: number;
  readonly startMs: number;
  /** The cluster as planned at the start. Kept for core/demo until it serves the store; not updated. */
  readonly cluster: SimCluster;
  private clockValue: SimClock;
  private readonly realNow: RealTimeSource | undefined;
  private readonly plane: ControlPlane;
  private readonly legacy: LegacyUsage;
  private timeMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private metricsCache: { tMs: number; version: number; nodes: NodeUsageSample[] } | undefined;
  private uidCounter = 0;

  constructor(options: SimulationOptions = {}) {
    this.preset = presetOf(options.preset);
    this.seed = normalizeSeed(options.seed ?? SIMULATION_DEFAULTS.seed);
    this.tickMs = options.tickMs ?? SIMULATION_DEFAULTS.tickMs;
    // Ticks must stay well inside the node monitor's 40 s grace period: the node lifecycle
    // controller runs before the kubelets in a tick, so it sees heartbeats one tick old.
    if (!Number.isInteger(this.tickMs) || this.tickMs < 1 || this.tickMs > 30_000) {
      throw new RangeError(`tickMs must be an integer from 1 to 30000, got ${this.tickMs}`);
    }
    this.realNow = options.realNow;
    this.clockValue = new SimClock({
      speed: options.speed ?? SIMULATION_DEFAULTS.speed,
      ...(options.startMs === undefined ? {} : { startMs: Math.floor(options.startMs / 1000) * 1000 }),
      ...(options.realNow === undefined ? {} : { realNow: options.realNow }),
    });
    this.startMs = Math.floor(this.clockValue.startMs / 1000) * 1000;
    this.timeMs = this.startMs;
    this.cluster = buildCluster({
      seed: this.seed,
      nodes: options.nodes ?? this.preset.nodes,
      podsPerNode: options.podsPerNode ?? this.preset.podsPerNode,
      nowMs: this.startMs,
    });
    this.store = new ObjectStore({
      now: () => this.timeMs,
      newUid: () => stableUid(this.seed, 'runtime', this.uidCounter++),
    });
    this.recorder = new EventRecorder(this.store, () => this.timeMs);
    this.cache = new ClusterCache(this.store);
    this.usage = new UsageModel(this.seed, this.startMs, this.effects);
    materializeCluster(this.store, this.cluster, this.startMs);
    this.cache.rebuild();
    const ctx: SimContext = {
      seed: this.seed,
      store: this.store,
      cache: this.cache,
      recorder: this.recorder,
      usage: this.usage,
      names: new NameGenerator(this.seed),
      now: () => this.timeMs,
      tickMs: this.tickMs,
    };
    this.plane = buildControlPlane(
      ctx,
      this.effects,
      validScenarios(
        options.scenarios ?? this.preset.scenarios(this.seed),
        this.cluster.nodes.map((n) => n.name),
      ),
      this.startMs,
    );
    this.store.subscribe((event) => {
      this.cache.apply(event);
      for (const component of this.plane.components) component.observe?.(event);
    });
    for (const component of this.plane.components) component.start?.();
    // Settle: controllers write the statuses of what was loaded before anyone can watch (a few
    // rounds, since a Deployment's status follows its ReplicaSets').
    for (let round = 0, before = -1; round < 5 && before !== this.store.resourceVersion; round++) {
      before = this.store.resourceVersion;
      for (const component of this.plane.controllers) component.tick(this.timeMs);
    }
    this.legacy = new LegacyUsage(this.cluster, this.store);
    // The clock starts when the cluster is ready: building the large preset takes seconds, which
    // at high speed would otherwise be hours of simulated time to catch up on.
    this.clockValue = new SimClock({
      startMs: this.startMs,
      speed: this.clockValue.speed,
      ...(this.realNow ? { realNow: this.realNow } : {}),
    });
  }

  /** Simulated epoch ms of the state: the time of the last tick. */
  now(): number {
    return this.timeMs;
  }

  get clock(): SimClock {
    return this.clockValue;
  }

  /** The latest resourceVersion of any object: what a list reports. */
  resourceVersion(): number {
    return this.store.resourceVersion;
  }

  /** Runs every tick up to `toMs` (simulated epoch ms); returns how many ran. */
  step(toMs: number): number {
    let ticks = 0;
    while (this.timeMs + this.tickMs <= toMs) {
      this.tickOnce();
      ticks++;
    }
    return ticks;
  }

  /** Runs `ms` of simulated time from now. */
  advance(ms: number): number {
    return this.step(this.timeMs + ms);
  }

  private tickOnce(): void {
    this.timeMs += this.tickMs;
    for (const component of this.plane.components) component.tick(this.timeMs);
    this.recorder.expire(this.timeMs);
  }

  /**
   * Follows the clock from a real-time timer: each callback runs the ticks that are due, for at
   * most `budgetMs` of real time, and comes back at once while behind. The timer does not keep
   * the process alive.
   */
  run(options: RunOptions = {}): void {
    if (this.timer) return;
    const interval = options.intervalMs ?? 50;
    const budget = options.budgetMs ?? 40;
    const loop = () => {
      const began = performance.now();
      const target = this.clockValue.now();
      while (this.timeMs + this.tickMs <= target && performance.now() - began < budget) this.tickOnce();
      const behind = this.timeMs + this.tickMs <= this.clockValue.now();
      this.timer = setTimeout(loop, behind ? 0 : interval);
      this.timer.unref?.();
    };
    this.timer = setTimeout(loop, 0);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** How far the state trails the clock, in simulated ms (0 when caught up). */
  lagMs(): number {
    return Math.max(0, this.clockValue.now() - this.timeMs);
  }

  /** Changes the speed from now on; simulated time continues from the state's time. */
  setSpeed(speed: number): void {
    this.clockValue = new SimClock({
      startMs: this.timeMs,
      speed,
      ...(this.realNow ? { realNow: this.realNow } : {}),
    });
  }

  /** Usage of every node whose kubelet answers, with its running pods (metrics-server's view). */
  nodeMetrics(): NodeUsageSample[] {
    const version = this.store.resourceVersion;
    if (this.metricsCache?.tMs === this.timeMs && this.metricsCache.version === version)
      return this.metricsCache.nodes;
    const nodes: NodeUsageSample[] = [];
    for (const node of this.cache.nodes() as Node[]) {
      const name = node.metadata.name ?? '';
      if (!this.plane.kubelets.isUp(name)) continue;
      nodes.push(this.usage.nodeUsage(node, this.cache.podsOn(name), this.timeMs));
    }
    this.metricsCache = { tMs: this.timeMs, version, nodes };
    return nodes;
  }

  /** Usage of every running pod on a node whose kubelet answers, all namespaces or one. */
  podMetrics(namespace?: string): PodUsageSample[] {
    const pods = this.nodeMetrics().flatMap((n) => n.pods);
    return namespace === undefined ? pods : pods.filter((p) => p.namespace === namespace);
  }

  /** What nodes and `/version` report. */
  get kubernetesVersion(): string {
    return this.cluster.kubernetesVersion;
  }

  /** The kubelets finish graceful pod deletions (core/demo's ClusterBackend asks). */
  readonly finishesPodDeletion = true;

  /** Stops the timer of `run()`; for the demo server's close. */
  close(): void {
    this.stop();
  }

  /** Ground truth: incidents started so far. */
  incidents(): readonly IncidentRecord[] {
    return this.plane.scenarios.incidents();
  }

  /** Whether a node's kubelet answers (it may be stopped by an incident or by hand). */
  kubeletUp(node: string): boolean {
    return this.plane.kubelets.isUp(node);
  }

  private readonly manualOutages = new Map<string, () => void>();

  /** Stops or starts a node's kubelet by hand, like `systemctl stop kubelet`, from the next tick. */
  setKubeletRunning(node: string, running: boolean): void {
    const restart = this.manualOutages.get(node);
    if (running) {
      restart?.();
      this.manualOutages.delete(node);
    } else if (!restart) {
      this.manualOutages.set(
        node,
        this.effects.kubeletOutages.add(node, () => true),
      );
    }
  }

  /** A digest of the store and of every event recorded: equal digests, equal histories. */
  stateHash(): string {
    return `${storeDigest(this.store)}:${this.recorder.digest()}`;
  }

  // ——— Compatibility for core/demo while it still serves the planned records. These read the
  // clock, as they did before the simulation had ticks, so a server that never calls run() still
  // shows usage moving. ———

  findNode(name: string): SimNode | undefined {
    return this.legacy.findNode(name);
  }

  findPod(namespace: string, name: string): SimPod | undefined {
    return this.legacy.findPod(namespace, name);
  }

  usageNow(): NodeUsageTable {
    return this.legacy.usageAt(this.clockValue.now());
  }

  usageAt(tMs: number): NodeUsageTable {
    return this.legacy.usageAt(tMs);
  }

  nodeUsage(name: string, tMs: number = this.clockValue.now()): CpuMemory | undefined {
    return this.legacy.nodeUsage(name, tMs);
  }

  podUsage(namespace: string, name: string, tMs: number = this.clockValue.now()): CpuMemory | undefined {
    return this.legacy.podUsage(namespace, name, tMs);
  }

  containerUsage(pod: SimPod, tMs: number = this.clockValue.now()): ContainerUsage[] {
    return this.legacy.containerUsage(pod, tMs);
  }

  /** Cordon or uncordon: sets spec.unschedulable on the Node (the node lifecycle controller adds the taint). */
  setUnschedulable(name: string, unschedulable: boolean): SimNode | undefined {
    const node = this.legacy.findNode(name);
    const stored = this.store.get(keys.nodes, undefined, name) as Node | undefined;
    if (stored && Boolean(stored.spec?.unschedulable) !== unschedulable) {
      this.store.mutate(keys.nodes, undefined, name, (draft) => {
        const spec = { ...(draft as Node).spec };
        if (unschedulable) spec.unschedulable = true;
        else delete spec.unschedulable;
        (draft as Node).spec = spec;
      });
    }
    return node && this.legacy.setUnschedulable(node, unschedulable, this.now(), this.store.resourceVersion);
  }
}

/** Scenarios come from users (the CLI, the demo server): a bad one is an error now, not at its onset. */
function validScenarios(specs: readonly ScenarioSpec[], nodes: readonly string[]): readonly ScenarioSpec[] {
  for (const spec of specs) {
    const node = spec.target?.node;
    if (node !== undefined && !nodes.includes(node)) {
      throw new RangeError(
        `scenario ${spec.family}: there is no node "${node}"; the cluster's nodes: ${nodes.slice(0, 6).join(', ')}${nodes.length > 6 ? `, … (${nodes.length})` : ''}`,
      );
    }
    if (!(SCENARIO_FAMILIES as readonly string[]).includes(spec.family)) {
      throw new RangeError(`unknown scenario family "${spec.family}"; try ${SCENARIO_FAMILIES.join(', ')}`);
    }
    if (!Number.isFinite(spec.onsetMs) || spec.onsetMs < 0) {
      throw new RangeError(`scenario onsetMs must be a non-negative number of ms, got ${spec.onsetMs}`);
    }
    if (spec.severity !== undefined && !(spec.severity >= 0 && spec.severity <= 1)) {
      throw new RangeError(`scenario severity must be within 0..1, got ${spec.severity}`);
    }
    if (spec.precursor !== undefined && !['strong', 'weak', 'none'].includes(spec.precursor)) {
      throw new RangeError(`scenario precursor must be strong, weak or none, got "${spec.precursor}"`);
    }
  }
  return specs;
}

export function createSimulation(options: SimulationOptions = {}): Simulation {
  return new Simulation(options);
}
