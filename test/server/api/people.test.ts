/**
 * Member profiles and FAQ pages (issue 15, items 7 and 8), over real HTTP through the SDK: the
 * rank progress with its public criteria, the member's questions and answers a page at a time,
 * an article's related solved threads, and nothing a reader could not read in the threads.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { renderMarkdown } from '../../../src/domain/markdown.ts';
import { createEntraideClient, EntraideError, type EntraideClient } from '../../../src/sdk/index.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

const TIMEOUT = { timeout: 300_000 };
let server: TestServer;
let guest: EntraideClient;
let counter = 0;

/** A thread with its question and replies (each reply's author given), straight in the database; returns the thread and post ids. */
async function thread(authorId: number, title: string, replies: { authorId: number; body: string }[] = [], status = 'open'): Promise<{ id: number; posts: number[] }> {
  counter += 1;
  const at = new Date(Date.UTC(2026, 10, 1, 8, counter)).toISOString();
  const [row] = await server.db.query<{ id: number }>(
    `insert into threads (category_id, author_id, title, locale, status, created_at, last_post_at) values ($1, $2, $3, 'fr', $4, $5, $5) returning id`,
    [server.fixtures.categories.network, authorId, title, status, at],
  );
  const posts: number[] = [];
  for (const [index, post] of [{ authorId, body: `${title} : que faire ?` }, ...replies].entries()) {
    const [inserted] = await server.db.query<{ id: number }>(
      `insert into posts (thread_id, author_id, kind, body_md, body_html, created_at) values ($1, $2, $3, $4, $5, $6::timestamptz + $7 * interval '1 minute') returning id`,
      [row!.id, post.authorId, index === 0 ? 'question' : 'reply', post.body, renderMarkdown(post.body), at, index],
    );
    posts.push(inserted!.id);
  }
  return { id: row!.id, posts };
}

const rejection = async (promise: Promise<unknown>): Promise<EntraideError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EntraideError) return error;
    throw error;
  }
  assert.fail('the call succeeded');
};

before(async () => {
  server = await createTestServer({ listen: true });
  guest = createEntraideClient({ baseUrl: `${server.url}/api` });
});
after(() => server.close());

describe('a member profile', TIMEOUT, () => {
  it('shows the rank and the next step with its public criteria, on the community ladder', async () => {
    const profile = await guest.members.get(server.fixtures.members.asker.id);
    assert.equal(profile.rank.level, 1);
    assert.ok(profile.progress.next, 'a beginner has a next step');
    assert.equal(profile.progress.next.level, 2);
    assert.equal(profile.progress.next.name, server.community.ladder.steps[1]!.name);
    assert.ok(profile.progress.score < profile.progress.next.minScore || profile.progress.daysSinceJoining < profile.progress.next.minDays, 'not reached yet');
    assert.deepEqual(Object.keys(profile.progress.weights).sort(), ['acceptedAnswer', 'confirmedAnswer', 'kudos', 'post']);
  });

  it('has no next step on the top rank', async () => {
    const profile = await guest.members.get(server.fixtures.members.helper.id);
    assert.equal(profile.rank.level, server.community.ladder.steps.length);
    assert.equal(profile.progress.next, null);
  });

  it('answers 404 for a member who does not exist, on every profile read', async () => {
    for (const read of [() => guest.members.get(999_999), () => guest.members.threads(999_999), () => guest.members.answers(999_999)]) {
      const error = await rejection(read());
      assert.equal(error.status, 404);
      assert.equal(error.code, 'not_found');
    }
  });

  it('refuses a cursor it never gave out with a typed 400', async () => {
    const error = await rejection(guest.members.threads(server.fixtures.members.asker.id, { cursor: 'bm90LWEtY3Vyc29y' }));
    assert.equal(error.status, 400);
    assert.equal(error.code, 'validation_failed');
  });
});

