import { jsonReply, type Reply } from '../respond.ts';
import { isRecord, parseObjectBody } from '../rest/body.ts';
import type { ApiContext, ApiRequest } from '../rest/context.ts';
import { badRequest } from '../status.ts';

/**
 * POST selfsubjectaccessreviews (authorization.k8s.io/v1): "may I?" for the caller's own token,
 * which is what `kubectl auth can-i` sends. Answered by the same authorizer that guards requests.
 */
export async function selfSubjectAccessReviewHandler(ctx: ApiContext, req: ApiRequest): Promise<Reply> {
  const body = parseObjectBody(await req.body(), req.headers['content-type']);
  const review = isRecord(body) ? body : {};
  const spec = isRecord(review.spec) ? review.spec : {};
  const str = (source: Record<string, unknown>, key: string) =>
    typeof source[key] === 'string' ? (source[key] as string) : '';
  let decision;
  if (isRecord(spec.resourceAttributes)) {
    const attributes = spec.resourceAttributes;
    decision = ctx.authorizer.authorize(req.user, {
      verb: str(attributes, 'verb'),
      group: str(attributes, 'group'),
      resource: str(attributes, 'resource'),
      subresource: str(attributes, 'subresource'),
      namespace: str(attributes, 'namespace'),
      name: str(attributes, 'name'),
    });
  } else if (isRecord(spec.nonResourceAttributes)) {
    decision = ctx.authorizer.authorizePath(req.user, str(spec.nonResourceAttributes, 'verb'));
  } else {
    throw badRequest(
      'SelfSubjectAccessReview: exactly one of resourceAttributes and nonResourceAttributes is required',
    );
  }
  return jsonReply(
    {
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec,
      status: { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) },
    },
    201,
  );
}
