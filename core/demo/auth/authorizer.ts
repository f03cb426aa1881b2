import { forbidden, qualifiedResource, type ApiError } from '../status.ts';

/**
 * Who a request is from and what they may do. The demo has two users, like a cluster set up
 * with a cluster-admin binding and a read-only `view`-style binding: `admin` may do anything,
 * `viewer` may read everything and change nothing.
 */
export interface UserInfo {
  name: string;
  groups: readonly string[];
}

export const ADMIN_USER: UserInfo = { name: 'admin', groups: ['system:masters', 'system:authenticated'] };
export const VIEWER_USER: UserInfo = {
  name: 'viewer',
  groups: ['foresight:viewers', 'system:authenticated'],
};

/** What a request asks to do, as SubjectAccessReview's resourceAttributes name it. */
export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
}

export interface Decision {
  allowed: boolean;
  /** Why, in RBAC's words; empty when nothing in particular applies. */
  reason: string;
}

/** A rule that denies what it matches, whoever asks (fault injection: "403 on a named resource"). */
export interface DenyRule {
  resource: string;
  name?: string;
  namespace?: string;
  verbs?: readonly string[];
}

const READ_VERBS = new Set(['get', 'list', 'watch']);

export class Authorizer {
  /** Rules consulted before the users' own permissions (see faults.ts). */
  denyRules: readonly DenyRule[] = [];

  authorize(user: UserInfo, attributes: ResourceAttributes): Decision {
    for (const rule of this.denyRules) {
      // A rule naming a subresource ("nodes/proxy") denies only it; one naming a resource, all of it.
      const resource = rule.resource.includes('/')
        ? `${attributes.resource}/${attributes.subresource}`
        : attributes.resource;
      if (
        rule.resource === resource &&
        (rule.name === undefined || rule.name === attributes.name) &&
        (rule.namespace === undefined || rule.namespace === attributes.namespace) &&
        (rule.verbs === undefined || rule.verbs.includes(attributes.verb))
      ) {
        return { allowed: false, reason: 'denied by a Foresight fault rule' };
      }
    }
    if (user.groups.includes('system:masters')) {
      return {
        allowed: true,
        reason:
          'RBAC: allowed by ClusterRoleBinding "foresight-admin" of ClusterRole "cluster-admin" to User "admin"',
      };
    }
    // Everyone may ask what they may do, as system:basic-user allows.
    if (
      attributes.group === 'authorization.k8s.io' &&
      attributes.resource === 'selfsubjectaccessreviews' &&
      attributes.verb === 'create'
    ) {
      return { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "system:basic-user"' };
    }
    if (user.groups.includes('foresight:viewers') && READ_VERBS.has(attributes.verb)) {
      return {
        allowed: true,
        reason:
          'RBAC: allowed by ClusterRoleBinding "foresight-viewer" of ClusterRole "view" to User "viewer"',
      };
    }
    return { allowed: false, reason: '' };
  }

  /** Non-resource paths (discovery, /version, /openapi): readable by every authenticated user. */
  authorizePath(user: UserInfo, verb: string): Decision {
    return {
      allowed: user.groups.includes('system:authenticated') && (verb === 'get' || verb === 'head'),
      reason: '',
    };
  }
}

/**
 * kube-apiserver's Forbidden message (apiserver/pkg/endpoints/handlers/responsewriters):
 * `pods "x" is forbidden: User "viewer" cannot delete resource "pods" in API group "" in the
 * namespace "default"`.
 */
export function forbiddenError(user: UserInfo, attributes: ResourceAttributes, reason: string): ApiError {
  const resource = attributes.subresource
    ? `${attributes.resource}/${attributes.subresource}`
    : attributes.resource;
  const subject = qualifiedResource(attributes.resource, attributes.group);
  const what = attributes.name ? `${subject} "${attributes.name}"` : subject;
  const scope = attributes.namespace ? `in the namespace "${attributes.namespace}"` : 'at the cluster scope';
  const message = `${what} is forbidden: User "${user.name}" cannot ${attributes.verb} resource "${resource}" in API group "${attributes.group}" ${scope}${reason ? `: ${reason}` : ''}`;
  return forbidden(message, {
    ...(attributes.name ? { name: attributes.name } : {}),
    group: attributes.group,
    kind: attributes.resource,
  });
}
