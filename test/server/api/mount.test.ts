/**
 * The forum mounted in a brand's own Fastify app (`app.register(entraide, { prefix: '/forum', … })`),
 * over real HTTP on PGlite (or PostgreSQL in a parity run): the brand's route keeps working and
 * keeps its own 404, the forum answers under /forum with its headers, live events and a signed-in
 * write, and closing the brand's app closes the forum's database (and releases the lock).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { entraide, openDatabase, migrate, signToken, type EntraideOptions } from '../../../src/server/index.ts';
import { readCommunityFile } from '../../../src/domain/community-file.ts';
import { importCommunity } from '../../../src/domain/import.ts';
import { lockDataDir } from '../../../src/server/db/lock.ts';
import { EXAMPLE_COMMUNITY } from '../../helpers/cli.ts';
import { LiveStream } from '../../helpers/live-stream.ts';
import { scratchPostgresDatabase } from '../../helpers/postgres.ts';
import { isPostgres, NO_LIMITS, TEST_SECRET } from '../../helpers/server.ts';

const dataDir = join(mkdtempSync(join(tmpdir(), 'entraide-mount-')), 'forum');
let where: Pick<EntraideOptions, 'dataDir' | 'databaseUrl'>;
let dropDatabase = async () => undefined as void;
let brand: FastifyInstance;
let url: string;

/** The brand's community, imported beforehand as a brand would (entraide-server import). */
async function importExample(): Promise<void> {
  const db = await openDatabase({ ...where });
  try {
    await migrate(db);
    await importCommunity(db, readCommunityFile(JSON.parse(readFileSync(EXAMPLE_COMMUNITY, 'utf8'))));
  } finally {
    await db.close();
  }
}

before(async () => {
  if (isPostgres()) {
    const scratch = await scratchPostgresDatabase(process.env.ENTRAIDE_TEST_DATABASE_URL!, 'entraide_mount');
    where = { databaseUrl: scratch.url };
    dropDatabase = scratch.drop;
  } else {
    where = { dataDir };
  }
  await importExample();
  brand = Fastify();
  brand.get('/hello', async () => ({ brand: 'Lumen' }));
  await brand.register(entraide, { prefix: '/forum', ...where, community: 'lumen', auth: { secret: TEST_SECRET }, limits: NO_LIMITS });
  url = await brand.listen({ port: 0, host: '127.0.0.1' });
});

after(async () => {
  await brand?.close();
  await dropDatabase();
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

describe('the forum mounted in a brand app under /forum', { timeout: 300_000 }, () => {
  it("leaves the brand's own route and 404 alone", async () => {
    const hello = await fetch(`${url}/hello`);
    assert.equal(hello.status, 200);
    assert.deepEqual(await hello.json(), { brand: 'Lumen' });
    assert.equal(hello.headers.get('x-content-type-options'), null, "the forum's headers stay on its own routes");
    const missing = await fetch(`${url}/nope`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { message: string }).message, 'Route GET:/nope not found', "Fastify's 404, not the forum's");
  });

  it('answers the community, readiness, the OpenAPI document and its own 404 under the prefix', async () => {
    const community = await fetch(`${url}/forum/api/community?locale=en`);
    assert.equal(community.status, 200);
    assert.equal(((await community.json()) as { name: string }).name, 'Lumen Énergie');
    assert.match(String(community.headers.get('vary')), /authorization/i, 'API headers follow the prefix');
    assert.equal(community.headers.get('x-content-type-options'), 'nosniff');
    const ready = await fetch(`${url}/forum/api/ready`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { ok: true });
    const openapi = (await (await fetch(`${url}/forum/api/openapi.json`)).json()) as { servers: Array<{ url: string }>; paths: Record<string, unknown> };
    // Paths are the contract's, relative to the server the document names: the prefixed API.
    assert.deepEqual(openapi.servers.map((server) => server.url), ['/forum/api']);
    assert.ok(openapi.paths['/threads/{threadId}'], Object.keys(openapi.paths).slice(0, 3).join(', '));
    assert.equal((await fetch(`${url}/forum/api/docs`)).status, 200);
    const missing = await fetch(`${url}/forum/api/nope`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');
    assert.equal(brand.entraide.community.slug, 'lumen');
  });

  it('takes a signed-in write and sends it live to a reader of the event stream', async () => {
    const stream = await LiveStream.open(`${url}/forum/api/events`, undefined);
    try {
      const { token } = await signToken(TEST_SECRET, { sub: 'lumen:1', name: 'Maud', role: 'member' });
      const community = (await (await fetch(`${url}/forum/api/community`)).json()) as { categories: Array<{ id: number }> };
      const created = await fetch(`${url}/forum/api/threads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ categoryId: community.categories[0]!.id, title: 'Ma facture a doublé', body: 'Bonjour, ma facture de mars a doublé : est-ce normal ?' }),
      });
      assert.equal(created.status, 201, await created.clone().text());
      const { thread } = (await created.json()) as { thread: { id: number } };
      await stream.waitFor(({ event }) => event.type === 'thread-created' && event.threadId === thread.id, 'the new thread, live');
      assert.equal(brand.entraide.liveClients(), 1);
    } finally {
      stream.close();
    }
  });

  it("closes the forum's database with the brand app", async () => {
    const { db } = brand.entraide;
    await brand.close();
    await assert.rejects(db.query('select 1'), 'the database is closed');
    if (!isPostgres()) (await lockDataDir(dataDir))(); // free: taken and released at once
  });
});

describe('mounting with bad options', { timeout: 120_000 }, () => {
  it('refuses no database and a short secret, clearly', async () => {
    const mount = (options: EntraideOptions) => async () => {
      await Fastify().register(entraide, options);
    };
    await assert.rejects(mount({ prefix: '/forum' }), /Give entraide a databaseUrl \(PostgreSQL\) or a dataDir/);
    await assert.rejects(mount({ dataDir, auth: { secret: 'short' } }), /auth\.secret must be at least 32 characters/);
  });
});
