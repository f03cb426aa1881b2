import type { IncidentFactory, ScenarioFamily } from './scenario.ts';

/** Each family's factory, by name. */
export const INCIDENT_FACTORIES: Readonly<Record<ScenarioFamily, IncidentFactory>> = {
  memoryLeak: () => undefined,
  diskFill: () => undefined,
  noisyNeighbour: () => undefined,
  networkDegradation: () => undefined,
  kubeletCrashLoop: () => undefined,
  hardwareFailure: () => undefined,
  trafficSurge: () => undefined,
};
