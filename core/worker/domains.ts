import type { WorkerDomainFactory } from './domain.ts';
import { actionsDomain } from './actions-domain.ts';
import { placementDomain } from './placement-domain.ts';
import { riskDomain } from './risk-domain.ts';
import { scalingDomain } from './scaling-domain.ts';
import { nodesDomain } from './nodes-domain.ts';

/** The domains the worker serves besides collection and reports. Add one line per domain. */
export const domainFactories: readonly WorkerDomainFactory[] = [
  riskDomain,
  actionsDomain,
  placementDomain,
  scalingDomain,
  nodesDomain,
];
