import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
const tokens: Record<string, string> = {};
let ninaId = 0;

before(async () => {
  server = await createTestServer();
  for (const [name, member] of Object.entries(server.fixtures.members)) tokens[name] = await server.tokenFor(member);
  // A third advisor, who is shared nothing: drafts must stay invisible to her.
  tokens.nina = await server.tokenFor({ externalId: 'demo:nina', pseudonym: 'Nina', role: 'advisor' });
  ninaId = (await server.app.inject({ url: '/api/session', headers: auth('nina') })).json().member.id;
});
after(() => server.close());

function auth(name: string) {
  return { authorization: `Bearer ${tokens[name]}` };
}
const count = async (table: string) => (await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, who: string | null, payload: object = {}) =>
  server.app.inject({ method, url, headers: who ? auth(who) : {}, payload });
const get = (url: string, who: string | null = null) => server.app.inject({ url, headers: who ? auth(who) : {} });

/** A question by Tom with a community answer by Pix37: what an advisor confirms. */
async function threadWithAnswer(title: string): Promise<{ threadId: number; answerId: number }> {
  const asked = await send('POST', '/api/threads', 'asker', { categoryId: server.fixtures.categories.billing, title, body: 'Comment faire, svp ?' });
  assert.equal(asked.statusCode, 201);
  const threadId = asked.json().thread.id as number;
  const answered = await send('POST', `/api/threads/${threadId}/posts`, 'helper', { body: 'Va dans ton espace client, rubrique Forfait.' });
  assert.equal(answered.statusCode, 201);
  return { threadId, answerId: answered.json().id };
}

async function newDraft(payload: object, who = 'advisor'): Promise<number> {
  const created = await send('POST', '/api/agent/drafts', who, payload);
  assert.equal(created.statusCode, 201, created.body);
  return created.json<{ id: number }>().id;
}

