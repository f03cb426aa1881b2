import type { KubeJson } from './kube-json.ts';

/** What an action needs to be allowed to do, as SelfSubjectAccessReview's resourceAttributes name it. */
export interface Permission {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  /** Empty for cluster-scoped resources (or "in every namespace"). */
  namespace?: string;
  name?: string;
}

export interface PermissionDenial {
  permission: Permission;
  /** The authorizer's reason, when it gave one. */
  reason: string;
}

/** "patch nodes", "create pods/eviction in namespace shop": the words the UI and CLI show. */
export function describePermission(permission: Permission): string {
  const resource = permission.subresource
    ? `${permission.resource}/${permission.subresource}`
    : permission.resource;
  const qualified = permission.group ? `${resource}.${permission.group}` : resource;
  const scope = permission.namespace ? ` in namespace ${permission.namespace}` : '';
  return `${permission.verb} ${qualified}${scope}`;
}

/** Asks the API server (SelfSubjectAccessReview) whether the current user may do one thing. */
export async function checkPermission(
  api: KubeJson,
  permission: Permission,
): Promise<PermissionDenial | undefined> {
  const review = await api.post<{ status?: { allowed?: boolean; reason?: string; denied?: boolean } }>(
    '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: {
        resourceAttributes: {
          verb: permission.verb,
          group: permission.group,
          resource: permission.resource,
          ...(permission.subresource ? { subresource: permission.subresource } : {}),
          ...(permission.namespace ? { namespace: permission.namespace } : {}),
          ...(permission.name ? { name: permission.name } : {}),
        },
      },
    },
  );
  if (review.status?.allowed === true) return undefined;
  return { permission, reason: review.status?.reason ?? '' };
}

/** Every denial among the permissions, in order (all are asked, so the message names them all). */
export async function missingPermissions(
  api: KubeJson,
  permissions: readonly Permission[],
): Promise<PermissionDenial[]> {
  const answers = await Promise.all(permissions.map((permission) => checkPermission(api, permission)));
  return answers.filter((answer): answer is PermissionDenial => answer !== undefined);
}

/** One sentence for a refusal: what is missing, and what to do about it. */
export function refusalMessage(action: string, user: string, denials: readonly PermissionDenial[]): string {
  const missing = denials.map((d) => describePermission(d.permission)).join(', ');
  return (
    `${action} is not allowed for ${user}: it may not ${missing}. ` +
    'Nothing was changed. Use a context whose user has these permissions, or ask a cluster admin for them.'
  );
}
