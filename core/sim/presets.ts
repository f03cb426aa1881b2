import type { ScenarioSpec } from './scenarios/scenario.ts';

export type PresetName = 'default' | 'large' | 'quiet';

export interface Preset {
  readonly name: string;
  readonly nodes: number;
  /** Deployment pods per node; DaemonSets add two per node, the StatefulSet and Job a few more. */
  readonly podsPerNode: number;
  /** Incidents, relative to the start. */
  readonly scenarios: readonly ScenarioSpec[];
}

const MINUTE = 60_000;

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  default: { name: 'default', nodes: 12, podsPerNode: 8, scenarios: [] },
  large: { name: 'large', nodes: 5000, podsPerNode: 28, scenarios: [] },
  quiet: { name: 'quiet', nodes: 12, podsPerNode: 8, scenarios: [] },
};

void MINUTE;

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
