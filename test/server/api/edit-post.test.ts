/** PATCH /api/posts/:postId: authors edit their own posts, staff any post with an audited reason. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import type { Post } from '../../../src/contract/index.ts';
import type { FixtureMember } from '../../helpers/fixtures.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
const tokens = new Map<string, string>();

const as = (member: FixtureMember | null, options: InjectOptions) =>
  server.app.inject({ ...options, headers: { ...(member ? { authorization: `Bearer ${tokens.get(member.externalId)}` } : {}), ...options.headers } });
const edit = (member: FixtureMember | null, postId: number, payload: unknown) => as(member, { method: 'PATCH', url: `/api/posts/${postId}`, payload: payload as object });
const one = async <T>(sql: string, params: unknown[] = []) => (await server.db.query<T>(sql, params))[0]!;
const stored = (postId: number) => one<{ body_md: string; body_html: string; edited_at: Date | null }>('select body_md, body_html, edited_at from posts where id = $1', [postId]);
const count = async (table: string) => (await one<{ n: number }>(`select count(*)::int as n from ${table}`)).n;

/** A reply by `member` on the fixtures' thread, through the API. */
async function replyBy(member: FixtureMember, body = 'Réponse **initiale**.'): Promise<number> {
  const response = await as(member, { method: 'POST', url: `/api/threads/${server.fixtures.threadId}/posts`, payload: { body } });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<Post>().id;
}

before(async () => {
  server = await createTestServer();
  for (const member of Object.values(server.fixtures.members)) tokens.set(member.externalId, await server.tokenFor(member));
});
after(() => server.close());

