import rateLimit from '@fastify/rate-limit';
import { ApiError, isSignedIn } from '../core/index.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../domain/database.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';

/** Turns a failed sign-in into the error to answer, after counting it against the caller's IP. */
export type FailedAuthCounter = (request: FastifyRequest, error: unknown) => Promise<never>;

/**
 * Requests per minute per signed-in member, or per IP for guests (answered 429 with
 * Retry-After). Runs after the actor is known, so one busy office IP does not starve its members.
 * A request whose token fails is counted in its IP's bucket, the one guests from there share:
 * past the limit it gets 429 instead of 401, while members signed in from that IP keep theirs.
 * On PostgreSQL the counters live in the database, so that several processes behind one load
 * balancer share them; on PGlite (one process) in memory.
 */
export async function installRateLimit(api: FastifyInstance, perMinute: number, db: Database): Promise<FailedAuthCounter> {
  if (perMinute <= 0) {
    return async (_request, error) => {
      throw error;
    };
  }
  await api.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: perMinute,
    timeWindow: 60_000,
    ...(db.kind === 'postgres' ? { store: databaseRateLimitStore(db) } : {}),
    keyGenerator: (request) => (isSignedIn(request.actor) ? `member:${request.actor.memberId}` : ipKey(request)),
    errorResponseBuilder: (_request, context) =>
      new ApiError('rate_limited', `Too many requests: try again in ${context.after}.`, { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
  const countForIp = api.createRateLimit({ keyGenerator: ipKey });
  return async (request, error) => {
    if (!(error instanceof ApiError) || error.code !== 'unauthorized') throw error;
    const counted = await countForIp(request);
    if (counted.isAllowed || !counted.isExceeded) throw error;
    throw new ApiError('rate_limited', `Too many failed sign-ins from this address: try again in ${counted.ttlInSeconds} s.`, { retryAfterSeconds: counted.ttlInSeconds });
  };
}

const ipKey = (request: FastifyRequest) => `ip:${request.ip}`;
