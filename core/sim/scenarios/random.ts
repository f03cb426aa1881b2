import { createRng, deriveSeed } from '../random.ts';
import {
  SCENARIO_FAMILIES,
  type PrecursorStrength,
  type ScenarioFamily,
  type ScenarioSpec,
} from './scenario.ts';
import { logUniformMs, REALISTIC_TIMESCALES } from './timescales.ts';

export interface RandomScenarioOptions {
  /** Which families to draw from (default: all). */
  families?: readonly ScenarioFamily[];
  count: number;
  /** Onsets fall in [startOffsetMs, startOffsetMs + horizonMs) after the simulation's start. */
  horizonMs: number;
  startOffsetMs?: number;
  /** Severity range (default 0.3..1). */
  severity?: readonly [number, number];
  /**
   * `realistic`: each incident of a family in REALISTIC_TIMESCALES also gets a timescale drawn
   * log-uniformly from its range. Absent (or `short`): none, each family's own severity-tied
   * timing, exactly as before. The same incidents either way: timescales come from their own
   * stream of draws.
   */
  timescales?: 'short' | 'realistic';
}

const PRECURSORS: readonly { value: PrecursorStrength; weight: number }[] = [
  { value: 'strong', weight: 5 },
  { value: 'weak', weight: 3 },
  { value: 'none', weight: 2 },
];

/**
 * Domain randomization: `count` incidents of random families, onsets, severities and precursor
 * strengths, the same for the same seed. Targets are left to each incident's onset, where they
 * are chosen from what exists then. Hardware failures mostly come without warning, as they do.
 */
export function randomScenarios(seed: number, options: RandomScenarioOptions): ScenarioSpec[] {
  const rng = createRng(deriveSeed(seed, 0x5ce7a));
  const timescaleRng = createRng(deriveSeed(seed, 0x71e5c));
  const families = options.families ?? SCENARIO_FAMILIES;
  if (families.length === 0) return [];
  const [low, high] = options.severity ?? [0.3, 1];
  const start = options.startOffsetMs ?? 0;
  const specs: ScenarioSpec[] = [];
  for (let i = 0; i < options.count; i++) {
    const family = rng.pick(families);
    const precursor =
      family === 'hardwareFailure' && rng.chance(0.7)
        ? 'none'
        : rng.pickWeighted(PRECURSORS, (p) => p.weight).value;
    const spec: ScenarioSpec = {
      family,
      onsetMs: start + Math.floor(rng.next() * options.horizonMs),
      severity: Math.round(rng.float(low, high) * 100) / 100,
      precursor,
    };
    if (family === 'memoryLeak') spec.variant = rng.chance(0.7) ? 'oom' : 'pressure';
    const range = REALISTIC_TIMESCALES[family];
    if (options.timescales === 'realistic' && range) spec.timescaleMs = logUniformMs(timescaleRng, range);
    specs.push(spec);
  }
  return specs.sort((a, b) => a.onsetMs - b.onsetMs);
}
