/**
 * Brotli or gzip, as the client's `accept-encoding` asks, on the answers worth it: scripts,
 * styles, JSON and HTML above a small threshold. The event stream is never compressed: it is
 * hijacked (written to the socket as events happen, never through `onSend`), and its type is
 * left out here too, so no buffering stands between an event and its reader.
 */
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';
import { varyWith } from './headers.ts';

/** Below this many bytes, the encoding costs more than it saves. */
export const COMPRESS_THRESHOLD = 1024;

/** JS, CSS, JSON and HTML; never `text/event-stream`. */
export const COMPRESSIBLE = /^(?:text\/(?:html|css|javascript)|application\/(?:javascript|json|[\w.+-]+\+json))(?:;|$)/u;

/**
 * Brotli quality 5, not the plugin's 4: at 4 the 78 KB read path came out larger in brotli (25.4 KB)
 * than in gzip (24.7 KB), over its 25 KB goal; 5 gives 23.8 KB for 0.3 ms more per answer (quality
 * 11, 22.0 KB, takes 87 ms: a build step's job, not a request's).
 */
const BROTLI_QUALITY = 5;

/** Brotli's settings for text, shared with the rendered pages' cache (which compresses a page once). */
export const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } };

export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true, encodings: ['br', 'gzip'], threshold: COMPRESS_THRESHOLD, customTypes: COMPRESSIBLE,
    brotliOptions: BROTLI_OPTIONS,
  });
  // Whether an answer of these types is compressed depends on `accept-encoding`, even when this
  // one was not (too small, or not asked): a shared cache keys on it either way.
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (COMPRESSIBLE.test(type)) void reply.header('vary', varyWith(reply, 'accept-encoding'));
    return payload;
  });
}