describe('the questions a member asked', TIMEOUT, () => {
  const ids = { visible: [] as number[], hiddenQuestion: 0, deletedQuestion: 0, merged: 0 };
  let memberId = 0;
  before(async () => {
    memberId = server.fixtures.members.other.id;
    for (const title of ['Réseau coupé', 'Appels impossibles', 'SMS en retard']) ids.visible.push((await thread(memberId, title)).id);
    const hidden = await thread(memberId, 'Question masquée');
    await server.db.query(`update posts set hidden = true where id = $1`, [hidden.posts[0]]);
    ids.hiddenQuestion = hidden.id;
    const deleted = await thread(memberId, 'Question supprimée');
    await server.db.query(`update posts set deleted_at = now(), deleted_by = 'author', body_md = '', body_html = '' where id = $1`, [deleted.posts[0]]);
    ids.deletedQuestion = deleted.id;
    ids.merged = (await thread(memberId, 'Question fusionnée')).id;
    await server.db.query(`update threads set merged_into_id = $2 where id = $1`, [ids.merged, ids.visible[0]]);
  });

  it('pages them newest first, each once, and lists none that a reader cannot read', async () => {
    const first = await guest.members.threads(memberId, { limit: 2 });
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const second = await guest.members.threads(memberId, { limit: 2, cursor: first.nextCursor });
    const listed = [...first.items, ...second.items].map((item) => item.id);
    assert.deepEqual(listed, [...ids.visible].reverse());
    assert.equal(second.nextCursor, null);
    for (const item of [...first.items, ...second.items]) assert.equal(item.author.id, memberId);
  });
});

describe('the answers a member gave', TIMEOUT, () => {
  const posts = { plain: 0, accepted: 0, confirmed: 0, hidden: 0, deleted: 0, inHiddenThread: 0 };
  let memberId = 0;
  before(async () => {
    const { asker, advisor } = server.fixtures.members;
    memberId = server.fixtures.members.technicalAdvisor.id;
    const one = await thread(asker.id, 'Pas de 4G', [{ authorId: memberId, body: 'Active la 4G dans les réglages.' }]);
    posts.plain = one.posts[1]!;
    const solved = await thread(asker.id, 'Messagerie vocale', [{ authorId: memberId, body: 'Compose le 888.' }], 'solved');
    posts.accepted = solved.posts[1]!;
    await server.db.query(`update threads set accepted_post_id = $2 where id = $1`, [solved.id, posts.accepted]);
    const confirmed = await thread(asker.id, 'Code PUK', [{ authorId: memberId, body: 'Le code PUK est sur le support de la SIM.' }, { authorId: advisor.id, body: 'Je confirme.' }]);
    posts.confirmed = confirmed.posts[1]!;
    await server.db.query(`insert into post_citations (post_id, cited_post_id, cited_member_id) values ($1, $2, $3)`, [confirmed.posts[2], posts.confirmed, memberId]);
    const hidden = await thread(asker.id, 'Forfait bloqué', [{ authorId: memberId, body: 'Message masqué par un modérateur.' }]);
    posts.hidden = hidden.posts[1]!;
    await server.db.query(`update posts set hidden = true where id = $1`, [posts.hidden]);
    const deleted = await thread(asker.id, 'Facture', [{ authorId: memberId, body: 'Réponse supprimée.' }]);
    posts.deleted = deleted.posts[1]!;
    await server.db.query(`update posts set deleted_at = now(), deleted_by = 'author', body_md = '', body_html = '' where id = $1`, [posts.deleted]);
    const gone = await thread(asker.id, 'Sujet masqué', [{ authorId: memberId, body: 'Réponse dans un sujet masqué.' }]);
    posts.inHiddenThread = gone.posts[1]!;
    await server.db.query(`update posts set hidden = true where id = $1`, [gone.posts[0]]);
  });

  it('lists the visible answers, newest first, with their accepted and confirmed state', async () => {
    const page = await guest.members.answers(memberId, { limit: 50 });
    assert.deepEqual(page.items.map((item) => item.postId), [posts.confirmed, posts.accepted, posts.plain]);
    const byId = new Map(page.items.map((item) => [item.postId, item]));
    assert.deepEqual([byId.get(posts.plain)!.accepted, byId.get(posts.plain)!.confirmed], [false, false]);
    assert.deepEqual([byId.get(posts.accepted)!.accepted, byId.get(posts.accepted)!.confirmed], [true, false]);
    assert.deepEqual([byId.get(posts.confirmed)!.accepted, byId.get(posts.confirmed)!.confirmed], [false, true]);
    assert.equal(byId.get(posts.plain)!.threadTitle, 'Pas de 4G');
    assert.equal(byId.get(posts.plain)!.excerpt, 'Active la 4G dans les réglages.');
  });

  it('never shows a hidden or deleted answer, nor one in a thread whose question is hidden, to anyone', async () => {
    const moderator = createEntraideClient({ baseUrl: `${server.url}/api`, getToken: () => server.tokenFor(server.fixtures.members.moderator) });
    for (const reader of [guest, moderator]) {
      const listed = (await reader.members.answers(memberId, { limit: 50 })).items.map((item) => item.postId);
      for (const postId of [posts.hidden, posts.deleted, posts.inHiddenThread]) assert.ok(!listed.includes(postId), `post ${postId} listed`);
    }
  });
});

