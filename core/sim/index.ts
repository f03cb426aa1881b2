/**
 * core/sim's public surface: the simulated cluster (everything but the API server), its
 * presets and incidents, and the Kubernetes JSON helpers core/demo shares with it. Deeper
 * imports work too; this is what other folders are expected to need.
 */
export { createSimulation, Simulation, type RunOptions, type SimulationOptions } from './simulation.ts';
export { PRESETS, presetOf, type Preset, type PresetName } from './presets.ts';
export { randomScenarios, type RandomScenarioOptions } from './scenarios/random.ts';
export {
  SCENARIO_FAMILIES,
  type IncidentRecord,
  type IncidentTarget,
  type PrecursorStrength,
  type ScenarioFamily,
  type ScenarioSpec,
} from './scenarios/scenario.ts';
export type { NodeUsageSample, PodUsageSample, ContainerUsageSample } from './load/usage-model.ts';
export { METRICS_API_VERSION, nodeMetricsJson, podMetricsJson } from './metrics-json.ts';
export { EVENT_TTL_MS, EventRecorder, type EventOptions, type EventSource } from './events/recorder.ts';
export { podSpecDefaults, templateSpecDefaults, PRIORITY_CLASSES } from './objects/pod-defaults.ts';
export { newPodJson, runningPodJson } from './objects/pod-json.ts';
export { namespaceToJson, nodeToJson } from './objects/node-json.ts';
export { podTemplateHash } from './objects/template-hash.ts';
export { deletePod } from './runtime/pod-deletion.ts';
export { benchLargePreset, type LargePresetFigures } from './bench.ts';
export type * from './kube/types.ts';
