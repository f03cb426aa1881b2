import { randomScenarios, type IncidentRecord, type ScenarioFamily } from '../sim/index.ts';
import type { ExperimentPlan } from './experiment.ts';
import type { NodeHistory } from './node-history.ts';
import { simulateHistory } from './sim-history.ts';

/*
 * The simulated clusters every experiment trains, thresholds and is judged on: one seed, the
 * scenario families allowed, randomized incidents at the plan's rate and severity.
 */
const HOUR = 3_600_000;

/** What a simulated cluster needs of a plan; without timescales, the families' own (short) ones. */
export type ClusterPlan = Pick<ExperimentPlan, 'nodes' | 'hours' | 'incidentsPerDay' | 'severity'> &
  Partial<Pick<ExperimentPlan, 'timescales'>>;

/** One simulated cluster's history with randomized incidents of the given families. */
export function simulatedClusterHistory(
  seed: number,
  families: readonly ScenarioFamily[],
  plan: ClusterPlan,
): NodeHistory[] {
  return simulatedCluster(seed, families, plan).nodes;
}

/**
 * The same, with the simulator's ground truth of when each incident's cause began. Node names are
 * qualified by the cluster's seed ("7/node-01"), in the histories and the causes alike: every
 * simulated cluster has a node-01 and starts at the same time, so once clusters are pooled an
 * incident must not be matched to a cause on another cluster's node of the same name.
 */
export function simulatedCluster(
  seed: number,
  families: readonly ScenarioFamily[],
  plan: ClusterPlan,
): { nodes: NodeHistory[]; incidents: IncidentRecord[] } {
  const qualified = (node: string) => `${seed}/${node}`;
  const { nodes, incidents } = simulatedClusterOnce(seed, families, plan);
  return {
    nodes: nodes.map((history) => ({ ...history, node: qualified(history.node) })),
    incidents: incidents.map((incident) =>
      incident.node === undefined ? incident : { ...incident, node: qualified(incident.node) },
    ),
  };
}

function simulatedClusterOnce(
  seed: number,
  families: readonly ScenarioFamily[],
  plan: ClusterPlan,
): { nodes: NodeHistory[]; incidents: IncidentRecord[] } {
  const scenarios = randomScenarios(seed, {
    families,
    count: Math.round((plan.incidentsPerDay * plan.hours) / 24),
    horizonMs: (plan.hours - 2) * HOUR,
    startOffsetMs: HOUR,
    severity: plan.severity,
    ...(plan.timescales ? { timescales: plan.timescales } : {}),
  });
  return simulateHistory({
    seed,
    nodes: plan.nodes,
    durationMs: plan.hours * HOUR,
    preset: 'quiet',
    scenarios,
  });
}
