/**
 * Brotli or gzip, as the client's `accept-encoding` asks, on the answers worth it: scripts,
 * styles, JSON and HTML above a small threshold. The event stream is never compressed: it is
 * hijacked (written to the socket as events happen, never through `onSend`), and its type is
 * left out here too, so no buffering stands between an event and its reader.
 */
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { varyWith } from './headers.ts';

/** Below this many bytes, the encoding costs more than it saves. */
export const COMPRESS_THRESHOLD = 1024;

/** JS, CSS, JSON and HTML; never `text/event-stream`. */
export const COMPRESSIBLE = /^(?:text\/(?:html|css|javascript)|application\/(?:javascript|json|[\w.+-]+\+json))(?:;|$)/u;

export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: COMPRESS_THRESHOLD, customTypes: COMPRESSIBLE });
  // Whether an answer of these types is compressed depends on `accept-encoding`, even when this
  // one was not (too small, or not asked): a shared cache keys on it either way.
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (COMPRESSIBLE.test(type)) void reply.header('vary', varyWith(reply, 'accept-encoding'));
    return payload;
  });
}
