import { z } from 'zod';

/**
 * Every failure that crosses the contract has one of these codes, so the UI can decide what to
 * show without parsing messages. `hint` says what the user can do about it.
 */
export const errorCodes = [
  'BadRequest', // the request did not match the contract's schema
  'UnknownMethod', // no such method in the contract
  'Unavailable', // the backend or its worker is not running (yet, or any more)
  'ClusterError', // the cluster answered with an error or could not be reached
  'StoreError', // the history database could not answer
  'Internal', // a bug: the message says where
] as const;

export const contractErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  hint: z.string().optional(),
  details: z.unknown().optional(),
});

export type ContractError = z.infer<typeof contractErrorSchema>;
export type ContractErrorCode = ContractError['code'];

export function contractError(
  code: ContractErrorCode,
  message: string,
  hint?: string,
  details?: unknown,
): ContractError {
  return { code, message, ...(hint ? { hint } : {}), ...(details !== undefined ? { details } : {}) };
}
