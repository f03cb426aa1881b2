import { resourceKey, type ApiResource } from '../../sim/store/api-resources.ts';
import { selfSubjectAccessReviewHandler } from '../auth/access-review.ts';
import { nodeMetricsHandler, podMetricsHandler } from '../metrics.ts';
import { nodeProxyHandler } from '../node-proxy.ts';
import { methodNotAllowed, pathNotFound } from '../status.ts';
import { bindingHandler } from '../subresources/binding.ts';
import { evictionHandler } from '../subresources/eviction.ts';
import { getScale, patchScale, updateScale } from '../subresources/scale.ts';
import type { ApiHandler } from './context.ts';
import { getObject, listObjects } from './read.ts';
import type { ResourceRequestInfo, Verb } from './request-info.ts';
import { watchObjects } from './watch.ts';
import {
  createHandler,
  deleteCollectionHandler,
  deleteHandler,
  patchHandler,
  updateHandler,
} from './write-handlers.ts';

/**
 * Which handler serves a (resource, subresource, verb): the generic REST verbs for every stored
 * resource, the subresources the resource table lists, and the few resources that are not
 * stored objects (metrics, access reviews).
 */

type VerbTable = Partial<Record<Verb, ApiHandler>>;

const STORED: VerbTable = {
  get: getObject,
  list: listObjects,
  watch: watchObjects,
  create: createHandler,
  update: updateHandler,
  patch: patchHandler,
  delete: deleteHandler,
  deletecollection: deleteCollectionHandler,
};

const SUBRESOURCES: Readonly<Record<string, VerbTable>> = {
  status: { get: getObject, update: updateHandler, patch: patchHandler },
  scale: { get: getScale, update: updateScale, patch: patchScale },
  eviction: { create: evictionHandler },
  binding: { create: bindingHandler },
};

/** Resources served by their own code rather than from the store. */
const SPECIAL: Readonly<Record<string, VerbTable>> = {
  'metrics.k8s.io/nodes': { get: nodeMetricsHandler, list: nodeMetricsHandler },
  'metrics.k8s.io/pods': { get: podMetricsHandler, list: podMetricsHandler },
  'authorization.k8s.io/selfsubjectaccessreviews': { create: selfSubjectAccessReviewHandler },
};

export function handlerFor(
  resource: ApiResource,
  info: ResourceRequestInfo & { verb: Verb },
  method: string,
  path: string,
): ApiHandler {
  // A namespace in the path of a cluster-scoped resource names nothing.
  if (!resource.namespaced && info.namespace && resource.plural !== 'namespaces') throw pathNotFound(path);
  let table: VerbTable;
  if (info.subresource === 'proxy' && resourceKey(resource) === '/nodes' && info.name) {
    // The node proxy reaches the node's kubelet; its Summary API is the one path served.
    table = { get: nodeProxyHandler };
  } else if (info.subresource) {
    if (!resource.subresources.includes(info.subresource)) throw pathNotFound(path);
    table = SUBRESOURCES[info.subresource] ?? {};
    if (!info.name) throw pathNotFound(path);
  } else {
    table = SPECIAL[resourceKey(resource)] ?? STORED;
    if (!resource.verbs.includes(info.verb) && table === STORED) throw methodNotAllowed(method, path);
  }
  // Creating a namespaced object needs its namespace in the path.
  if (info.verb === 'create' && resource.namespaced && !info.namespace) throw methodNotAllowed(method, path);
  const handler = table[info.verb];
  if (!handler) throw methodNotAllowed(method, path);
  return handler;
}
