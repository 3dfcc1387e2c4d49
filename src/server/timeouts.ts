/**
 * Time limits of the HTTP server (Fastify and Node options). A body trickled a byte at a time
 * is cut by the request limit (408); the event stream, whose request ends with its headers,
 * outlives them all and stays active through its heartbeat.
 */
import type { ServerOptions } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import type { Timeouts } from './config.ts';

/** Node checks request and header limits on an interval: often enough that they hold roughly. */
function checkingInterval(timeouts: Timeouts): number {
  const limits = [timeouts.requestMs, timeouts.headersMs].filter((ms) => ms > 0);
  return Math.round(Math.min(30_000, Math.max(100, Math.min(...limits, 120_000) / 4)));
}

export function serverTimeouts(timeouts: Timeouts): Pick<FastifyServerOptions, 'requestTimeout' | 'connectionTimeout' | 'keepAliveTimeout'> & { http: ServerOptions } {
  return {
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: checkingInterval(timeouts) },
  };
}
