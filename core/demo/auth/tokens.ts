import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh bearer token: 32 random bytes, URL-safe, so it survives YAML and headers untouched. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True when the Authorization header carries exactly this bearer token. */
export function hasBearerToken(authorization: string | undefined, token: string): boolean {
  if (!authorization) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return false;
  const given = Buffer.from(match[1] as string);
  const expected = Buffer.from(token);
  // Constant time, so response timing does not reveal how much of a guess was right.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The user whose token the Authorization header carries, or undefined (401). */
export function authenticate<U>(
  authorization: string | undefined,
  tokens: readonly { token: string; user: U }[],
): U | undefined {
  // Every token is compared, so timing does not reveal which one nearly matched.
  let found: U | undefined;
  for (const { token, user } of tokens) if (hasBearerToken(authorization, token)) found = user;
  return found;
}
