/** Runs one staged incident on a small cluster for the scenario tests. Not a test file. */
import type { CoreEvent, Node, Pod } from '../kube/types.ts';
import type { IncidentRecord, ScenarioSpec } from '../scenarios/scenario.ts';
import { createSimulation, type Simulation } from '../simulation.ts';
import { keys } from '../store/api-resources.ts';

export const SCENARIO_START = Date.UTC(2025, 5, 3, 9, 0, 0);
export const MINUTE = 60_000;

export interface ScenarioRun {
  sim: Simulation;
  incident: IncidentRecord;
  events(reason?: string): CoreEvent[];
  node(name: string): Node;
  pod(namespace: string, name: string): Pod | undefined;
}

/**
 * Starts the incident one minute in, then steps `minutes`, calling `sample` every `everyMs`
 * (after the onset) so tests can follow metrics on the way.
 */
export function runScenario(
  spec: Omit<ScenarioSpec, 'onsetMs'>,
  minutes: number,
  sample?: (sim: Simulation, incident: IncidentRecord | undefined) => void,
  everyMs = 30_000,
  seed = 3,
): ScenarioRun {
  const sim = createSimulation({
    seed,
    nodes: 5,
    podsPerNode: 8,
    startMs: SCENARIO_START,
    scenarios: [{ ...spec, onsetMs: MINUTE }],
  });
  sim.advance(MINUTE);
  for (let t = 0; t < minutes * MINUTE; t += everyMs) {
    sim.advance(everyMs);
    sample?.(sim, sim.incidents()[0]);
  }
  const incident = sim.incidents()[0];
  if (!incident) throw new Error('the incident did not start');
  return {
    sim,
    incident,
    events: (reason) =>
      (sim.store.list(keys.events) as CoreEvent[]).filter((e) => reason === undefined || e.reason === reason),
    node: (name) => sim.store.get(keys.nodes, undefined, name) as Node,
    pod: (namespace, name) => sim.store.get(keys.pods, namespace, name) as Pod | undefined,
  };
}

/** Least-squares slope of (x, y) points, per unit of x. */
export function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  if (n < 2) return 0;
  let sx = 0;
  let sy = 0;
  for (const [x, y] of points) {
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
