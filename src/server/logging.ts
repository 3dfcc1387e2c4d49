/**
 * The server's logs: Fastify's own logger (pino), JSON lines on stdout, at ENTRAIDE_LOG_LEVEL.
 * One line per answered request (method, url, status, duration) instead of Fastify's two, and
 * never a token: the request serializer logs no header, and the headers that carry credentials
 * are redacted should anything log them.
 */
import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { LogLevel } from './config.ts';

/** What pino must never write, wherever a header object is logged. */
const REDACTED = ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', 'res.headers["set-cookie"]'];

/** Fastify's request lines, reduced to one per answer. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {
    // The answer's line says it all.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, durationMs: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else reply.log.info(line, 'request');
  }

  override routeNotFound(): void {
    // Answered 404 by our handler, and logged as a request like any other.
  }
}

/** Fastify's `logger` and `logController` options for a level. */
export function loggerOptions(level: LogLevel): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  return { logger: { level, redact: { paths: REDACTED, censor: '[redacted]' } }, logController: new OneLinePerRequest() };
}
