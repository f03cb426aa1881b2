import { contractError, errorReply, type ErrorReply } from '../../../core/contract/index.ts';

/**
 * Failures of the link itself are reported as contract error replies, so callers handle one
 * shape whether the backend refused a request or the request never reached it.
 */
export function timeoutReply(id: string | number | null, method: string, timeoutMs: number): ErrorReply {
  return errorReply(
    id,
    contractError(
      'Unavailable',
      `No reply to ${method} within ${Math.round(timeoutMs / 1000)} s.`,
      'The Foresight host may be busy or stopped; the request was abandoned.',
    ),
  );
}

export function linkLostReply(id: string | number | null, method: string): ErrorReply {
  return errorReply(
    id,
    contractError(
      'Unavailable',
      `The link to the Foresight host dropped before ${method} was answered.`,
      'Foresight reconnects by itself; try again once the link is back.',
    ),
  );
}

export function hostFailureReply(id: string | number | null, method: string, cause: unknown): ErrorReply {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return errorReply(id, contractError('Unavailable', `The host could not deliver ${method}: ${reason}`));
}

/** Reads the id and method of an outgoing envelope without trusting its shape. */
export function describeEnvelope(envelope: unknown): { id: string | number | null; method: string } {
  if (!envelope || typeof envelope !== 'object') return { id: null, method: '(malformed request)' };
  const { id, method } = envelope as { id?: unknown; method?: unknown };
  return {
    id: typeof id === 'string' || typeof id === 'number' ? id : null,
    method: typeof method === 'string' ? method : '(unnamed method)',
  };
}
