import type { Simulation } from '../sim/simulation.ts';
import { jsonReply } from './respond.ts';
import type { Router } from './router.ts';

/**
 * Discovery: what clients read before anything else to learn which resources exist and how they
 * are called. kubectl maps `get nodes` and `top nodes` through these documents. The server
 * answers the legacy (v1) discovery format; clients asking for aggregated discovery fall back to it.
 */

export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_VERSION = 'v1beta1';
const METRICS_GROUP_VERSION = `${METRICS_GROUP}/${METRICS_VERSION}`;

interface ApiResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

/** Only the verbs the demo really serves: clients must not be told they can watch. */
const READ = ['get', 'list'];

export const CORE_V1_RESOURCES: readonly ApiResource[] = [
  {
    name: 'namespaces',
    singularName: 'namespace',
    namespaced: false,
    kind: 'Namespace',
    verbs: READ,
    shortNames: ['ns'],
  },
  { name: 'nodes', singularName: 'node', namespaced: false, kind: 'Node', verbs: READ, shortNames: ['no'] },
  {
    name: 'pods',
    singularName: 'pod',
    namespaced: true,
    kind: 'Pod',
    verbs: READ,
    shortNames: ['po'],
    categories: ['all'],
  },
];

export const METRICS_RESOURCES: readonly ApiResource[] = [
  { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: READ },
  { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: READ },
];

const metricsGroup = {
  name: METRICS_GROUP,
  versions: [{ groupVersion: METRICS_GROUP_VERSION, version: METRICS_VERSION }],
  preferredVersion: { groupVersion: METRICS_GROUP_VERSION, version: METRICS_VERSION },
};

export function versionInfo(kubernetesVersion: string) {
  const [major = '1', minor = '0'] = kubernetesVersion.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion: kubernetesVersion,
    gitCommit: 'a78aa47129b8539636eb86a9d00e31b2720fe06b',
    gitTreeState: 'clean',
    buildDate: '2024-12-10T18:44:20Z',
    goVersion: 'go1.22.9',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function addDiscoveryRoutes(router: Router, sim: Simulation): void {
  router
    .add('/version', { GET: () => jsonReply(versionInfo(sim.cluster.kubernetesVersion)) })
    .add('/api', {
      GET: (ctx) =>
        jsonReply({
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: ctx.headers.host ?? '' }],
        }),
    })
    .add('/api/v1', {
      GET: () =>
        jsonReply({
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion: 'v1',
          resources: CORE_V1_RESOURCES,
        }),
    })
    .add('/apis', {
      GET: () => jsonReply({ kind: 'APIGroupList', apiVersion: 'v1', groups: [metricsGroup] }),
    })
    .add(`/apis/${METRICS_GROUP}`, {
      GET: () => jsonReply({ kind: 'APIGroup', apiVersion: 'v1', ...metricsGroup }),
    })
    .add(`/apis/${METRICS_GROUP_VERSION}`, {
      GET: () =>
        jsonReply({
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion: METRICS_GROUP_VERSION,
          resources: METRICS_RESOURCES,
        }),
    });
}
