/**
 * What running incidents do to load, keyed by what they hit. Scenarios add effects when they
 * start and remove them when they end; the usage model and the kubelet ask only for their key,
 * so a pod no incident touches costs one map lookup.
 */

/** Extra bytes a leaking container holds, given when the container (re)started. */
export type MemoryLeak = (tMs: number, containerStartMs: number) => number;
/** Extra millicores a pod burns. */
export type CpuBurn = (tMs: number) => number;
/** A factor on a workload's traffic (1 = normal). */
export type LoadFactor = (tMs: number) => number;
/** Extra bytes a pod has written to the node's disk since it started. */
export type DiskWriter = (tMs: number, podStartMs: number) => number;
/** Extra round-trip latency on a node, in ms. */
export type Latency = (tMs: number) => number;
/**
 * Receive and transmit errors a node's NIC has counted since the incident began (cumulative, never
 * decreasing while the effect is present), as /proc/net/dev counts them.
 */
export type NicErrors = (tMs: number) => { rx: number; tx: number };
/** Whether a node agent is down at a time. */
export type Outage = (tMs: number) => boolean;

class EffectTable<F> {
  private readonly entries = new Map<string, F[]>();

  constructor(private readonly changed: () => void) {}

  add(key: string, effect: F): () => void {
    let list = this.entries.get(key);
    if (!list) this.entries.set(key, (list = []));
    list.push(effect);
    this.changed();
    return () => {
      const current = this.entries.get(key);
      if (!current) return;
      const at = current.indexOf(effect);
      if (at >= 0) current.splice(at, 1);
      if (current.length === 0) this.entries.delete(key);
      this.changed();
    };
  }

  get(key: string): readonly F[] | undefined {
    return this.entries.get(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

export class IncidentEffects {
  /** Bumped whenever an effect is added or removed, so readers can cache their lookups. */
  version = 0;
  private readonly bump = () => {
    this.version += 1;
  };
  /** By pod uid. */
  readonly memoryLeaks = new EffectTable<MemoryLeak>(this.bump);
  /** By pod uid. */
  readonly cpuBurns = new EffectTable<CpuBurn>(this.bump);
  /** By workload (`namespace/name`). */
  readonly loadFactors = new EffectTable<LoadFactor>(this.bump);
  /** By pod uid. */
  readonly diskWriters = new EffectTable<DiskWriter>(this.bump);
  /** By node name. */
  readonly latency = new EffectTable<Latency>(this.bump);
  /** By node name: the NIC's error counters. */
  readonly nicErrors = new EffectTable<NicErrors>(this.bump);
  /** By node name: the kubelet stops (no heartbeats, no status, no work). */
  readonly kubeletOutages = new EffectTable<Outage>(this.bump);
  /** By node name: the container runtime is down (the kubelet reports NotReady). */
  readonly runtimeOutages = new EffectTable<Outage>(this.bump);
}

export function sumOf<A extends unknown[]>(
  effects: readonly ((...args: A) => number)[] | undefined,
  ...args: A
): number {
  if (!effects) return 0;
  let total = 0;
  for (const effect of effects) total += effect(...args);
  return total;
}

export function productOf<A extends unknown[]>(
  effects: readonly ((...args: A) => number)[] | undefined,
  ...args: A
): number {
  if (!effects) return 1;
  let total = 1;
  for (const effect of effects) total *= effect(...args);
  return total;
}

export function anyOf(effects: readonly Outage[] | undefined, tMs: number): boolean {
  return effects !== undefined && effects.some((e) => e(tMs));
}
