import type { ContractError, ContractErrorCode } from '../../../core/contract/index.ts';

/** A failed `api.call`, carrying the contract's error so the UI can branch on `code`. */
export class ApiError extends Error {
  readonly code: ContractErrorCode;
  readonly hint: string | undefined;

  constructor(
    readonly method: string,
    readonly error: ContractError,
  ) {
    super(`${method}: ${error.message}`);
    this.name = 'ApiError';
    this.code = error.code;
    this.hint = error.hint;
  }
}

/** Words for any failure, for banners: the contract's message and hint when there is one. */
export function describeFailure(cause: unknown): string {
  if (cause instanceof ApiError)
    return cause.hint ? `${cause.error.message} ${cause.hint}` : cause.error.message;
  return cause instanceof Error ? cause.message : String(cause);
}
