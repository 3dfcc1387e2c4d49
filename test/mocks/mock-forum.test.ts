/**
 * `createMockForum()` in a page, as users' stories and tests meet it: the demo community behind
 * msw, the server's own answers, tokens by member, forced failures, and a fresh community for
 * each call whatever the previous one wrote.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { LiveEvent } from '../../src/contract/index.ts';
import { createMockForum, DEMO_PEOPLE } from '../../src/mocks/index.ts';
import { createEntraideClient, EntraideError } from '../../src/sdk/index.ts';
// The element harness's worker: one per page, started (and the database opened) by its root hooks.
import { worker } from '../components/helpers.ts';

async function failure(promise: Promise<unknown>): Promise<EntraideError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EntraideError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function served(options: Parameters<typeof createMockForum>[0] = {}) {
  const forum = await createMockForum(options);
  worker.resetHandlers(...forum.handlers);
  return forum;
}

describe('createMockForum() in a page', () => {
  it('serves the demo community, and names the member a token signs in', async () => {
    const forum = await served();
    const expert = await forum.member(DEMO_PEOPLE.topHelper);

    const community = await createEntraideClient({ baseUrl: '/api' }).community.get({ locale: 'en' });
    const session = await createEntraideClient({ baseUrl: '/api', token: expert.token }).session.get();

    expect(community.categories.length).to.be.greaterThan(3);
    expect(session.member?.pseudonym).to.equal(DEMO_PEOPLE.topHelper);
    expect(session.member?.rank.level).to.equal(15);
  });

  it('answers 401 for a token naming nobody, and 400 for a malformed request, as the server does', async () => {
    await served();
    const stranger = await fetch('/api/session', { headers: { authorization: 'Bearer mock-member-999999' } });
    expect(stranger.status).to.equal(401);
    expect(((await stranger.json()) as { error: { code: string } }).error.code).to.equal('unauthorized');
    const malformed = await fetch('/api/threads/abc');
    expect(malformed.status).to.equal(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).to.equal('validation_failed');
  });

  it('puts back what a previous forum wrote', async () => {
    const first = await served();
    const helper = await first.member(DEMO_PEOPLE.secondHelper);
    const [open] = await first.db.query<{ id: number }>(`select id from threads where status = 'open' and merged_into_id is null order by id limit 1`);
    const client = createEntraideClient({ baseUrl: '/api', token: helper.token });
    const before = (await client.threads.get(open!.id)).thread.replyCount;
    await client.posts.reply(open!.id, { body: 'Written by an earlier test.' });
    expect((await client.threads.get(open!.id)).thread.replyCount).to.equal(before + 1);

    await served();

    expect((await client.threads.get(open!.id)).thread.replyCount).to.equal(before);
  });

  it('signs a demo member in, as the demo page does, and refuses a member who does not exist', async () => {
    const forum = await served();
    const expert = await forum.member(DEMO_PEOPLE.topHelper);
    const client = createEntraideClient({ baseUrl: '/api', retry: false });

    const { token, member } = await client.demo.signIn(expert.id);

    expect(member.pseudonym).to.equal(DEMO_PEOPLE.topHelper);
    expect((await createEntraideClient({ baseUrl: '/api', token }).session.get()).member?.id).to.equal(expert.id);
    expect((await failure(client.demo.signIn(999_999))).code).to.equal('not_found');
  });

  it('fails a route on purpose, with a status or a dropped connection, and recovers', async () => {
    const forum = await served({ failures: { getCommunity: 503 } });
    const client = createEntraideClient({ baseUrl: '/api', retry: false });

    expect((await failure(client.community.get())).status).to.equal(503);
    forum.failures.getCommunity = 'network';
    expect((await failure(client.community.get())).code).to.equal('network_error');
    delete forum.failures.getCommunity;
    expect((await client.community.get()).categories.length).to.be.greaterThan(0);
  });

  it('serves another base URL, and waits its latency', async () => {
    await served({ baseUrl: 'https://support.example/api', latency: 120 });
    const client = createEntraideClient({ baseUrl: 'https://support.example/api' });

    const started = performance.now();
    await client.community.get();

    expect(performance.now() - started).to.be.at.least(110);
  });

  it('delivers a reply over the live stream', async () => {
    const forum = await served();
    const helper = await forum.member(DEMO_PEOPLE.secondHelper);
    const [open] = await forum.db.query<{ id: number }>(`select id from threads where status = 'open' and merged_into_id is null order by id limit 1`);
    const received: LiveEvent[] = [];
    const stop = createEntraideClient({ baseUrl: '/api' }).events.subscribe({ threadId: open!.id }, (event) => received.push(event));
    try {
      await waitUntil(() => forum.liveClients() > 0, 'the stream never connected', { timeout: 3000 });
      const post = await createEntraideClient({ baseUrl: '/api', token: helper.token }).posts.reply(open!.id, { body: 'Live from the mocks.' });

      await waitUntil(() => received.some((event) => event.type === 'post-created' && event.post.id === post.id), 'the reply never came live', { timeout: 3000 });
    } finally {
      stop();
    }
  });
});
