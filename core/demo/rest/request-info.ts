import { badRequest } from '../status.ts';

/**
 * A request path read the way kube-apiserver's RequestInfoFactory reads it:
 * `/api/v1/namespaces/{ns}/{resource}/{name}/{subresource}` and `/apis/{group}/{version}/...`,
 * plus the legacy `/watch/` prefix. Anything else is not a resource request.
 */
export interface ResourceRequestInfo {
  group: string;
  version: string;
  /** Empty for cluster-scoped requests and lists across all namespaces. */
  namespace: string;
  resource: string;
  name: string;
  subresource: string;
  /** What follows `/proxy/` in a proxy request (e.g. `stats/summary` of nodes/{name}/proxy/...). */
  proxyPath?: string;
  verb: Verb | 'unsupported';
}

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

/** Namespace subresources: `/namespaces/x/status` is the namespace's status, not a resource. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** Undefined when the path is not under /api/v1 or /apis/<group>/<version> with a resource. */
export function parseResourcePath(
  method: string,
  path: string,
  query: URLSearchParams,
): ResourceRequestInfo | undefined {
  let parts: string[];
  try {
    parts = path
      .split('/')
      .filter((p) => p !== '')
      .map((p) => decodeURIComponent(p));
  } catch {
    throw badRequest(`malformed path: ${path}`);
  }
  let group: string;
  let version: string;
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1] as string;
    parts = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1] as string;
    version = parts[2] as string;
    parts = parts.slice(3);
  } else {
    return undefined;
  }

  let watchPath = false;
  if (parts[0] === 'watch') {
    watchPath = true;
    parts = parts.slice(1);
  }
  let namespace = '';
  if (parts[0] === 'namespaces' && parts.length > 1) {
    namespace = parts[1] as string;
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2] as string)) parts = parts.slice(2);
  }
  // A proxy subresource carries the path to pass on after it, as kube-apiserver reads it.
  let proxyPath: string | undefined;
  if (parts.length > 3 && parts[2] === 'proxy') {
    proxyPath = parts.slice(3).join('/');
    parts = parts.slice(0, 3);
  }
  if (parts.length === 0 || parts.length > 3) return undefined;
  const [resource = '', name = '', subresource = ''] = parts;
  // `/api/v1/namespaces/x` names namespace x; it is not "inside" namespace x.
  if (resource === 'namespaces') namespace = '';

  const watchQuery = query.get('watch') === 'true' || query.get('watch') === '1';
  let verb: Verb | 'unsupported';
  switch (method) {
    case 'GET':
    case 'HEAD':
      verb = watchPath || watchQuery ? 'watch' : name ? 'get' : 'list';
      break;
    case 'POST':
      verb = 'create';
      break;
    case 'PUT':
      verb = 'update';
      break;
    case 'PATCH':
      verb = 'patch';
      break;
    case 'DELETE':
      verb = name ? 'delete' : 'deletecollection';
      break;
    default:
      // OPTIONS and friends: the caller answers 405.
      verb = 'unsupported';
  }
  return {
    group,
    version,
    namespace,
    resource,
    name,
    subresource,
    ...(proxyPath !== undefined ? { proxyPath } : {}),
    verb,
  };
}
