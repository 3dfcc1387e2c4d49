import type { ErrorCode } from '../contract/errors.ts';

/** A refusal with the contract's error code; the handlers turn it into a JSON error body. */
export class MockApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(status: number, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}
