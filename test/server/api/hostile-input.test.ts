/**
 * Input PostgreSQL cannot take, refused at the edge with a typed 400 (401 for a token) and
 * nothing written: ids beyond `integer`, ids that are not decimal digits, NUL and lone
 * surrogates in any text, control characters in one-line fields and in token claims.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { incompressible } from '../../helpers/fuzz-values.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

const TOO_BIG = 2147483648;

let server: TestServer;
let tokens: { asker: string; helper: string; advisor: string };

before(async () => {
  server = await createTestServer();
  const { asker, helper, advisor } = server.fixtures.members;
  tokens = { asker: await server.tokenFor(asker), helper: await server.tokenFor(helper), advisor: await server.tokenFor(advisor) };
});
after(() => server.close());

async function send(as: keyof typeof tokens | null, request: InjectOptions) {
  const headers = { ...(request.headers as Record<string, string> | undefined), ...(as ? { authorization: `Bearer ${tokens[as]}` } : {}) };
  const response = await server.app.inject({ ...request, headers });
  return { status: response.statusCode, body: response.json<{ error?: { code: string; message: string; details?: Array<{ in: string; path: string }> } } & Record<string, unknown>>() };
}

/** A 400 validation_failed naming `path` in `part`. */
function assertRefused(answer: Awaited<ReturnType<typeof send>>, part: string, path: string): void {
  assert.equal(answer.status, 400, JSON.stringify(answer.body));
  assert.equal(answer.body.error?.code, 'validation_failed');
  assert.ok(answer.body.error?.details?.some((d) => d.in === part && d.path === path), JSON.stringify(answer.body.error?.details));
}

async function count(table: string): Promise<number> {
  const [row] = await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row!.n;
}

/** A fresh thread by the asker with one reply by the helper. */
async function threadWithReply(): Promise<{ threadId: number; replyId: number }> {
  const created = await send('asker', { method: 'POST', url: '/api/threads', payload: { categoryId: server.fixtures.categories.billing, title: `Question ${Math.random()}`, body: 'Bonjour, une question.' } });
  const threadId = (created.body.thread as { id: number }).id;
  const reply = await send('helper', { method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: 'Une réponse.' } });
  return { threadId, replyId: reply.body.id as number };
}

