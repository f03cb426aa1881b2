import type { ApiResource } from '../sim/store/api-resources.ts';
import { servedResources } from './versions/codec.ts';

/**
 * Discovery: what clients read before anything else to learn which resources exist and how they
 * are called. kubectl maps `get deploy`, `top nodes` and `drain` (which looks for the
 * pods/eviction subresource) through these documents. Built from the resource table, so every
 * resource the store holds is announced with its verbs, short names, categories and subresources.
 * The server answers the legacy (v1) discovery format; clients asking for aggregated discovery
 * fall back to it.
 */

interface DiscoveryResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: readonly string[];
  shortNames?: readonly string[];
  categories?: readonly string[];
}

/** How each subresource is served: its verbs, and its own kind where it has one. */
const SUBRESOURCES: Readonly<
  Record<string, { verbs: readonly string[]; group?: string; version?: string; kind?: string }>
> = {
  status: { verbs: ['get', 'patch', 'update'] },
  scale: { verbs: ['get', 'patch', 'update'], group: 'autoscaling', version: 'v1', kind: 'Scale' },
  eviction: { verbs: ['create'], group: 'policy', version: 'v1', kind: 'Eviction' },
  binding: { verbs: ['create'], kind: 'Binding' },
};

export function resourceList(group: string, version: string): DiscoveryResource[] {
  const out: DiscoveryResource[] = [];
  for (const resource of servedResources) {
    if (resource.group !== group || resource.version !== version) continue;
    out.push({
      name: resource.plural,
      singularName: resource.singular,
      namespaced: resource.namespaced,
      kind: resource.kind,
      verbs: resource.verbs,
      ...(resource.shortNames.length > 0 ? { shortNames: resource.shortNames } : {}),
      ...(resource.categories ? { categories: resource.categories } : {}),
    });
    for (const sub of resource.subresources) {
      const served = SUBRESOURCES[sub];
      if (!served) continue;
      out.push({
        name: `${resource.plural}/${sub}`,
        singularName: '',
        namespaced: resource.namespaced,
        ...(served.group !== undefined ? { group: served.group, version: served.version } : {}),
        kind: served.kind ?? resource.kind,
        verbs: served.verbs,
      });
    }
  }
  return out;
}

/** The named groups with their versions, preferred first (core is served at /api, not here). */
export function apiGroups(): { name: string; versions: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const resource of servedResources) {
    if (resource.group === '') continue;
    const versions = groups.get(resource.group) ?? [];
    if (!versions.includes(resource.version)) versions.push(resource.version);
    groups.set(resource.group, versions);
  }
  return [...groups].map(([name, versions]) => ({ name, versions }));
}

export function apiGroupJson(group: { name: string; versions: string[] }) {
  const versions = group.versions.map((version) => ({ groupVersion: `${group.name}/${version}`, version }));
  return { name: group.name, versions, preferredVersion: versions[0] };
}

export function isServedGroupVersion(group: string, version: string): boolean {
  return servedResources.some((r) => r.group === group && r.version === version);
}

/** The resource a path's group, version and plural name, if the server has it. */
export function servedResource(group: string, version: string, plural: string): ApiResource | undefined {
  return servedResources.find((r) => r.group === group && r.version === version && r.plural === plural);
}

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
