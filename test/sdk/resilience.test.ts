/** Retries, Idempotency-Key, token refresh and pagination of the SDK, against the real server. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { signToken } from '../../src/server/auth.ts';
import { createTestServer, TEST_SECRET, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let token: string;
const count = async () => (await server.db.query<{ n: number }>('select count(*)::int as n from posts'))[0]!.n;

before(async () => {
  server = await createTestServer({ listen: true });
  token = await server.tokenFor(server.fixtures.members.helper);
});
after(() => server.close());

describe('SDK resilience against the real server', { timeout: 600_000 }, () => {
  it('retries a reply whose answer was lost and stores it once', async () => {
    let calls = 0;
    // The request reaches the server and is stored, then the connection "drops" before the answer.
    const flaky: typeof fetch = async (input, init) => {
      calls += 1;
      const response = await fetch(input, init);
      if (calls === 1) throw new TypeError('fetch failed: socket hang up');
      return response;
    };
    const client = createEntraideClient({ baseUrl: `${server.url}/api`, token, fetch: flaky, retry: { baseDelayMs: 1 } });
    const before = await count();
    const post = await client.posts.reply(server.fixtures.threadId, { body: 'Une seule fois, merci.' });
    assert.equal(calls, 2);
    assert.equal(await count(), before + 1);
    assert.equal((await client.threads.get(server.fixtures.threadId)).posts.at(-1)?.id, post.id);
  });

  it('honours Retry-After on 503 and gives up after the configured retries', async () => {
    const seen: number[] = [];
    const unavailable: typeof fetch = async () => {
      seen.push(Date.now());
      return new Response(JSON.stringify({ error: { code: 'unavailable', message: 'maintenance' } }), { status: 503, headers: { 'retry-after': '1' } });
    };
    const client = createEntraideClient({ baseUrl: `${server.url}/api`, fetch: unavailable, retry: { retries: 1, baseDelayMs: 1 } });
    await assert.rejects(client.community.get(), { status: 503, code: 'unavailable' });
    assert.equal(seen.length, 2);
    assert.ok(seen[1]! - seen[0]! >= 950, `waited ${seen[1]! - seen[0]!} ms`);
  });

  it('does not retry a refused write', async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => ((calls += 1), fetch(input, init));
    const client = createEntraideClient({ baseUrl: `${server.url}/api`, token, fetch: counting });
    await assert.rejects(client.posts.reply(server.fixtures.threadId, { body: ' ' }), { status: 400 });
    assert.equal(calls, 1);
  });

  it('refreshes an expired token once after a 401', async () => {
    const expired = (await signToken(TEST_SECRET, { sub: 'demo:pix37', name: 'Pix37', role: 'member' }, { ttlSeconds: -60 })).token;
    const asked: boolean[] = [];
    const client = createEntraideClient({
      baseUrl: `${server.url}/api`,
      getToken: ({ refresh }) => (asked.push(refresh), refresh ? token : expired),
    });
    const session = await client.session.get();
    assert.equal(session.member?.pseudonym, 'Pix37');
    assert.deepEqual(asked, [false, true]);
  });

  it('iterates every thread of a category across pages', async () => {
    const writer = createEntraideClient({ baseUrl: `${server.url}/api`, token });
    for (let i = 0; i < 5; i += 1) await writer.threads.create({ categoryId: server.fixtures.categories.network, title: `Antenne ${i}`, body: 'Pas de signal.' });
    const titles: string[] = [];
    for await (const thread of writer.threads.iterate({ categoryId: server.fixtures.categories.network, limit: 2 })) titles.push(thread.title);
    assert.deepEqual(titles, [4, 3, 2, 1, 0].map((i) => `Antenne ${i}`));
  });

  it('shares one live connection between all subscriptions of a client', async () => {
    const client = createEntraideClient({ baseUrl: `${server.url}/api` });
    const seen: string[] = [];
    const stops = [
      client.events.subscribe({ threadId: server.fixtures.threadId }, () => seen.push('thread')),
      client.events.subscribe({ categoryId: server.fixtures.categories.billing }, () => seen.push('category')),
      client.events.subscribe({ categoryId: server.fixtures.categories.network }, () => seen.push('other category')),
    ];
    try {
      for (let i = 0; i < 200 && server.app.entraide.liveClients() !== 1; i += 1) await new Promise((r) => setTimeout(r, 10));
      assert.equal(server.app.entraide.liveClients(), 1);
      await createEntraideClient({ baseUrl: `${server.url}/api`, token }).posts.reply(server.fixtures.threadId, { body: 'Pour tous.' });
      for (let i = 0; i < 200 && seen.length < 2; i += 1) await new Promise((r) => setTimeout(r, 10));
      assert.deepEqual(seen.sort(), ['category', 'thread']);
    } finally {
      for (const stop of stops) stop();
    }
  });
});
