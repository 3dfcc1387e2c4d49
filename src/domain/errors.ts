/**
 * The domain's typed refusals: each carries one of the contract's stable codes; the adapters
 * (Fastify, msw) answer them as `{ error: { code, message, details } }` with the code's status.
 */
import type { ErrorCode } from '../contract/index.ts';
import { isSignedIn, type Actor } from '../core/index.ts';

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

/** A refusal the client can act on; `code` is one of the contract's stable codes. */
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

type SignedIn = Extract<Actor, { memberId: number }>;

/** The services' gate for writes and staff reads: 401 for a guest, the signed-in actor otherwise. */
export function ensureSignedIn(actor: Actor, signIn = 'Sign in to do this.'): SignedIn {
  if (!isSignedIn(actor)) throw new ApiError('unauthorized', signIn);
  return actor;
}

/** `ensureSignedIn`, then 403 with `refusal` unless the core rule `can` allows the actor. */
export function ensureAllowed(actor: Actor, can: (actor: Actor) => boolean, refusal: string, signIn?: string): SignedIn {
  const member = ensureSignedIn(actor, signIn);
  if (!can(member)) throw new ApiError('forbidden', refusal);
  return member;
}

export const notFound = (what: string) => new ApiError('not_found', `${what} does not exist.`);

