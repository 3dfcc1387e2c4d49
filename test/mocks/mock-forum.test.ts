import { expect, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import type { LiveEvent } from '../../src/contract/index.ts';
import { LIMITS } from '../../src/core/index.ts';
import { createMockForum, defaultFixtures, MEMBERS, type MockForum } from '../../src/mocks/index.ts';
import { createEntraideClient, EntraideError, type EntraideClient } from '../../src/sdk/index.ts';

const worker = setupWorker();

async function failure(promise: Promise<unknown>): Promise<EntraideError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EntraideError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('createMockForum()', () => {
  let mock: MockForum;
  let guest: EntraideClient;
  let pix: EntraideClient;

  before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
  after(() => worker.stop());
  beforeEach(() => {
    mock = createMockForum();
    worker.resetHandlers(...mock.handlers);
    guest = createEntraideClient({ baseUrl: '/api' });
    pix = createEntraideClient({ baseUrl: '/api', token: mock.store.tokenFor(MEMBERS.pix37) });
  });

  describe('reading', () => {
    it('answers the community in the asked language with counts', async () => {
      const community = await guest.community.get({ locale: 'en' });

      expect(community.name).to.equal('Mercure Community');
      expect(community.categories.map((c) => c.name)).to.include('Technical help');
      const technical = community.categories.find((c) => c.slug === 'technical')!;
      expect(technical.threadCount).to.equal(3);
      expect(technical.postCount).to.equal(8);
    });

    it('pages threads with a cursor, most recent activity first', async () => {
      const first = await guest.threads.list({ categoryId: 3, limit: 2 });
      const second = await guest.threads.list({ categoryId: 3, limit: 2, cursor: first.nextCursor });

      expect(first.items.map((t) => t.id)).to.deep.equal([2, 1]);
      expect(second.items.map((t) => t.id)).to.deep.equal([5]);
      expect(second.nextCursor).to.equal(null);
    });

    it('computes each author’s rank from participation', async () => {
      const { posts } = await guest.threads.get(1);

      const pixAuthor = posts.find((p) => p.author.pseudonym === 'Pix37')!.author;
      expect(pixAuthor.rank).to.deep.equal({ level: 15, name: 'Super legend' });
      expect(pixAuthor.postCount).to.equal(12_419 + 3);
    });

    it('answers 404 not_found for an unknown thread', async () => {
      const error = await failure(guest.threads.get(999));

      expect([error.status, error.code]).to.deep.equal([404, 'not_found']);
    });
  });

  describe('writing', () => {
    it('refuses a write without a bearer token with 401 unauthorized', async () => {
      const error = await failure(guest.posts.reply(1, { body: 'Merci !' }));

      expect([error.status, error.code]).to.deep.equal([401, 'unauthorized']);
    });

    it('refuses a short title with 400 validation_failed naming the field', async () => {
      const error = await failure(pix.threads.create({ categoryId: 1, title: 'Hi', body: 'A real question' }));

      expect([error.status, error.code]).to.deep.equal([400, 'validation_failed']);
      expect(error.message).to.contain(`at least ${LIMITS.titleMin}`);
      expect(error.details).to.deep.equal([{ path: '/title', message: error.message }]);
    });

    it('stores a reply, renders it safely and publishes it live', async () => {
      const events: unknown[] = [];
      mock.store.subscribe({ threadId: 1 }, (event) => events.push(event));

      const post = await pix.posts.reply(1, { body: 'Hello <script>alert(1)</script> **you**' });

      expect(post.bodyHtml).to.equal('<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; <strong>you</strong></p>');
      expect(events).to.have.length(1);
      expect((await guest.threads.get(1)).posts.at(-1)!.id).to.equal(post.id);
    });

    it('refuses a member’s reply on a closed thread with 403', async () => {
      const error = await failure(pix.posts.reply(5, { body: 'Still there?' }));

      expect([error.status, error.code]).to.deep.equal([403, 'forbidden']);
    });

    it('delivers live events over the events stream', async () => {
      const received: LiveEvent[] = [];
      const stop = pix.events.subscribe({ threadId: 2 }, (event) => received.push(event));
      try {
        await waitUntil(() => mock.store.liveClients() > 0, 'the live stream never connected', { timeout: 3000 });

        const first = await pix.posts.reply(2, { body: 'Same here.' });
        // A second reply, once delivered, shows the first was delivered once, before it.
        const second = await pix.posts.reply(2, { body: 'Still the same.' });
        await waitUntil(() => received.some((event) => event.type === 'post-created' && event.post.id === second.id), 'the second reply never arrived', { timeout: 3000 });

        expect(received.map((event) => `${event.type} ${event.type === 'post-created' ? event.post.id : ''}`)).to.deep.equal([`post-created ${first.id}`, `post-created ${second.id}`]);
      } finally {
        stop();
      }
    });
  });

  describe('session and failures', () => {
    it('names the member of a token, and 401s an unknown token', async () => {
      const bad = createEntraideClient({ baseUrl: '/api', token: 'nope' });

      expect((await pix.session.get()).member!.pseudonym).to.equal('Pix37');
      expect((await guest.session.get()).member).to.equal(null);
      expect((await fetch('/api/session', { headers: { authorization: 'Bearer nope' } })).status).to.equal(401);
      // The SDK then drops the refused token: a write fails, a read goes on as a guest's.
      expect((await failure(bad.posts.reply(1, { body: 'Bonjour' }))).code).to.equal('unauthorized');
      expect((await bad.session.get()).member).to.equal(null);
    });

    it('forces a 500 or a network error on a route, and recovers', async () => {
      mock.failures.getThread = 500;
      expect((await failure(guest.threads.get(1))).status).to.equal(500);

      mock.failures.getThread = 'network';
      expect((await failure(guest.threads.get(1))).code).to.equal('network_error');

      delete mock.failures.getThread;
      expect((await guest.threads.get(1)).thread.id).to.equal(1);
    });

    it('serves another base URL and custom fixtures', async () => {
      const fixtures = defaultFixtures();
      fixtures.community.name.fr = 'Autre';
      worker.resetHandlers(...createMockForum({ fixtures, baseUrl: '/other/api' }).handlers);

      const other = createEntraideClient({ baseUrl: '/other/api' });

      expect((await other.community.get()).name).to.equal('Autre');
    });
  });
});
