import { featureIndex } from './features.ts';

/**
 * The rules baseline: static thresholds, as simple monitoring tools alert (memory over 85%,
 * CPU over 90%, a node NotReady, recent OOM kills, evictions, restarts, or a condition that
 * turned bad). A condition that turned good again (MemoryPressure=False) is recovery, not risk. It is the
 * fallback when no model is usable and the yardstick in every evaluation. Its score crosses 0.5
 * exactly where those thresholds fire, so it can be ranked (ROC/PR) like the model.
 */
export const RULES_ALARM = 0.5;

const F = {
  memory: featureIndex('memoryLevel'),
  cpu: featureIndex('cpuLevel'),
  notReady: featureIndex('notReady'),
  oomkills: featureIndex('oomkills30m'),
  evictions: featureIndex('evictions30m'),
  restarts: featureIndex('restarts30m'),
  troubles: featureIndex('conditionTroubles30m'),
};

function ramp(x: number, from: number, to: number): number {
  return Math.min(1, Math.max(0, (x - from) / (to - from)));
}

export interface RulesVerdict {
  score: number;
  reasons: string[];
}

/** The rules' score alone, without reasons: what every prediction round needs for every node. */
export function rulesScore(features: ArrayLike<number>): number {
  const at = (i: number) => features[i] ?? 0;
  let score = Math.max(ramp(at(F.memory), 0.75, 0.95), ramp(at(F.cpu), 0.8, 1.0));
  if (at(F.notReady) > 0) return 1;
  if (at(F.oomkills) > 0 || at(F.evictions) > 0) score = Math.max(score, 0.75);
  if (at(F.restarts) > 0 || at(F.troubles) > 0) score = Math.max(score, 0.6);
  return score;
}

export function rulesBaseline(features: ArrayLike<number>): RulesVerdict {
  const at = (i: number) => features[i] ?? 0;
  const parts: { score: number; reason: string }[] = [
    {
      score: ramp(at(F.memory), 0.75, 0.95),
      reason: `memory at ${Math.round(at(F.memory) * 100)}% of allocatable`,
    },
    { score: ramp(at(F.cpu), 0.8, 1.0), reason: `CPU at ${Math.round(at(F.cpu) * 100)}% of allocatable` },
    { score: at(F.notReady) > 0 ? 1 : 0, reason: 'the node is NotReady' },
    { score: at(F.oomkills) > 0 ? 0.75 : 0, reason: 'OOM kills in the last 30 min' },
    { score: at(F.evictions) > 0 ? 0.75 : 0, reason: 'evictions in the last 30 min' },
    { score: at(F.restarts) > 0 ? 0.6 : 0, reason: 'pod restarts in the last 30 min' },
    { score: at(F.troubles) > 0 ? 0.6 : 0, reason: 'a node condition turned bad in the last 30 min' },
  ];
  parts.sort((a, b) => b.score - a.score);
  return {
    score: parts[0]?.score ?? 0,
    reasons: parts.filter((p) => p.score >= RULES_ALARM).map((p) => p.reason),
  };
}