describe('PATCH /api/posts/:postId', { timeout: 600_000 }, () => {
  it('lets the author edit: body rendered again, editedAt set, a post-updated event published', async () => {
    const { helper } = server.fixtures.members;
    const postId = await replyBy(helper);
    const response = await edit(helper, postId, { body: 'Réponse *corrigée* <img src=x onerror=alert(1)>' });
    assert.equal(response.statusCode, 200, response.body);
    const post = response.json<Post>();
    assert.equal(post.id, postId);
    assert.match(post.bodyHtml, /<em>corrigée<\/em>/);
    assert.doesNotMatch(post.bodyHtml, /<img/);
    assert.ok(post.editedAt && Date.parse(post.editedAt) > 0);
    assert.equal((await stored(postId)).body_md, 'Réponse *corrigée* <img src=x onerror=alert(1)>');
    const event = await one<{ payload: { type: string; post: Post } }>("select payload from events where type = 'post-updated' order by id desc limit 1");
    assert.deepEqual([event.payload.post.id, event.payload.post.bodyHtml], [postId, post.bodyHtml]);
    const thread = (await server.app.inject({ url: `/api/threads/${server.fixtures.threadId}` })).json<{ posts: Post[] }>();
    assert.equal(thread.posts.find((p) => p.id === postId)?.editedAt, post.editedAt);
  });

  it('keeps a staff edit of a hidden post out of the public event stream', async () => {
    const { helper, moderator } = server.fixtures.members;
    const postId = await replyBy(helper, 'Mon numéro client est le 123456.');
    const hidden = await as(moderator, { method: 'POST', url: `/api/posts/${postId}/hide`, payload: { reason: 'données personnelles' } });
    assert.equal(hidden.statusCode, 200, hidden.body);
    // Only the author's own notification (delivered to them alone) may follow the edit.
    const publicEvents = async () => (await one<{ n: number }>("select count(*)::int as n from events where type <> 'notification'")).n;
    const events = await publicEvents();

    const response = await edit(moderator, postId, { body: 'Message masqué : données retirées.', reason: 'données personnelles' });

    assert.equal(response.statusCode, 200, response.body);
    assert.equal(await publicEvents(), events);
  });

  it('does not audit an author editing their own post', async () => {
    const { other } = server.fixtures.members;
    const postId = await replyBy(other);
    const audits = await count('audit_log');
    assert.equal((await edit(other, postId, { body: 'Nouvelle version.' })).statusCode, 200);
    assert.equal(await count('audit_log'), audits);
  });

  it('refuses another member with 403 and changes nothing', async () => {
    const { helper, other } = server.fixtures.members;
    const postId = await replyBy(helper);
    const before = await stored(postId);
    const response = await edit(other, postId, { body: 'Pas mon message.' });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'forbidden');
    assert.deepEqual(await stored(postId), before);
  });

  it('asks a guest to sign in (401)', async () => {
    const postId = await replyBy(server.fixtures.members.helper);
    const response = await edit(null, postId, { body: 'Anonyme.' });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.code, 'unauthorized');
  });

  it('answers 404 for an unknown post', async () => {
    const response = await edit(server.fixtures.members.helper, 987_654, { body: 'Nulle part.' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'not_found');
  });

  for (const [label, payload] of [
    ['a missing body', {}],
    ['an empty body', { body: '' }],
    ['a blank body', { body: '   ' }],
    ['an unknown field', { body: 'Texte correct.', pinned: true }],
    ['a body that is not a string', { body: 42 }],
  ] as const) {
    it(`refuses ${label} with 400 and writes nothing`, async () => {
      const { helper } = server.fixtures.members;
      const postId = await replyBy(helper);
      const before = await stored(postId);
      const events = await count('events');
      const response = await edit(helper, postId, payload);
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().error.code, 'validation_failed');
      assert.deepEqual(await stored(postId), before);
      assert.equal(await count('events'), events);
    });
  }

  it('refuses the author on a closed thread (403) and lets a moderator edit there', async () => {
    const { helper, moderator } = server.fixtures.members;
    const postId = await replyBy(helper);
    await server.db.query(`update threads set status = 'closed' where id = $1`, [server.fixtures.threadId]);
    try {
      const response = await edit(helper, postId, { body: 'Trop tard.' });
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().error.code, 'forbidden');
      assert.equal((await edit(moderator, postId, { body: 'Corrigé par la modération.', reason: 'Numéro de téléphone retiré.' })).statusCode, 200);
    } finally {
      await server.db.query(`update threads set status = 'answered' where id = $1`, [server.fixtures.threadId]);
    }
  });

  it("audits a moderator's edit of someone else's post with the reason, before and after", async () => {
    const { helper, moderator } = server.fixtures.members;
    const postId = await replyBy(helper, 'Appelez-moi au 06 12 34 56 78.');
    const response = await edit(moderator, postId, { body: 'Appelez-moi (numéro retiré).', reason: 'Donnée personnelle.' });
    assert.equal(response.statusCode, 200, response.body);
    const entry = await one<{ actor_id: number; action: string; target_type: string; target_id: number; reason: string; before: unknown; after: unknown }>(
      `select actor_id, action, target_type, target_id, reason, before, after from audit_log where action = 'post.edit' order by id desc limit 1`,
    );
    assert.deepEqual(entry, {
      actor_id: moderator.id, action: 'post.edit', target_type: 'post', target_id: postId, reason: 'Donnée personnelle.',
      before: { body: 'Appelez-moi au 06 12 34 56 78.' }, after: { body: 'Appelez-moi (numéro retiré).' },
    });
  });

  it("refuses a staff edit of someone else's post without a reason (400) and writes nothing", async () => {
    const { helper, advisor } = server.fixtures.members;
    const postId = await replyBy(helper);
    const before = await stored(postId);
    const audits = await count('audit_log');
    const response = await edit(advisor, postId, { body: 'Sans raison.' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.details[0].path, '/reason');
    assert.deepEqual(await stored(postId), before);
    assert.equal(await count('audit_log'), audits);
  });

  it("keeps an advisor confirmation's citations and signature when it is edited", async () => {
    const { helper, advisor } = server.fixtures.members;
    const citedId = await replyBy(helper);
    const confirmed = await as(advisor, { method: 'POST', url: `/api/threads/${server.fixtures.threadId}/confirmations`, payload: { body: 'Je confirme.', citedPostIds: [citedId] } });
    assert.equal(confirmed.statusCode, 201, confirmed.body);
    const response = await edit(advisor, confirmed.json<Post>().id, { body: 'Je confirme ce qu’a dit @Pix37.' });
    assert.equal(response.statusCode, 200, response.body);
    const post = response.json<Post>();
    assert.deepEqual(post.confirmation?.cited.map((c) => c.postId), [citedId]);
    assert.equal(post.signatureHtml, '<p>Merci !</p>\n');
  });
});
