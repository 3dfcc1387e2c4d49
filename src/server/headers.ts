/**
 * Headers every answer carries, decided here once rather than route by route: nosniff
 * everywhere, and no caching of what depends on who asks.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * An API answer may be cached only when it is the same for everyone: a public read without a
 * token. A read with a token (drafts, notes, notifications, the session, private threads, the
 * workspace, or a public thread as this member sees it) is never stored, by the browser or a
 * proxy; `Vary: Authorization` keeps a cache from handing a guest's copy to a member or back.
 */
function cacheControlOf(request: FastifyRequest): string | undefined {
  const isRead = request.method === 'GET' || request.method === 'HEAD';
  const sameForEveryone = isRead && request.routeOptions.config.public === true && !request.headers.authorization;
  return sameForEveryone ? undefined : 'no-store';
}

/** `apiPrefix`: where the API is mounted (`/api`, or `/forum/api` inside a brand's app). */
export function installHeaders(app: FastifyInstance, apiPrefix: string): void {
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    if (request.url.startsWith(`${apiPrefix}/`) || request.url === apiPrefix) {
      void reply.header('vary', varyWith(reply, 'Authorization'));
      const cacheControl = cacheControlOf(request);
      // A cached read (./cache/api-reads.ts) has said already how its answer may be kept.
      if (cacheControl && !reply.hasHeader('cache-control')) void reply.header('cache-control', cacheControl);
    }
    return payload;
  });
}

export function varyWith(reply: FastifyReply, name: string): string {
  const current = reply.getHeader('vary');
  const list = (Array.isArray(current) ? current.join(',') : String(current ?? '')).split(',').map((v) => v.trim()).filter(Boolean);
  return list.some((v) => v.toLowerCase() === name.toLowerCase()) ? list.join(', ') : [...list, name].join(', ');
}

/** A hijacked answer (the SSE stream) writes its head itself: it takes the headers set so far (CORS, nosniff, caching). */
export function passHeadersToRaw(reply: FastifyReply): void {
  void reply.header('x-content-type-options', 'nosniff');
  void reply.header('vary', varyWith(reply, 'Authorization'));
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
}