describe('shared drafts and colleague review', { timeout: 600_000 }, () => {
  it('an advisor drafts, a colleague comments and approves, the author posts it as a confirmation crediting the colleague', async () => {
    const { threadId, answerId } = await threadWithAnswer('Changer de forfait en cours de mois');
    const draftId = await newDraft({ threadId, body: 'Bonjour à tous,\n@Tom, je confirme ce que dit @Pix37.', citedPostIds: [answerId] });
    const karimId = server.fixtures.members.technicalAdvisor.id;

    const shared = await send('POST', `/api/agent/drafts/${draftId}/shares`, 'advisor', { colleagueIds: [karimId] });
    assert.equal(shared.statusCode, 200);
    assert.deepEqual(shared.json().sharedWith.map((s: { colleague: { id: number } }) => s.colleague.id), [karimId]);

    const inbox = (await get('/api/agent/drafts?scope=shared', 'technicalAdvisor')).json();
    assert.ok(inbox.items.some((d: { id: number }) => d.id === draftId));
    assert.equal((await send('POST', `/api/agent/drafts/${draftId}/comments`, 'technicalAdvisor', { body: 'Ajoute le lien **FAQ**.' })).statusCode, 201);
    const approved = await send('POST', `/api/agent/drafts/${draftId}/approval`, 'technicalAdvisor');
    assert.equal(approved.statusCode, 200);

    const seen = (await get(`/api/agent/drafts/${draftId}`, 'advisor')).json();
    assert.match(seen.comments[0].bodyHtml, /<strong>FAQ<\/strong>/);
    assert.equal(seen.comments[0].author.pseudonym, 'Karim');
    assert.ok(seen.sharedWith[0].approvedAt);

    const posted = await send('POST', `/api/agent/drafts/${draftId}/post`, 'advisor', { creditApprovers: true });
    assert.equal(posted.statusCode, 201, posted.body);
    const { draft, post } = posted.json();
    assert.equal(draft.postedPostId, post.id);
    assert.deepEqual(post.confirmation.assistedBy.map((a: { id: number }) => a.id), [karimId]);
    assert.deepEqual(post.confirmation.cited.map((c: { postId: number }) => c.postId), [answerId]);
    const publicThread = (await get(`/api/threads/${threadId}`)).json();
    assert.equal(publicThread.posts.at(-1).id, post.id);
    assert.equal((await get(`/api/members/${karimId}`)).json().assists, 1);

    const again = await send('POST', `/api/agent/drafts/${draftId}/post`, 'advisor');
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'conflict');
  });

  it('posts a draft that cites nothing as a plain advisor reply', async () => {
    const { threadId } = await threadWithAnswer('Roaming au Canada');
    const draftId = await newDraft({ threadId, body: 'Bonjour à tous,\n@Tom, le roaming est inclus.' });
    const posted = await send('POST', `/api/agent/drafts/${draftId}/post`, 'advisor');
    assert.equal(posted.statusCode, 201);
    assert.equal(posted.json().post.kind, 'reply');
    assert.equal(posted.json().post.confirmation, undefined);
  });

  it('is seen only by its author and the colleagues it is shared with', async () => {
    const { threadId } = await threadWithAnswer('Facture introuvable');
    const draftId = await newDraft({ threadId, body: 'Brouillon secret à relire' });
    await send('POST', `/api/agent/drafts/${draftId}/shares`, 'advisor', { colleagueIds: [server.fixtures.members.technicalAdvisor.id] });

    assert.equal((await get(`/api/agent/drafts/${draftId}`, 'technicalAdvisor')).statusCode, 200);
    assert.equal((await get(`/api/agent/drafts/${draftId}`, 'nina')).statusCode, 404);
    assert.equal((await get(`/api/agent/drafts/${draftId}`, 'moderator')).statusCode, 403);
    assert.equal((await get(`/api/agent/drafts/${draftId}`, 'asker')).statusCode, 403);
    assert.equal((await get(`/api/agent/drafts/${draftId}`)).statusCode, 401);
    assert.equal((await get('/api/agent/drafts/999999', 'advisor')).statusCode, 404);
    assert.ok(!(await get('/api/agent/drafts?scope=shared', 'nina')).body.includes('Brouillon secret'));
    assert.ok(!(await get(`/api/threads/${threadId}`, 'asker')).body.includes('Brouillon secret'));
    assert.equal((await send('POST', `/api/agent/drafts/${draftId}/comments`, 'nina', { body: 'Je passe par là' })).statusCode, 404);
  });

  it('lets only the author edit, share and post, and never approve their own draft', async () => {
    const { threadId } = await threadWithAnswer('Option data en plus');
    const draftId = await newDraft({ threadId, body: 'Bonjour à tous' });
    await send('POST', `/api/agent/drafts/${draftId}/shares`, 'advisor', { colleagueIds: [server.fixtures.members.technicalAdvisor.id] });
    assert.equal((await send('PATCH', `/api/agent/drafts/${draftId}`, 'technicalAdvisor', { body: 'Réécrit' })).statusCode, 403);
    assert.equal((await send('POST', `/api/agent/drafts/${draftId}/post`, 'technicalAdvisor')).statusCode, 403);
    assert.equal((await send('POST', `/api/agent/drafts/${draftId}/approval`, 'advisor')).statusCode, 403);
  });

  it('clears approvals when the author changes the wording', async () => {
    const { threadId } = await threadWithAnswer('Portabilité du numéro');
    const draftId = await newDraft({ threadId, body: 'Bonjour à tous' });
    await send('POST', `/api/agent/drafts/${draftId}/shares`, 'advisor', { colleagueIds: [server.fixtures.members.technicalAdvisor.id] });
    await send('POST', `/api/agent/drafts/${draftId}/approval`, 'technicalAdvisor');
    assert.equal((await send('POST', `/api/agent/drafts/${draftId}/approval`, 'technicalAdvisor')).statusCode, 409);

    const edited = await send('PATCH', `/api/agent/drafts/${draftId}`, 'advisor', { body: 'Bonjour à tous, @Tom' });
    assert.equal(edited.statusCode, 200);
    assert.equal(edited.json().body, 'Bonjour à tous, @Tom');
    assert.equal(edited.json().sharedWith[0].approvedAt, null);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const { threadId } = await threadWithAnswer('Code PUK perdu');
    const drafts = await count('review_drafts');
    for (const payload of [{ threadId, body: ' ' }, { threadId, body: 'ok ok', extra: 1 }, { threadId: 'x', body: 'Bonjour' }, { body: 'Bonjour' }]) {
      const response = await send('POST', '/api/agent/drafts', 'advisor', payload);
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.equal(response.json().error.code, 'validation_failed');
    }
    assert.equal(await count('review_drafts'), drafts);
    assert.equal((await send('POST', '/api/agent/drafts', 'advisor', { threadId: 999999, body: 'Bonjour' })).statusCode, 404);

    const draftId = await newDraft({ threadId, body: 'Bonjour à tous' });
    const shares = await count('review_draft_shares');
    const toMember = await send('POST', `/api/agent/drafts/${draftId}/shares`, 'advisor', { colleagueIds: [server.fixtures.members.technicalAdvisor.id, server.fixtures.members.helper.id] });
    assert.equal(toMember.statusCode, 400);
    assert.equal(await count('review_draft_shares'), shares);
    assert.equal((await send('PATCH', `/api/agent/drafts/${draftId}`, 'advisor', {})).statusCode, 400);
  });

  it('keeps the draft when posting is refused, and posts it once fixed', async () => {
    const { threadId } = await threadWithAnswer('Forfait bloqué');
    const [question] = await server.db.query<{ id: number }>(`select id from posts where thread_id = $1 and kind = 'question'`, [threadId]);
    const draftId = await newDraft({ threadId, body: 'Bonjour à tous', citedPostIds: [question!.id] });
    const posts = await count('posts');
    const refused = await send('POST', `/api/agent/drafts/${draftId}/post`, 'advisor');
    assert.equal(refused.statusCode, 400);
    assert.equal(await count('posts'), posts);
    assert.equal((await get(`/api/agent/drafts/${draftId}`, 'advisor')).json().postedAt, null);

    const creditsWithoutCitation = await send('PATCH', `/api/agent/drafts/${draftId}`, 'advisor', { citedPostIds: [], assistedByIds: [server.fixtures.members.technicalAdvisor.id] });
    assert.equal(creditsWithoutCitation.statusCode, 200);
    assert.equal((await send('POST', `/api/agent/drafts/${draftId}/post`, 'advisor')).statusCode, 400);
    await send('PATCH', `/api/agent/drafts/${draftId}`, 'advisor', { assistedByIds: [] });
    assert.equal((await send('POST', `/api/agent/drafts/${draftId}/post`, 'advisor')).statusCode, 201);
    assert.equal((await send('PATCH', `/api/agent/drafts/${draftId}`, 'advisor', { body: 'Trop tard' })).statusCode, 409);
  });
});

