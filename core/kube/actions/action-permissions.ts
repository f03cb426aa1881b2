import type { Permission } from './rbac-check.ts';

/**
 * The permissions each action needs, checked with SelfSubjectAccessReview before the preview,
 * so a forbidden action is shown disabled with the missing verb and resource.
 */

export const nodePatchPermission = (node: string): Permission => ({
  verb: 'patch',
  group: '',
  resource: 'nodes',
  name: node,
});

/** Cordon, then evict (or delete) in each namespace that has pods on the node. */
export function drainPermissions(
  node: string,
  namespaces: readonly string[],
  disableEviction: boolean,
): Permission[] {
  const perNamespace = [...new Set(namespaces)]
    .sort()
    .map((namespace): Permission =>
      disableEviction
        ? { verb: 'delete', group: '', resource: 'pods', namespace }
        : { verb: 'create', group: '', resource: 'pods', subresource: 'eviction', namespace },
    );
  return [nodePatchPermission(node), ...perNamespace];
}

/** Scaling goes through the workload's scale subresource. */
export function scalePermission(
  group: string,
  resource: string,
  namespace: string,
  name: string,
): Permission {
  return { verb: 'patch', group, resource, subresource: 'scale', namespace, name };
}

export function hpaPatchPermission(namespace: string, name: string): Permission {
  return { verb: 'patch', group: 'autoscaling', resource: 'horizontalpodautoscalers', namespace, name };
}
