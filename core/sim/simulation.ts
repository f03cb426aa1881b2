import { SimClock, type RealTimeSource } from './clock.ts';
import { buildCluster } from './cluster.ts';
import type { CpuMemory, SimCluster, SimNode, SimPod } from './types.ts';
import { nodeUsageAt, nodeUsageTableAt, podContainerUsageAt, podUsageAt } from './usage.ts';
import type { ContainerUsage, NodeUsageTable } from './usage.ts';

export interface SimulationOptions {
  seed?: number;
  nodes?: number;
  podsPerNode?: number;
  /** Simulated seconds per real second. */
  speed?: number;
  /** Simulated epoch ms when the simulation starts (default: real now). */
  startMs?: number;
  /** Real time source (default `Date.now`); tests inject their own. */
  realNow?: RealTimeSource;
}

export const SIMULATION_DEFAULTS = { seed: 1, nodes: 12, podsPerNode: 8, speed: 1 } as const;

/** The taint the node lifecycle controller adds to cordoned nodes. */
export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';

/**
 * A cluster and a clock. The cluster is built once, with creation times just before the start;
 * usage is computed on demand from the clock. The only state that changes so far is what an
 * operator can change (cordon); later stepping (controllers, incidents) hangs off this object.
 */
export class Simulation {
  readonly seed: number;
  readonly cluster: SimCluster;
  readonly clock: SimClock;
  private currentResourceVersion: number;
  private readonly nodesByName: Map<string, SimNode>;
  private podsByKey: Map<string, SimPod> | undefined;

  constructor(options: SimulationOptions = {}) {
    this.clock = new SimClock({
      speed: options.speed ?? SIMULATION_DEFAULTS.speed,
      ...(options.startMs === undefined ? {} : { startMs: options.startMs }),
      ...(options.realNow === undefined ? {} : { realNow: options.realNow }),
    });
    this.cluster = buildCluster({
      seed: options.seed ?? SIMULATION_DEFAULTS.seed,
      nodes: options.nodes ?? SIMULATION_DEFAULTS.nodes,
      podsPerNode: options.podsPerNode ?? SIMULATION_DEFAULTS.podsPerNode,
      nowMs: this.clock.startMs,
    });
    this.seed = this.cluster.seed;
    this.currentResourceVersion = this.cluster.initialResourceVersion;
    this.nodesByName = new Map(this.cluster.nodes.map((n) => [n.name, n]));
  }

  /** Simulated epoch ms. */
  now(): number {
    return this.clock.now();
  }

  /** The latest resourceVersion of any object: what a list reports. */
  resourceVersion(): number {
    return this.currentResourceVersion;
  }

  findNode(name: string): SimNode | undefined {
    return this.nodesByName.get(name);
  }

  findPod(namespace: string, name: string): SimPod | undefined {
    // Built on first use: a server that only lists never pays for 150,000 map entries.
    this.podsByKey ??= new Map(this.cluster.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
    return this.podsByKey.get(`${namespace}/${name}`);
  }

  /** Usage of every node now, in one pass over the pods. */
  usageNow(): NodeUsageTable {
    return nodeUsageTableAt(this.cluster, this.now());
  }

  usageAt(tMs: number): NodeUsageTable {
    return nodeUsageTableAt(this.cluster, tMs);
  }

  nodeUsage(name: string, tMs: number = this.now()): CpuMemory | undefined {
    const node = this.findNode(name);
    return node && nodeUsageAt(this.cluster, node, tMs);
  }

  podUsage(namespace: string, name: string, tMs: number = this.now()): CpuMemory | undefined {
    const pod = this.findPod(namespace, name);
    return pod && podUsageAt(pod, this.seed, tMs);
  }

  containerUsage(pod: SimPod, tMs: number = this.now()): ContainerUsage[] {
    return podContainerUsageAt(pod, this.seed, tMs);
  }

  /**
   * Cordon or uncordon. Like the API server plus the node lifecycle controller: the flag and the
   * unschedulable taint change together, and the node gets a new resourceVersion. Returns the
   * node, or undefined when there is no node of that name.
   */
  setUnschedulable(name: string, unschedulable: boolean): SimNode | undefined {
    const node = this.findNode(name);
    if (!node || node.unschedulable === unschedulable) return node;
    node.unschedulable = unschedulable;
    node.taints = node.taints.filter((t) => t.key !== UNSCHEDULABLE_TAINT_KEY);
    if (unschedulable)
      node.taints.push({ key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule', addedMs: this.now() });
    node.resourceVersion = ++this.currentResourceVersion;
    return node;
  }
}

export function createSimulation(options: SimulationOptions = {}): Simulation {
  return new Simulation(options);
}
