/** Limits that must agree across layers: slug lengths and the router, merged threads and every write path. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LIMITS } from '../../../src/core/limits.ts';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
before(async () => ({ server, tokens } = await serverWithTokens()));
after(() => server.close());

const auth = (name: string) => ({ authorization: `Bearer ${tokens[name]}` });
const send = (method: 'POST' | 'DELETE', url: string, who: string, payload?: object) => server.app.inject({ method, url, headers: auth(who), ...(payload ? { payload } : {}) });

/** A slug of exactly `length` characters made of 9-letter words: valid for the FAQ pattern. */
const slugOf = (length: number) => Array.from({ length: Math.ceil(length / 10) + 1 }, (_, i) => `mot${String(i).padStart(6, '0')}`).join('-').slice(0, length).replace(/-$/, 'x');

describe('FAQ slugs the contract accepts can be opened', { timeout: 600_000 }, () => {
  for (const length of [100, 101, 110, LIMITS.slugMax]) {
    it(`creates and opens an article whose slug has ${length} characters`, async () => {
      const slug = slugOf(length);
      assert.equal(slug.length, length);
      const created = await send('POST', '/api/faq', 'advisor', { slug, locale: 'fr', title: `Article ${length}`, bodyMd: 'Le contenu de cet article.' });
      assert.equal(created.statusCode, 201, created.body);
      const opened = await server.app.inject({ url: `/api/faq/${slug}` });
      assert.equal(opened.statusCode, 200, opened.body);
      assert.equal(opened.json().slug, slug);
    });
  }
});

interface Counts { categories: unknown[]; threads: unknown[] }

/** Each category and thread counter next to what the posts and threads really hold. */
async function counters(): Promise<Counts> {
  const categories = await server.db.query(
    `select c.id, c.thread_count, c.post_count,
       (select count(*)::int from threads t where t.category_id = c.id and t.merged_into_id is null) as threads_held,
       (select count(*)::int from posts p join threads t on t.id = p.thread_id where t.category_id = c.id) as posts_held
     from categories c order by c.id`,
  );
  const threads = await server.db.query(
    `select t.id, t.reply_count, greatest((select count(*)::int from posts p where p.thread_id = t.id) - 1, 0) as replies_held,
       t.same_problem_count, (select count(*)::int from same_problem_marks m where m.thread_id = t.id) as marks_held
     from threads t order by t.id`,
  );
  return { categories, threads };
}

function assertExact(counts: Counts): void {
  for (const row of counts.categories as { id: number; thread_count: number; post_count: number; threads_held: number; posts_held: number }[]) {
    assert.deepEqual([row.thread_count, row.post_count], [row.threads_held, row.posts_held], `category ${row.id}`);
  }
  for (const row of counts.threads as { id: number; reply_count: number; replies_held: number; same_problem_count: number; marks_held: number }[]) {
    assert.deepEqual([row.reply_count, row.same_problem_count], [row.replies_held, row.marks_held], `thread ${row.id}`);
  }
}

describe('a merged thread takes no more writes, and counters stay exact', { timeout: 600_000 }, () => {
  let source: number;
  let target: number;
  let conversationId: number;
  let replyId: number;
  before(async () => {
    const { billing, network } = server.fixtures.categories;
    const ask = async (who: string, categoryId: number, title: string) =>
      (await send('POST', '/api/threads', who, { categoryId, title, body: 'Le détail de ma question.' })).json().thread.id as number;
    target = await ask('helper', billing, 'Changer de forfait en ligne');
    source = await ask('asker', network, 'Comment changer mon forfait');
    const replied = await send('POST', `/api/threads/${source}/posts`, 'other', { body: 'Une réponse utile.' });
    assert.equal(replied.statusCode, 201);
    replyId = replied.json().id;
    const opened = await send('POST', `/api/threads/${source}/private`, 'advisor', {});
    assert.equal(opened.statusCode, 201, opened.body);
    conversationId = opened.json().conversation.id;
    assert.equal((await send('POST', `/api/threads/${source}/merge`, 'moderator', { intoThreadId: target, reason: 'Doublon' })).statusCode, 200);
    assertExact(await counters());
  });

  const writes: [string, string, 'POST' | 'DELETE', (thread: number) => string, object | (() => object) | undefined][] = [
    ['a member reply', 'other', 'POST', (id) => `/api/threads/${id}/posts`, { body: 'Encore une réponse.' }],
    ['an advisor reply', 'advisor', 'POST', (id) => `/api/threads/${id}/posts`, { body: 'Bonjour à tous, une précision.' }],
    ['a moderator reply', 'moderator', 'POST', (id) => `/api/threads/${id}/posts`, { body: 'Bonjour à tous.' }],
    ['a confirmation', 'advisor', 'POST', (id) => `/api/threads/${id}/confirmations`, () => ({ body: 'Je confirme.', citedPostIds: [replyId] })],
    ['a same-problem mark', 'helper', 'POST', (id) => `/api/threads/${id}/same-problem`, undefined],
    ['a solution withdrawal', 'moderator', 'DELETE', (id) => `/api/threads/${id}/solution`, undefined],
    ['an advisor-now mark', 'advisor', 'POST', (id) => `/api/threads/${id}/urgent`, { urgent: true }],
    ['a private conversation', 'advisor', 'POST', (id) => `/api/threads/${id}/private`, {}],
  ];
  for (const [what, who, method, url, payload] of writes) {
    it(`refuses ${what} with 409 conflict, writing nothing`, async () => {
      const before = await counters();
      const response = await send(method, url(source), who, typeof payload === 'function' ? payload() : payload);
      assert.equal(response.statusCode, 409, response.body);
      assert.equal(response.json().error.code, 'conflict');
      assert.match(response.json().error.message, new RegExp(`merged into thread ${target}`));
      assert.deepEqual(await counters(), before);
    });
  }

  it('puts the outcome of a private conversation opened before the merge on the thread it was merged into', async () => {
    const closed = await send('POST', `/api/private/${conversationId}/close`, 'advisor', { outcome: 'Forfait changé.' });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().trace.threadId, target);
    assertExact(await counters());
  });
});
