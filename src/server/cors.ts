/**
 * Cross-origin embedding: the brand pages named by ENTRAIDE_ALLOWED_ORIGINS may call the API
 * and the event stream from the browser, with the reader's bearer token. No cookies are used,
 * so no credentials mode; any other origin gets no CORS header at all (and a 404 preflight).
 */
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** What the SDK sends: the token, the write's key, the stream's resume point, JSON bodies. */
const REQUEST_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'last-event-id'];
/** What the SDK reads from an answer besides its body: how long to wait after a 429 / 503. */
const EXPOSED_HEADERS = ['retry-after'];

export async function installCors(api: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  if (allowedOrigins.length === 0) return;
  const allowed = new Set(allowedOrigins);
  // The plugin's catch-all OPTIONS route answers a refused origin's preflight 404, not "sign in" (401).
  api.addHook('onRoute', (route) => {
    if (route.method === 'OPTIONS') route.config = { ...route.config, public: true };
  });
  await api.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: REQUEST_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
}
