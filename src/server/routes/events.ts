import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '../../contract/index.ts';
import { decimalInteger } from '../../core/index.ts';
import type { AppContext } from '../app.ts';
import { LIVE_HEADERS, type LiveSink } from '../../domain/live.ts';
import { passHeadersToRaw } from '../headers.ts';

/** The SSE stream; `Last-Event-ID` replays what a reconnecting client missed. */
export const eventRoutes = (ctx: AppContext): FastifyPluginAsync => async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.route({
    ...routes.events,
    config: { public: true },
    handler: async (request, reply) => {
      const header = request.headers['last-event-id'];
      // An id this server could not have sent (not digits, past any event id) means the client's
      // view comes from elsewhere: it refetches, rather than reconnecting on a failing replay.
      const resumeAt = typeof header === 'string' ? decimalInteger(header) : undefined;
      const lastEventId = header === undefined ? undefined : resumeAt !== undefined && Number.isSafeInteger(resumeAt) ? resumeAt : 'reset';
      passHeadersToRaw(reply);
      reply.hijack();
      // The reader decides what each event shows: only what their reads of the API would show now.
      const response = reply.raw;
      response.writeHead(200, LIVE_HEADERS);
      const sink: LiveSink = {
        write: (chunk) => void response.write(chunk),
        end: () => void response.end(),
        onClose: (listener) => void response.on('close', listener),
        // What the socket has not sent yet: a reader that stops reading is dropped past a bound (live-fanout.ts).
        buffered: () => response.writableLength,
        drop: () => void response.destroy(),
      };
      await ctx.live.attach(sink, request.query, lastEventId, request.actor);
    },
  });
};
