import { generatedSuffix } from '../ids.ts';
import type { StoreEvent } from '../store/kube-object.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { UsageModel } from '../load/usage-model.ts';
import type { ClusterCache } from './cluster-cache.ts';

/** What every simulated component gets: the shared state and the simulated time. */
export interface SimContext {
  readonly seed: number;
  readonly store: ObjectStore;
  readonly cache: ClusterCache;
  readonly recorder: EventRecorder;
  readonly usage: UsageModel;
  readonly names: NameGenerator;
  /** Simulated epoch ms of the state (the last tick). */
  now(): number;
  readonly tickMs: number;
}

/**
 * A controller, kubelet or scheduler: it sees every store change as it happens (like an
 * informer's handlers, which only queue work) and does its work once per tick, in the order the
 * simulation runs components.
 */
export interface Component {
  readonly name: string;
  observe?(event: StoreEvent): void;
  /** After the cluster is loaded, before the first tick: the informer's initial list. */
  start?(): void;
  tick(nowMs: number): void;
}

/**
 * The API server's generateName, made deterministic: suffixes come from a hash of the seed, the
 * owner and a per-owner attempt counter, and a taken name just moves to the next attempt.
 */
export class NameGenerator {
  private readonly attempts = new Map<string, number>();

  constructor(private readonly seed: number) {}

  next(owner: string, prefix: string, taken: (name: string) => boolean): string {
    let attempt = this.attempts.get(owner) ?? 0;
    let name: string;
    do {
      name = [prefix, generatedSuffix(this.seed, owner, attempt++)].join('');
    } while (taken(name));
    this.attempts.set(owner, attempt);
    return name;
  }
}

/** Whole periods: true on the ticks where `nowMs` crosses a multiple of `periodMs` (offset by `phaseMs`). */
export function isDue(nowMs: number, tickMs: number, periodMs: number, phaseMs = 0): boolean {
  const before = Math.floor((nowMs - tickMs - phaseMs) / periodMs);
  const after = Math.floor((nowMs - phaseMs) / periodMs);
  return after !== before;
}