describe('ids beyond PostgreSQL integer', { timeout: 600_000 }, () => {
  it('in a path: 400, while the largest integer is simply not found', async () => {
    assertRefused(await send(null, { url: `/api/threads/${TOO_BIG}` }), 'params', '/threadId');
    assertRefused(await send('helper', { method: 'POST', url: `/api/posts/${TOO_BIG}/kudos` }), 'params', '/postId');
    assert.equal((await send(null, { url: '/api/threads/2147483647' })).status, 404);
  });

  it('in a query', async () => {
    assertRefused(await send(null, { url: `/api/threads?categoryId=${TOO_BIG}` }), 'querystring', '/categoryId');
    assertRefused(await send(null, { url: `/api/search?q=forfait&authorId=${TOO_BIG}` }), 'querystring', '/authorId');
  });

  it('in citedPostIds and assistedByIds', async () => {
    const { threadId, replyId } = await threadWithReply();
    const url = `/api/threads/${threadId}/confirmations`;
    assertRefused(await send('advisor', { method: 'POST', url, payload: { body: 'Je confirme.', citedPostIds: [TOO_BIG] } }), 'body', '/citedPostIds/0');
    assertRefused(await send('advisor', { method: 'POST', url, payload: { body: 'Je confirme.', citedPostIds: [replyId], assistedByIds: [TOO_BIG] } }), 'body', '/assistedByIds/0');
  });

  it('in colleagueIds, memberIds and threadIds', async () => {
    const { threadId } = await threadWithReply();
    const draft = await send('advisor', { method: 'POST', url: '/api/agent/drafts', payload: { threadId, body: 'Bonjour à tous' } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const draftId = (draft.body.draft as { id: number } | undefined)?.id ?? (draft.body.id as number);
    assertRefused(await send('advisor', { method: 'POST', url: `/api/agent/drafts/${draftId}/shares`, payload: { colleagueIds: [TOO_BIG] } }), 'body', '/colleagueIds/0');
    assertRefused(await send('advisor', { method: 'POST', url: `/api/threads/${threadId}/expert-nudges`, payload: { memberIds: [TOO_BIG] } }), 'body', '/memberIds/0');
    const incidents = await count('incidents');
    assertRefused(await send('advisor', { method: 'POST', url: '/api/incidents', payload: { title: 'Panne', bannerText: 'Panne en cours.', threadIds: [threadId, TOO_BIG] } }), 'body', '/threadIds/1');
    assert.equal(await count('incidents'), incidents);
  });
});

describe('path and query ids are decimal digits', { timeout: 600_000 }, () => {
  for (const id of ['1.5', '0x10', '1e1', '+1', '%201', '1%20', '-1', 'true']) {
    it(`/threads/${id} is refused`, async () => {
      assertRefused(await send(null, { url: `/api/threads/${id}` }), 'params', '/threadId');
    });
  }

  it('a query id the same way', async () => {
    assertRefused(await send(null, { url: '/api/threads?categoryId=0x1' }), 'querystring', '/categoryId');
    assertRefused(await send(null, { url: '/api/threads?categoryId=' }), 'querystring', '/categoryId');
  });

  it('leading zeros are still decimal', async () => {
    assert.equal((await send(null, { url: `/api/threads/0${server.fixtures.threadId}` })).status, 200);
  });
});

describe('text PostgreSQL cannot store', { timeout: 600_000 }, () => {
  const newThread = (fields: Record<string, unknown>) => ({ method: 'POST' as const, url: '/api/threads', payload: { categoryId: server.fixtures.categories.billing, title: 'Une question', body: 'Bonjour à tous.', ...fields } });

  it('NUL in a title or a body: 400, nothing written', async () => {
    const threads = await count('threads');
    assertRefused(await send('asker', newThread({ title: 'Une\u0000question' })), 'body', '/title');
    assertRefused(await send('asker', newThread({ body: 'Bonjour\u0000 à tous.' })), 'body', '/body');
    assertRefused(await send('asker', { method: 'POST', url: `/api/threads/${server.fixtures.threadId}/posts`, payload: { body: 'Merci\u0000' } }), 'body', '/body');
    assert.equal(await count('threads'), threads);
  });

  it('a lone surrogate in JSON: 400', async () => {
    const payload = `{"categoryId":${server.fixtures.categories.billing},"title":"Une question","body":"Bonjour \\ud800 à tous."}`;
    assertRefused(await send('asker', { method: 'POST', url: '/api/threads', payload, headers: { 'content-type': 'application/json' } }), 'body', '/body');
  });

  it('control characters in a title, not in a body', async () => {
    assertRefused(await send('asker', newThread({ title: 'Une\nquestion' })), 'body', '/title');
    assertRefused(await send('asker', newThread({ title: 'Une\u001b[31mquestion' })), 'body', '/title');
    assert.equal((await send('asker', newThread({ title: 'Une question ok', body: 'Ligne 1\n\tLigne 2' }))).status, 201);
  });

  it('control characters in an incident title, banner or region', async () => {
    const incident = (fields: Record<string, unknown>) => ({ method: 'POST' as const, url: '/api/incidents', payload: { title: 'Panne', bannerText: 'Panne en cours.', threadIds: [], ...fields } });
    assertRefused(await send('advisor', incident({ title: 'Pan\rne' })), 'body', '/title');
    assertRefused(await send('advisor', incident({ bannerText: 'Panne\nen cours' })), 'body', '/bannerText');
    assertRefused(await send('advisor', incident({ region: 'Nord\u0007' })), 'body', '/region');
  });

  it('control characters in an FAQ article title, as in a thread title', async () => {
    const article = { slug: 'titre-sur-deux-lignes', locale: 'fr', title: 'Changer\nde forfait', bodyMd: 'Rendez-vous dans votre espace client.' };
    assertRefused(await send('advisor', { method: 'POST', url: '/api/faq', payload: article }), 'body', '/title');
  });

  it('a body nested 20,000 deep: 400, not a stack overflow', async () => {
    for (const payload of [`${'['.repeat(20_000)}${']'.repeat(20_000)}`, `{"body":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`]) {
      const answer = await send('helper', { method: 'POST', url: `/api/threads/${server.fixtures.threadId}/posts`, payload, headers: { 'content-type': 'application/json' } });
      assert.equal(answer.status, 400, JSON.stringify(answer.body).slice(0, 200));
    }
  });

  it('NUL in a search query: 400', async () => {
    assertRefused(await send(null, { url: '/api/search?q=forfait%00' }), 'querystring', '/q');
    assertRefused(await send(null, { url: '/api/faq?q=%00' }), 'querystring', '/q');
  });
});

describe('token claims PostgreSQL cannot store', { timeout: 600_000 }, () => {
  const claims = [
    { claim: 'sub', member: { externalId: 'brand:\u0000x', pseudonym: 'Nul', role: 'member' as const } },
    { claim: 'name', member: { externalId: 'brand:nul-name', pseudonym: 'Nu\u0000l', role: 'member' as const } },
    { claim: 'name', member: { externalId: 'brand:newline-name', pseudonym: 'Two\nlines', role: 'member' as const } },
    { claim: 'name', member: { externalId: 'brand:surrogate-name', pseudonym: 'Bad \ud800', role: 'member' as const } },
    // Past PostgreSQL's btree row limit (about 2.7 kB) the members index refused it with a 500.
    { claim: 'sub', member: { externalId: incompressible(4000), pseudonym: 'Long sub', role: 'member' as const } },
  ];
  for (const { claim, member } of claims) {
    it(`${claim} ${JSON.stringify(`${member.externalId.slice(0, 30)} ${member.pseudonym}`)}: 401, no member made`, async () => {
      const members = await count('members');
      const answer = await server.app.inject({ url: '/api/session', headers: { authorization: `Bearer ${await server.tokenFor(member)}` } });
      assert.equal(answer.statusCode, 401, answer.body);
      const { error } = answer.json<{ error: { code: string; message: string } }>();
      assert.equal(error.code, 'unauthorized');
      assert.match(error.message, new RegExp(`\`${claim}\``));
      assert.equal(await count('members'), members);
    });
  }
});

describe('instants at the edge of what PostgreSQL stores', { timeout: 600_000 }, () => {
  // PGlite wrote year 0 as `0000` (PostgreSQL has no year 0) and answered 500; node-postgres writes 1 BC.
  for (const query of ['from=0000-01-01T00:00:00Z', 'to=0001-01-01T00:00:00Z', 'from=9999-01-01T00:00:00Z&to=9999-12-31T23:59:59Z']) {
    it(`metrics ${query}: answered`, async () => {
      const answer = await send('advisor', { url: `/api/metrics?${query}` });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
    });
  }
});

describe('what reaches SQL from a cursor or the router', { timeout: 600_000 }, () => {
  const forged = (text: string) => Buffer.from(text).toString('base64url');

  it('a forged post cursor naming an id beyond integer: 400', async () => {
    assertRefused(await send(null, { url: `/api/threads/${server.fixtures.threadId}/posts?cursor=${forged('p:2147483648')}` }), 'querystring', '/cursor');
  });

  it('a forged thread-list cursor with an odd date or a huge id: 400', async () => {
    const base = `/api/threads?categoryId=${server.fixtures.categories.billing}&cursor=`;
    assertRefused(await send(null, { url: base + forged(JSON.stringify(['activity', '0', 1])) }), 'querystring', '/cursor');
    assertRefused(await send(null, { url: base + forged(JSON.stringify(['activity', '2024-01-01T00:00:00.000Z', 2147483648])) }), 'querystring', '/cursor');
  });

  it('a malformed percent-escape in a path: the typed 400', async () => {
    const answer = await send(null, { url: '/api/threads/%FF' });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error?.code, 'validation_failed');
  });

  it('a FAQ slug as long as the contract allows reaches the route (404, not the router\'s 414)', async () => {
    const answer = await send(null, { url: `/api/faq/${'a'.repeat(120)}` });
    assert.equal(answer.status, 404, JSON.stringify(answer.body));
    assert.equal(answer.body.error?.code, 'not_found');
  });
});