describe('an FAQ article’s related solved threads', TIMEOUT, () => {
  const ids = { linked: 0, linkedByHidden: 0, matching: 0, matchingOpen: 0 };
  before(async () => {
    const { asker, helper, advisor } = server.fixtures.members;
    const body = 'Activer l’itinérance depuis l’espace client.';
    const [article] = await server.db.query<{ id: number }>(
      `insert into faq_articles (community_id, slug, locale, title, body_md, body_html) values ($1, 'itinerance', 'fr', 'Activer l''itinérance', $2, $3) returning id`,
      [server.fixtures.communityId, body, renderMarkdown(body)],
    );
    const linked = await thread(asker.id, 'Pas de réseau en Espagne', [{ authorId: advisor.id, body: 'Voir la FAQ.' }], 'solved');
    await server.db.query(`insert into post_faq_links (post_id, article_id) values ($1, $2)`, [linked.posts[1], article!.id]);
    ids.linked = linked.id;
    const hidden = await thread(asker.id, 'Roaming au Maroc', [{ authorId: advisor.id, body: 'Voir la FAQ.' }], 'solved');
    await server.db.query(`insert into post_faq_links (post_id, article_id) values ($1, $2)`, [hidden.posts[1], article!.id]);
    await server.db.query(`update posts set hidden = true where id = $1`, [hidden.posts[1]]);
    ids.linkedByHidden = hidden.id;
    ids.matching = (await thread(helper.id, 'Comment activer l’itinérance ?', [{ authorId: asker.id, body: 'Dans les options.' }], 'solved')).id;
    ids.matchingOpen = (await thread(helper.id, 'Activer l’itinérance impossible', [], 'open')).id;
  });

  it('lists the threads linking the article first, then solved threads matching its title', async () => {
    const { items } = await guest.faq.related('itinerance');
    assert.deepEqual(items.map((item) => [item.thread.id, item.linked]), [[ids.linked, true], [ids.matching, false]]);
    for (const item of items) assert.equal(item.thread.status, 'solved');
  });

  it('does not count a link from a hidden post, and lists no unsolved thread', async () => {
    const listed = (await guest.faq.related('itinerance', { limit: 20 })).items.map((item) => item.thread.id);
    assert.ok(!listed.includes(ids.linkedByHidden) && !listed.includes(ids.matchingOpen));
  });

  it('answers 404 for an unknown article', async () => {
    const error = await rejection(guest.faq.related('pas-d-article'));
    assert.equal(error.status, 404);
  });
});
