/**
 * Several processes on one PostgreSQL (issue 17, item 7): GET of a 50-post thread and POST of a
 * reply, through Debian's nginx in front of one server process and then two, beside the bare
 * Fastify hello-world measured in the same run (ratios are what hold on a shared machine); then
 * the live fan-out (bench/sse.ts) on a PostgreSQL-backed process, where no embedded database
 * shares the event loop. PostgreSQL and nginx are started here (test/helpers), on free ports.
 * Standalone: `node bench/scale.ts` (BENCH_SSE=0 skips the fan-out).
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { signToken } from '../src/server/auth.ts';
import { EXAMPLE_COMMUNITY, runCli, TEST_SECRET } from '../test/helpers/cli.ts';
import { startNginx } from '../test/helpers/nginx.ts';
import { startPostgres } from '../test/helpers/postgres-server.ts';
import { firstCategoryId, makeThread, type Api } from './api.ts';
import { load, printRows, type Row } from './http.ts';
import { spawnEntraide, startHelloWorld, type SpawnedServer } from './processes.ts';
import { runSseBench } from './sse.ts';

async function startTwo(databaseUrl: string): Promise<SpawnedServer[]> {
  const env = { DATABASE_URL: databaseUrl, ENTRAIDE_COMMUNITY: 'lumen', ENTRAIDE_JWT_SECRET: TEST_SECRET, ENTRAIDE_LOG_LEVEL: 'warn', ENTRAIDE_STATIC_DIR: '',
    ENTRAIDE_RATE_LIMIT_PER_MINUTE: '0', ENTRAIDE_POST_INTERVAL_SECONDS: '0', ENTRAIDE_NEW_MEMBER_POST_INTERVAL_SECONDS: '0' };
  const servers = [await spawnEntraide(env), await spawnEntraide(env)];
  await Promise.all(servers.map((server) => server.ready));
  return servers;
}

function replyLoad(label: string, url: string, token: string, threadId: number): Promise<Row> {
  return load(label, {
    url: `${url}/api/threads/${threadId}/posts`, method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ body: 'Même panne ici, le compteur ne remonte plus depuis ce matin.' }),
    requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }) }],
  });
}

export async function runScaleBench(): Promise<string[]> {
  const database = await startPostgres();
  const hello = await startHelloWorld();
  const stops: Array<() => Promise<void>> = [() => hello.stop()];
  try {
    const imported = await runCli(['import', EXAMPLE_COMMUNITY], { DATABASE_URL: database.url });
    if (imported.code !== 0) throw new Error(imported.stderr);
    const [a, b] = await startTwo(database.url);
    stops.push(() => a!.stop(), () => b!.stop());
    const one = await startNginx([a!.url]);
    const two = await startNginx([a!.url, b!.url]);
    stops.push(() => one.stop(), () => two.stop());
    const { token } = await signToken(TEST_SECRET, { sub: 'bench:1', name: 'Banc', role: 'member' });
    const api: Api = { url: a!.url, token };
    const categoryId = await firstCategoryId(api);
    const thread = await makeThread(api, categoryId, 50);
    const target = await makeThread(api, categoryId, 1);
    console.log(`\nSeveral processes on one PostgreSQL behind nginx (load ${loadavg().map((n) => n.toFixed(2)).join(' / ')}; servers, nginx, PostgreSQL and load generator share the cores)`);
    await load('warm-up', { url: `${two.url}/api/threads/${thread}`, duration: 2 });
    const baseline = await load('GET / (bare Fastify hello-world, own process)', { url: `${hello.url}/` });
    const rows = [
      baseline,
      await load('GET thread (50 posts), one process, direct', { url: `${a!.url}/api/threads/${thread}` }),
      await load('GET thread, nginx → one process', { url: `${one.url}/api/threads/${thread}` }),
      await load('GET thread, nginx → two processes', { url: `${two.url}/api/threads/${thread}` }),
      await replyLoad('POST reply, nginx → one process', one.url, token, target),
      await replyLoad('POST reply, nginx → two processes', two.url, token, target),
    ];
    printRows(rows, baseline);
    if (process.env.BENCH_SSE !== '0') await runSseBench(api);
    return rows.filter((row) => row.non2xx + row.errors + row.timeouts > 0).map((row) => `${row.label}: ${row.non2xx} non-2xx, ${row.errors} errors`);
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await database.stop();
  }
}

if (import.meta.main) {
  console.log(`Scale bench — ${new Date().toISOString()}`);
  const failures = await runScaleBench();
  for (const failure of failures) console.log(`FAIL ${failure}`);
}
