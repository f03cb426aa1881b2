import { createSimulation, type SimulationOptions } from '../sim/simulation.ts';
import { isClusterBackend, type ClusterBackend } from './cluster-backend.ts';
import { legacySimulationBackend } from './legacy/sim-backend.ts';

/** An incident to stage: a scenario family of core/sim and when it begins after the start. */
export interface ScenarioRequest {
  family: string;
  onsetMs: number;
  /** How long the cause lasts once started (absent: until it ends by itself, if it does). */
  durationMs?: number;
  /** The node it hits (absent: the simulator picks one at the onset). */
  target?: { node: string };
}

export interface DefaultBackendOptions {
  seed?: number;
  nodes?: number;
  podsPerNode?: number;
  speed?: number;
  /** A preset of core/sim (its names are the simulator's to check). */
  preset?: string;
  scenarios?: readonly ScenarioRequest[];
}

/**
 * The cluster the demo server runs when it is given none: core/sim's Simulation. When the
 * Simulation keeps its cluster in an ObjectStore and drives it with controllers, it is the
 * backend as it is; today's Simulation (planned records only) is converted into a store once.
 */
export function createDefaultBackend(options: DefaultBackendOptions = {}): ClusterBackend {
  const requested: Record<string, unknown> = {};
  for (const key of ['seed', 'nodes', 'podsPerNode', 'speed', 'preset', 'scenarios'] as const) {
    if (options[key] !== undefined) requested[key] = options[key];
  }
  // Presets and scenarios pass straight through: the simulator names them and checks them.
  const simulation = createSimulation(requested as SimulationOptions);
  if (isClusterBackend(simulation)) return simulation;
  if (options.preset !== undefined || (options.scenarios?.length ?? 0) > 0) {
    throw new Error('this build of the simulator has no presets or scenarios yet');
  }
  return legacySimulationBackend(simulation);
}
