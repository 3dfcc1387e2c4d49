/**
 * The typed refusal every layer shares: one of the API's stable codes, its HTTP status and a
 * message. Core throws it (the guardian's `ensure…`), the domain's services throw it, and the
 * adapters (Fastify, msw) answer it as `{ error: { code, message, details } }` with its status.
 */

/** Every error the API answers with; clients switch on `code`, never on `message`. */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'unavailable',
  /** A system the server depends on (the brand's back office) failed or did not answer in time. */
  'upstream_failed',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const STATUS_OF: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  upstream_failed: 502,
};

/** A refusal the client can act on; `code` is one of the API's stable codes. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly statusCode: number;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
    this.statusCode = STATUS_OF[code];
  }
}
