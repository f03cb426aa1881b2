import type { Session } from 'electron';

import { CONTENT_SECURITY_POLICY } from '../core/web/content-security-policy.ts';

export {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
} from '../core/web/content-security-policy.ts';

/**
 * Adds the policy to a response's headers. A policy the response already carries is kept:
 * several policies all apply, so keeping one can only make the result stricter.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string = CONTENT_SECURITY_POLICY,
): Record<string, string[]> {
  const result: Record<string, string[]> = { ...headers };
  const existingKey = Object.keys(result).find((key) => key.toLowerCase() === 'content-security-policy');
  const key = existingKey ?? 'Content-Security-Policy';
  result[key] = [...(result[key] ?? []), policy];
  return result;
}

/** Adds the policy to every HTTP(S) response the session receives. */
export function installContentSecurityPolicy(
  session: Pick<Session, 'webRequest'>,
  policy: string = CONTENT_SECURITY_POLICY,
): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}
