import { randomScenarios } from './scenarios/random.ts';
import type { ScenarioSpec } from './scenarios/scenario.ts';

export type PresetName = 'default' | 'large' | 'quiet';

export interface Preset {
  readonly name: string;
  readonly nodes: number;
  /** Deployment pods per node; DaemonSets add two per node, the StatefulSet and Job a few more. */
  readonly podsPerNode: number;
  /** Incidents, onsets relative to the start; may depend on the seed. */
  scenarios(seed: number): ScenarioSpec[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The default demo: a dozen nodes and a few dozen workloads, with incidents that unfold in the
 * first quarter hour at speed 1, then a random one every few hours:
 * - a memory leak whose slope shows from minute 3 and OOM-kills around minute 10,
 * - a node's disk filling to DiskPressure around minute 12,
 * - a flash sale from minute 4 that the HPA answers around minute 7,
 * - a node's network degrading from minute 6 (weak warning), failing probes near minute 14.
 */
const DEMO_INCIDENTS: readonly ScenarioSpec[] = [
  { family: 'memoryLeak', variant: 'oom', onsetMs: 1 * MINUTE, severity: 0.69, precursor: 'strong' },
  { family: 'diskFill', onsetMs: 2 * MINUTE, severity: 0.8, precursor: 'strong' },
  {
    family: 'trafficSurge',
    onsetMs: 4 * MINUTE,
    severity: 0.6,
    precursor: 'strong',
    durationMs: 20 * MINUTE,
  },
  {
    family: 'networkDegradation',
    onsetMs: 6 * MINUTE,
    severity: 0.6,
    precursor: 'weak',
    durationMs: 15 * MINUTE,
  },
];

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  default: {
    name: 'default',
    nodes: 12,
    podsPerNode: 8,
    scenarios: (seed) => [
      ...DEMO_INCIDENTS,
      ...randomScenarios(seed, { count: 8, horizonMs: 24 * HOUR, startOffsetMs: HOUR }),
    ],
  },
  /** The upstream scalability limits: 5,000 nodes and 150,000 pods. */
  large: {
    name: 'large',
    nodes: 5000,
    podsPerNode: 28,
    scenarios: (seed) => [
      ...DEMO_INCIDENTS,
      ...randomScenarios(seed, { count: 40, horizonMs: 24 * HOUR, startOffsetMs: 30 * MINUTE }),
    ],
  },
  /** Nothing goes wrong: the baseline. */
  quiet: { name: 'quiet', nodes: 12, podsPerNode: 8, scenarios: () => [] },
};

export function presetOf(preset: PresetName | Preset | undefined): Preset {
  if (preset === undefined) return PRESETS.default;
  if (typeof preset === 'string') {
    const found = PRESETS[preset];
    if (!found)
      throw new RangeError(`unknown preset "${String(preset)}"; try ${Object.keys(PRESETS).join(', ')}`);
    return found;
  }
  return preset;
}
