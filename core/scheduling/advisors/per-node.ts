import type { AdvisoryPlugin } from '../evaluate.ts';
import { MAX_NODE_SCORE } from '../framework.ts';

/** A node a plugin's signal says nothing about: neither good nor bad. */
export const UNKNOWN_SCORE = 50;

/** 100 × (1 − chance), the chance clamped to [0, 1]: a node sure to be trouble scores 0. */
export function safetyScore(chance: number): number {
  return Math.round(MAX_NODE_SCORE * (1 - Math.min(1, Math.max(0, chance))));
}

export interface PerNodeSignal<T> {
  name: string;
  weight: number;
  /** The signal's value per node name; a plugin with none takes no part. */
  values: ReadonlyMap<string, T> | undefined;
  /** Why the plugin takes no part when it has no values. */
  missing: () => string;
  score: (value: T) => number;
  explain: (value: T) => string;
  /** The explanation for a node the signal has no value for (it scores UNKNOWN_SCORE). */
  unknown: string;
}

/**
 * A Foresight plugin that scores each node from one value its signal holds for it (a risk, a
 * learned chance, a NIC error rate), UNKNOWN_SCORE where it holds none.
 */
export function perNodeAdvisor<T>(signal: PerNodeSignal<T>): AdvisoryPlugin {
  const { values } = signal;
  return {
    name: signal.name,
    weight: signal.weight,
    missingData: () => (values && values.size > 0 ? undefined : signal.missing()),
    score(_pod, node) {
      const value = values?.get(node.name);
      return value === undefined ? UNKNOWN_SCORE : signal.score(value);
    },
    explain(_pod, node) {
      const value = values?.get(node.name);
      return value === undefined ? signal.unknown : signal.explain(value);
    },
  };
}