describe('monthly quality review', { timeout: 600_000 }, () => {
  const month = '2026-03';

  before(async () => {
    const { members, categories } = server.fixtures;
    const [thread] = await server.db.query<{ id: number }>(
      `insert into threads (category_id, author_id, title, created_at) values ($1, $2, 'Question de mars', '2026-03-02') returning id`,
      [categories.network, members.asker.id],
    );
    for (let day = 3; day <= 12; day += 1) {
      for (const advisor of [members.advisor, members.technicalAdvisor]) {
        await server.db.query(
          `insert into posts (thread_id, author_id, kind, body_md, body_html, created_at) values ($1, $2, 'reply', 'R', '<p>R</p>', $3)`,
          [thread!.id, advisor.id, `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`],
        );
      }
    }
  });

  it('gives managers three posts per advisor, the same on every load', async () => {
    const first = await get(`/api/agent/review-sample?month=${month}`, 'moderator');
    assert.equal(first.statusCode, 200);
    const sample = first.json();
    const julie = sample.advisors.find((a: { advisor: { id: number } }) => a.advisor.id === server.fixtures.members.advisor.id);
    assert.equal(julie.postCount, 10);
    assert.equal(julie.items.length, 3);
    assert.ok(sample.advisors.some((a: { advisor: { id: number }; items: unknown[] }) => a.advisor.id === ninaId && a.items.length === 0));
    const again = (await get(`/api/agent/review-sample?month=${month}`, 'moderator')).json();
    assert.deepEqual(again, sample);
  });

  it('saves a rubric and shows it in the sample', async () => {
    const sample = (await get(`/api/agent/review-sample?month=${month}`, 'moderator')).json();
    const postId = sample.advisors[0].items[0].post.id;
    const saved = await send('PUT', `/api/agent/review-sample/${postId}/rubric`, 'moderator', { accuracy: 4, clarity: 3, tone: 3, involvement: 3, comment: 'Bien cité.' });
    assert.equal(saved.statusCode, 200);
    assert.equal(saved.json().average, 3.3);
    const replaced = await send('PUT', `/api/agent/review-sample/${postId}/rubric`, 'moderator', { accuracy: 2, clarity: 2, tone: 2, involvement: 2 });
    assert.equal(replaced.json().comment, '');
    const reloaded = (await get(`/api/agent/review-sample?month=${month}`, 'moderator')).json();
    assert.equal(reloaded.advisors[0].items[0].rubric.accuracy, 2);
    assert.equal(reloaded.advisors[0].items[0].rubric.reviewer.pseudonym, 'Modo');
  });

  it('is the managers’ only, and refuses bad input without writing', async () => {
    assert.equal((await get(`/api/agent/review-sample?month=${month}`, 'advisor')).statusCode, 403);
    assert.equal((await get(`/api/agent/review-sample?month=${month}`, 'asker')).statusCode, 403);
    assert.equal((await get(`/api/agent/review-sample?month=${month}`)).statusCode, 401);
    assert.equal((await get('/api/agent/review-sample?month=2026-13', 'moderator')).statusCode, 400);
    assert.equal((await get('/api/agent/review-sample?month=mars', 'moderator')).statusCode, 400);

    const [memberPost] = await server.db.query<{ id: number }>(`select id from posts where author_id = $1 limit 1`, [server.fixtures.members.asker.id]);
    const rubrics = await count('quality_rubrics');
    const scores = { accuracy: 3, clarity: 3, tone: 3, involvement: 3 };
    assert.equal((await send('PUT', `/api/agent/review-sample/${memberPost!.id}/rubric`, 'moderator', scores)).statusCode, 400);
    assert.equal((await send('PUT', '/api/agent/review-sample/1/rubric', 'moderator', { ...scores, tone: 5 })).statusCode, 400);
    assert.equal((await send('PUT', '/api/agent/review-sample/999999/rubric', 'moderator', scores)).statusCode, 404);
    assert.equal((await send('PUT', '/api/agent/review-sample/1/rubric', 'advisor', scores)).statusCode, 403);
    assert.equal(await count('quality_rubrics'), rubrics);
  });
});
