/**
 * Node's `server.close()` closes the connections idle at that instant, then waits for the others
 * to end; a keep-alive connection that falls idle later (the answer to a write in flight, an
 * ended event stream) would hold the close for the whole keep-alive timeout (72 s). While the
 * app closes, answers therefore say `Connection: close`, and connections idle by then are closed.
 */
import type { FastifyInstance } from 'fastify';

const SWEEP_MS = 100;

export function closeConnectionsWhenClosing(fastify: FastifyInstance): void {
  let closing = false;
  let sweeper: ReturnType<typeof setInterval> | undefined;
  fastify.addHook('preClose', async () => {
    closing = true;
    sweeper = setInterval(() => fastify.server.closeIdleConnections(), SWEEP_MS);
    sweeper.unref();
  });
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (closing) void reply.header('connection', 'close');
    return payload;
  });
  fastify.addHook('onClose', async () => clearInterval(sweeper));
}
