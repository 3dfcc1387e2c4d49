import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.ts';

/**
 * Requests per minute per signed-in member, or per IP for guests (answered 429 with
 * Retry-After). Runs after the actor is known, so one busy office IP does not starve its members.
 */
export async function installRateLimit(api: FastifyInstance, perMinute: number): Promise<void> {
  if (perMinute <= 0) return;
  await api.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => (request.actor.role === 'guest' ? `ip:${request.ip}` : `member:${request.actor.memberId}`),
    errorResponseBuilder: (_request, context) =>
      new ApiError('rate_limited', `Too many requests: try again in ${context.after}.`, { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
}
