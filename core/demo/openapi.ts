import { createHash } from 'node:crypto';
import { servedResources } from './versions/codec.ts';

/**
 * A minimal OpenAPI v3 publication: one document per group/version listing each resource's
 * item path with its PATCH operation and the query parameters it takes. kubectl reads it before
 * `apply`/`create` to learn whether the server validates fields itself (`fieldValidation`); with
 * no OpenAPI at all it refuses to send anything ("failed to download openapi"). Schemas are not
 * published, so kubectl falls back to its built-in types for patch computation and `explain`
 * does not work.
 */

const QUERY_PARAMETERS = ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'pretty'].map((name) => ({
  name,
  in: 'query',
  schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
}));

/** `api/v1`, `apis/apps/v1`, ...: the keys of the /openapi/v3 index. */
function groupVersionPaths(): string[] {
  const paths = new Set<string>();
  for (const r of servedResources) paths.add(r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`);
  return [...paths];
}

export function groupVersionDocument(path: string, kubernetesVersion: string): object | undefined {
  const paths: Record<string, object> = {};
  for (const r of servedResources) {
    const base = r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`;
    if (base !== path || !r.verbs.includes('patch')) continue;
    const item = r.namespaced
      ? `/${base}/namespaces/{namespace}/${r.plural}/{name}`
      : `/${base}/${r.plural}/{name}`;
    paths[item] = {
      patch: {
        operationId: `patch${r.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: r.group, version: r.version, kind: r.kind },
        parameters: QUERY_PARAMETERS,
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  if (!groupVersionPaths().includes(path)) return undefined;
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: kubernetesVersion },
    paths,
    components: { schemas: {} },
  };
}

export function openApiIndex(kubernetesVersion: string): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const path of groupVersionPaths()) {
    const hash = createHash('sha512')
      .update(JSON.stringify(groupVersionDocument(path, kubernetesVersion)))
      .digest('hex')
      .toUpperCase()
      .slice(0, 128);
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
  }
  return { paths };
}
