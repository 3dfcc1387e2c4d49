import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { SignJWT, UnsecuredJWT } from 'jose';
import { createTestServer, TEST_SECRET, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let askerToken: string;
let helperToken: string;

before(async () => {
  server = await createTestServer();
  askerToken = await server.tokenFor(server.fixtures.members.asker);
  helperToken = await server.tokenFor(server.fixtures.members.helper);
});
after(() => server.close());

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const count = async (table: string) => (await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('reading the forum', { timeout: 600_000 }, () => {
  it('gives the community with its categories in the asked locale', async () => {
    const fr = await server.app.inject({ url: '/api/community?locale=fr' });
    const en = await server.app.inject({ url: '/api/community', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    assert.equal(fr.statusCode, 200);
    assert.deepEqual(fr.json().categories.map((c: { name: string }) => c.name), ['Facturation', 'Réseau']);
    assert.deepEqual(en.json().categories.map((c: { name: string }) => c.name), ['Billing', 'Network']);
    assert.equal(fr.json().categories[0].threadCount, 1);
  });

  it('gives a thread with each author as the post header needs it', async () => {
    const response = await server.app.inject({ url: `/api/threads/${server.fixtures.threadId}` });
    assert.equal(response.statusCode, 200);
    const { thread, posts } = response.json();
    assert.equal(thread.title, 'Comment changer de forfait ?');
    assert.equal(posts.length, 1);
    assert.equal(posts[0].bodyHtml, '<p>Bonjour, comment <strong>changer</strong> de forfait ?</p>\n');
    assert.deepEqual(Object.keys(posts[0].author).sort(), ['id', 'joinedAt', 'postCount', 'pseudonym', 'rank', 'role', 'team']);
    assert.equal(posts[0].author.pseudonym, 'Tom');
    assert.equal(posts[0].author.rank.level, 1);
  });

  it('pages a category with an opaque cursor, without gaps or repeats', async () => {
    const { categories, members } = server.fixtures;
    const token = await server.tokenFor(members.helper);
    for (let i = 0; i < 5; i += 1) {
      const created = await server.app.inject({ method: 'POST', url: '/api/threads', headers: auth(token), payload: { categoryId: categories.network, title: `Pas de réseau ${i}`, body: 'Depuis ce matin.' } });
      assert.equal(created.statusCode, 201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `categoryId=${categories.network}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await server.app.inject({ url: `/api/threads?${query}` })).json();
      seen.push(...page.items.map((t: { title: string }) => t.title));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [4, 3, 2, 1, 0].map((i) => `Pas de réseau ${i}`));
  });
});

describe('member profiles', { timeout: 600_000 }, () => {
  it('gives the header fields and the credits of a member', async () => {
    const { helper } = server.fixtures.members;
    await server.db.query('update members set accepted_count = 3, confirmed_count = 2, kudos_received = 7 where id = $1', [helper.id]);
    const response = await server.app.inject({ url: `/api/members/${helper.id}` });
    assert.equal(response.statusCode, 200);
    const profile = response.json();
    assert.equal(profile.pseudonym, 'Pix37');
    assert.deepEqual([profile.acceptedAnswers, profile.confirmedAnswers, profile.kudosReceived, profile.assists], [3, 2, 7, 0]);
    assert.equal(profile.rank.level, 15);
  });

  it('answers not_found for an unknown member', async () => {
    const response = await server.app.inject({ url: '/api/members/987654' });
    assert.deepEqual([response.statusCode, response.json().error.code], [404, 'not_found']);
  });
});

describe('writing', { timeout: 600_000 }, () => {
  it('posts a reply that persists, counts toward the author and marks the thread answered', async () => {
    const before = (await server.app.inject({ url: `/api/threads/${server.fixtures.threadId}` })).json();
    const response = await server.app.inject({
      method: 'POST', url: `/api/threads/${server.fixtures.threadId}/posts`, headers: auth(helperToken), payload: { body: 'Depuis **Mon compte**, rubrique Forfait.' },
    });
    assert.equal(response.statusCode, 201);
    const post = response.json();
    assert.equal(post.kind, 'reply');
    assert.equal(post.author.pseudonym, 'Pix37');
    const afterReply = (await server.app.inject({ url: `/api/threads/${server.fixtures.threadId}` })).json();
    assert.equal(afterReply.posts.length, before.posts.length + 1);
    assert.equal(afterReply.thread.status, 'answered');
    assert.equal(afterReply.thread.replyCount, before.thread.replyCount + 1);
    assert.equal(afterReply.posts.at(-1).author.postCount, post.author.postCount);
  });

  it('answers twelve replies sent at once with every counter already folded', async () => {
    const helperId = server.fixtures.members.helper.id;
    const counters = async () => (await server.db.query<{ member: number; category: number; pending: number }>(
      `select (select post_count from members where id = $1) as member,
         (select post_count from categories where id = (select category_id from threads where id = $2)) as category,
         (select count(*)::int from counter_deltas) as pending`, [helperId, server.fixtures.threadId]))[0]!;
    const before = await counters();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => server.app.inject({
      method: 'POST', url: `/api/threads/${server.fixtures.threadId}/posts`, headers: auth(helperToken), payload: { body: `Réponse envoyée en même temps, n° ${i}` },
    })));
    assert.deepEqual(answers.map((answer) => answer.statusCode), Array(12).fill(201));
    // Replies share folds; each still waits for one that took its own delta.
    assert.deepEqual(await counters(), { member: before.member + 12, category: before.category + 12, pending: 0 });
  });

  it('raises the rank when posting crosses a threshold', async () => {
    const token = await server.tokenFor({ externalId: 'test:newbie', pseudonym: 'Newbie', role: 'member' });
    const levels: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await server.app.inject({ method: 'POST', url: `/api/threads/${server.fixtures.threadId}/posts`, headers: auth(token), payload: { body: `Moi aussi ${i}` } });
      levels.push(response.json().author.rank.level);
    }
    // Default ladder: level 2 at a score of 5 (five posts), no seniority needed.
    assert.deepEqual(levels, [1, 1, 1, 1, 2]);
  });

  it('creates a thread with its question post', async () => {
    const response = await server.app.inject({
      method: 'POST', url: '/api/threads', headers: auth(askerToken),
      payload: { categoryId: server.fixtures.categories.billing, title: 'Facture trop élevée', body: 'Ma facture a doublé.', locale: 'fr' },
    });
    assert.equal(response.statusCode, 201);
    const { thread, post } = response.json();
    assert.equal(thread.status, 'open');
    assert.equal(thread.excerpt, 'Ma facture a doublé.');
    assert.equal(post.kind, 'question');
    const list = (await server.app.inject({ url: `/api/threads?categoryId=${server.fixtures.categories.billing}` })).json();
    assert.equal(list.items[0].id, thread.id);
  });

  it('stores markdown bodies as sanitized HTML', async () => {
    const response = await server.app.inject({
      method: 'POST', url: `/api/threads/${server.fixtures.threadId}/posts`, headers: auth(helperToken), payload: { body: '<img src=x onerror=alert(1)> [x](javascript:alert(1))' },
    });
    assert.equal(response.statusCode, 201);
    assert.equal(response.json().bodyHtml, '<p>&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1))</p>\n');
  });
});

describe('bad input gets a typed 4xx and writes nothing', { timeout: 600_000 }, () => {
  const threadUrl = () => `/api/threads/${server.fixtures.threadId}/posts`;
  const cases: Array<[string, () => Promise<{ status: number; code: string }>]> = [
    ['malformed JSON', async () => send({ method: 'POST', url: threadUrl(), headers: { ...auth(helperToken), 'content-type': 'application/json' }, payload: '{"body": ' })],
    ['a missing body', async () => send({ method: 'POST', url: threadUrl(), headers: auth(helperToken), payload: {} })],
    ['a blank body', async () => send({ method: 'POST', url: threadUrl(), headers: auth(helperToken), payload: { body: '     ' } })],
    ['an over-long body', async () => send({ method: 'POST', url: threadUrl(), headers: auth(helperToken), payload: { body: 'x'.repeat(20_001) } })],
    ['an unknown field', async () => send({ method: 'POST', url: threadUrl(), headers: auth(helperToken), payload: { body: 'hello', admin: true } })],
    ['an over-long title', async () => send({ method: 'POST', url: '/api/threads', headers: auth(helperToken), payload: { categoryId: server.fixtures.categories.billing, title: 't'.repeat(151), body: 'hello' } })],
    ['an unknown category', async () => send({ method: 'POST', url: '/api/threads', headers: auth(helperToken), payload: { categoryId: 99999, title: 'Une question', body: 'hello' } })],
    ['an unknown thread', async () => send({ method: 'POST', url: '/api/threads/99999/posts', headers: auth(helperToken), payload: { body: 'hello' } })],
    ['a non-numeric id', async () => send({ method: 'POST', url: '/api/threads/abc/posts', headers: auth(helperToken), payload: { body: 'hello' } })],
    ['no token', async () => send({ method: 'POST', url: threadUrl(), payload: { body: 'hello' } })],
    ['a token signed with another secret', async () => send({ method: 'POST', url: threadUrl(), headers: auth(await sign({ secret: 'another-secret-that-is-at-least-32-chars!!' })), payload: { body: 'hello' } })],
    ['an expired token', async () => send({ method: 'POST', url: threadUrl(), headers: auth(await sign({ exp: Math.floor(Date.now() / 1000) - 10 })), payload: { body: 'hello' } })],
    ['a token without exp', async () => send({ method: 'POST', url: threadUrl(), headers: auth(await sign({ exp: null })), payload: { body: 'hello' } })],
    ['an alg:none token', async () => send({ method: 'POST', url: threadUrl(), headers: auth(new UnsecuredJWT({ name: 'X', role: 'advisor' }).setSubject('x').setExpirationTime('1h').encode()), payload: { body: 'hello' } })],
    ['a token with an unknown role', async () => send({ method: 'POST', url: threadUrl(), headers: auth(await sign({ role: 'superuser' })), payload: { body: 'hello' } })],
    ['garbage as a token', async () => send({ method: 'POST', url: threadUrl(), headers: { authorization: 'Bearer not.a.token' }, payload: { body: 'hello' } })],
    ['a bad cursor', async () => send({ url: `/api/threads?categoryId=${server.fixtures.categories.billing}&cursor=zzz` })],
    ['a limit over the maximum', async () => send({ url: `/api/threads?categoryId=${server.fixtures.categories.billing}&limit=1000` })],
  ];

  const expected: Record<string, [number, string]> = {
    'malformed JSON': [400, 'invalid_json'],
    'an unknown category': [404, 'not_found'],
    'an unknown thread': [404, 'not_found'],
    'no token': [401, 'unauthorized'],
    'a token signed with another secret': [401, 'unauthorized'],
    'an expired token': [401, 'unauthorized'],
    'a token without exp': [401, 'unauthorized'],
    'an alg:none token': [401, 'unauthorized'],
    'a token with an unknown role': [401, 'unauthorized'],
    'garbage as a token': [401, 'unauthorized'],
  };

  for (const [name, run] of cases) {
    it(`refuses ${name}`, async () => {
      const [posts, threads, members] = [await count('posts'), await count('threads'), await count('members')];
      const { status, code } = await run();
      assert.deepEqual([status, code], expected[name] ?? [400, 'validation_failed']);
      assert.deepEqual([await count('posts'), await count('threads'), await count('members')], [posts, threads, members]);
    });
  }

  it('answers unknown routes and threads with not_found', async () => {
    assert.deepEqual(await send({ url: '/api/nope' }), { status: 404, code: 'not_found' });
    assert.deepEqual(await send({ url: '/api/threads/424242' }), { status: 404, code: 'not_found' });
  });

  it('keeps serving after all of that', async () => {
    assert.equal((await server.app.inject({ url: '/api/health' })).statusCode, 200);
  });
});

async function send(request: InjectOptions): Promise<{ status: number; code: string }> {
  const response = await server.app.inject(request);
  const body = response.json();
  assert.equal(typeof body.error.message, 'string');
  return { status: response.statusCode, code: body.error.code };
}

async function sign(overrides: { secret?: string; exp?: number | null; role?: string }): Promise<string> {
  const jwt = new SignJWT({ name: 'Intrus', role: overrides.role ?? 'member' }).setProtectedHeader({ alg: 'HS256' }).setSubject('test:intrus');
  if (overrides.exp !== null) jwt.setExpirationTime(overrides.exp ?? '1h');
  return jwt.sign(new TextEncoder().encode(overrides.secret ?? TEST_SECRET));
}

describe('OpenAPI document', { timeout: 600_000 }, () => {
  it('lists every route of the contract, the demo sign-in only in demo mode', async () => {
    const { routes } = await import('../../../src/contract/routes.ts');
    const document = (await server.app.inject({ url: '/api/openapi.json' })).json();
    assert.equal(document.openapi, '3.1.0');
    const missing = Object.values(routes)
      .map((route) => [route.method.toLowerCase(), route.url.replace(/:(\w+)/g, '{$1}')] as const)
      // Two paths that differ only by a parameter's name are one path in OpenAPI (the FAQ article's).
      .filter(([method, path]) => !document.paths[path.replace('/faq/{articleId}', '/faq/{slug}')]?.[method]);
    assert.deepEqual(document.servers, [{ url: '/api', description: 'This server' }]);
    assert.deepEqual(missing, [['get', '/demo/members'], ['post', '/demo/sign-in']]);
  });

  it('offers no demo sign-in outside demo mode', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/demo/sign-in', payload: { memberId: server.fixtures.members.advisor.id } });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'not_found');
  });
});
