import type { z } from 'zod';
import { contractError, type ContractError } from './errors.ts';
import { requestEnvelopeSchema, type RequestId } from './envelope.ts';
import { isMethodName, methods, type MethodName, type ParamsOf } from './methods.ts';

export type ValidRequest = { id: RequestId; method: MethodName; params: ParamsOf<MethodName> };

export type Validation =
  { ok: true; request: ValidRequest } | { ok: false; id: RequestId | null; error: ContractError };

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function idOf(raw: unknown): RequestId | null {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return null;
}

/**
 * Checks anything that arrives from a transport against the contract. Never throws: whatever
 * comes in, the caller gets either a valid request or a typed BadRequest/UnknownMethod error.
 */
export function validateRequest(raw: unknown): Validation {
  const envelope = requestEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return {
      ok: false,
      id: idOf(raw),
      error: contractError(
        'BadRequest',
        `Malformed request: ${describeIssues(envelope.error.issues)}`,
        'Send {kind: "request", id, method, params}.',
      ),
    };
  }
  const { id, method } = envelope.data;
  if (!isMethodName(method)) {
    return {
      ok: false,
      id,
      error: contractError(
        'UnknownMethod',
        `Unknown method "${method}".`,
        `Known methods: ${Object.keys(methods).join(', ')}.`,
      ),
    };
  }
  const params = methods[method].params.safeParse(envelope.data.params ?? {});
  if (!params.success) {
    return {
      ok: false,
      id,
      error: contractError(
        'BadRequest',
        `Invalid params for ${method}: ${describeIssues(params.error.issues)}`,
      ),
    };
  }
  return { ok: true, request: { id, method, params: params.data } };
}
