import { diskFill } from './disk-fill.ts';
import { hardwareFailure } from './hardware-failure.ts';
import { kubeletCrashLoop } from './kubelet-crash-loop.ts';
import { memoryLeak } from './memory-leak.ts';
import { networkDegradation } from './network-degradation.ts';
import { noisyNeighbour } from './noisy-neighbour.ts';
import type { IncidentFactory, ScenarioFamily } from './scenario.ts';
import { trafficSurge } from './traffic-surge.ts';

/** Each family's factory, by name. */
export const INCIDENT_FACTORIES: Readonly<Record<ScenarioFamily, IncidentFactory>> = {
  memoryLeak,
  diskFill,
  noisyNeighbour,
  networkDegradation,
  kubeletCrashLoop,
  hardwareFailure,
  trafficSurge,
};
