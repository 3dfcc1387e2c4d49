/** The SDK against the real server on a real port: every method, errors, and live events. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEntraideClient, EntraideError, type EntraideClient } from '../../src/sdk/index.ts';
import type { LiveEvent } from '../../src/contract/index.ts';
import { createTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let guest: EntraideClient;
let helper: EntraideClient;

before(async () => {
  server = await createTestServer({ listen: true, demo: true });
  guest = createEntraideClient({ baseUrl: `${server.url}/api` });
  const token = await server.tokenFor(server.fixtures.members.helper);
  helper = createEntraideClient({ baseUrl: `${server.url}/api`, getToken: () => token });
});
after(() => server.close());

describe('SDK against the real server', { timeout: 600_000 }, () => {
  it('reads the community, a category page and a thread', async () => {
    const community = await guest.community.get({ locale: 'en' });
    assert.equal(community.name, 'Test Mobile');
    assert.equal(community.categories[0]?.name, 'Billing');
    const page = await guest.threads.list({ categoryId: server.fixtures.categories.billing, limit: 10 });
    assert.equal(page.items[0]?.id, server.fixtures.threadId);
    assert.equal(page.nextCursor, null);
    const { thread, posts } = await guest.threads.get(server.fixtures.threadId);
    assert.equal(thread.id, server.fixtures.threadId);
    assert.equal(posts[0]?.author.pseudonym, 'Tom');
  });

  it('creates a thread and replies to it as a signed-in member', async () => {
    const created = await helper.threads.create({ categoryId: server.fixtures.categories.network, title: 'Réseau coupé à Lyon', body: 'Plus de 4G depuis 8 h.' });
    const reply = await helper.posts.reply(created.thread.id, { body: 'Ça revient chez moi.' });
    const { posts } = await guest.threads.get(created.thread.id);
    assert.deepEqual(posts.map((p) => p.id), [created.post.id, reply.id]);
  });

  it('tells who is signed in', async () => {
    assert.equal((await guest.session.get()).member, null);
    assert.equal((await helper.session.get()).member?.pseudonym, 'Pix37');
  });

  it('throws EntraideError with the server code and status', async () => {
    await assert.rejects(guest.posts.reply(server.fixtures.threadId, { body: 'hello' }), (error: unknown) => {
      assert.ok(error instanceof EntraideError);
      assert.deepEqual([error.status, error.code, error.request], [401, 'unauthorized', `POST /threads/${server.fixtures.threadId}/posts`]);
      return true;
    });
    await assert.rejects(guest.threads.get(987654), { name: 'EntraideError', status: 404, code: 'not_found' });
    await assert.rejects(helper.posts.reply(server.fixtures.threadId, { body: '' }), { status: 400, code: 'validation_failed' });
  });

  it('tells network failures and aborts apart from HTTP errors', async () => {
    const unreachable = createEntraideClient({ baseUrl: 'http://127.0.0.1:9/api' });
    await assert.rejects(unreachable.community.get(), { status: 0, code: 'network_error' });
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(guest.community.get({}, { signal: controller.signal }), { status: 0, code: 'aborted' });
  });

  it('signs in through the demo and uses the token', async () => {
    const { items } = await guest.demo.members();
    assert.ok(items.some((m) => m.role === 'advisor'));
    const { token, member } = await guest.demo.signIn(server.fixtures.members.advisor.id);
    assert.equal(member.pseudonym, 'Julie');
    guest.setToken(token);
    assert.equal((await guest.session.get()).member?.role, 'advisor');
    guest.setToken(undefined);
  });

  it('delivers a reply to a live subscriber', async () => {
    const received: LiveEvent[] = [];
    const stop = guest.events.subscribe({ threadId: server.fixtures.threadId }, (event) => received.push(event));
    try {
      await waitFor(() => liveClients() === 1);
      const post = await helper.posts.reply(server.fixtures.threadId, { body: 'En direct !' });
      await waitFor(() => received.some((e) => e.type === 'post-created' && e.post.id === post.id));
    } finally {
      stop();
    }
  });

  it('does not deliver another thread’s events to a thread subscriber', async () => {
    const received: LiveEvent[] = [];
    const stop = guest.events.subscribe({ threadId: server.fixtures.threadId }, (event) => received.push(event));
    try {
      await waitFor(() => liveClients() === 1);
      await helper.threads.create({ categoryId: server.fixtures.categories.network, title: 'Autre sujet', body: 'Rien à voir.' });
      const marker = await helper.posts.reply(server.fixtures.threadId, { body: 'Marqueur' });
      await waitFor(() => received.some((e) => e.type === 'post-created' && e.post.id === marker.id));
      assert.deepEqual(received.map((e) => e.threadId), [server.fixtures.threadId]);
    } finally {
      stop();
    }
  });

  it('replays missed events after Last-Event-ID', async () => {
    const first = await helper.posts.reply(server.fixtures.threadId, { body: 'Avant' });
    const [last] = await server.db.query<{ id: number }>('select max(id)::int as id from events');
    const lastId = last!.id;
    const missed = await helper.posts.reply(server.fixtures.threadId, { body: 'Pendant la coupure' });
    const response = await fetch(`${server.url}/api/events?threadId=${server.fixtures.threadId}`, { headers: { 'last-event-id': String(lastId) } });
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes(`"id":${missed.id}`)) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    assert.ok(!text.includes(`"id":${first.id},`), 'an event before Last-Event-ID was replayed');
  });
});

function liveClients(): number {
  return server.app.entraide.liveClients();
}

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
