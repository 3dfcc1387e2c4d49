import type { ErrorCode } from '../contract/index.ts';

/** Codes of failures that never reached an HTTP answer. */
export type ClientErrorCode = 'network_error' | 'aborted' | 'invalid_response';

/**
 * Every failure of an SDK call. `status` is 0 when no HTTP answer came back
 * (`network_error`, `aborted`); otherwise `code` is the server's stable error code.
 */
export class EntraideError extends Error {
  override readonly name = 'EntraideError';
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: unknown;
  /** Method and path of the request, never its token. */
  readonly request: string;

  constructor(init: { status: number; code: ErrorCode | ClientErrorCode; message: string; request: string; details?: unknown; cause?: unknown }) {
    super(init.message, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.request = init.request;
  }
}

export function isEntraideError(value: unknown): value is EntraideError {
  return value instanceof EntraideError;
}
