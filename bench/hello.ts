/**
 * The HTTP baseline of `npm run bench`: a bare `Fastify()` of the same fastify package as the
 * server, one JSON route, in its own process. Prints `Ready on <url>` once listening.
 */
import Fastify from 'fastify';

const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`Ready on ${url}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
