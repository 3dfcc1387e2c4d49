/** Authorization-matrix rows of the review area; spread into matrixRows() by authorization.rows.ts. */
import type { RouteName } from '../../../src/contract/routes.ts';
import type { Fixture, Row } from './authorization.rows.ts';

const advisorsOnly: Row['expect'] = { guest: 'sign-in', asker: 'forbidden', otherMember: 'forbidden', advisor: 'allowed', moderator: 'forbidden' };
const managersOnly: Row['expect'] = { ...advisorsOnly, advisor: 'forbidden', moderator: 'allowed' };
const staff: Row['expect'] = { ...advisorsOnly, moderator: 'allowed' };

/** A fresh open thread by the asker, so a posted draft never meets a closed one. */
async function freshThread(f: Fixture): Promise<number> {
  const [thread] = await f.server.db.query<{ id: number }>(
    `insert into threads (category_id, author_id, title) values ($1, $2, 'Question de relecture') returning id`,
    [f.categoryId, f.server.fixtures.members.asker.id],
  );
  await f.server.db.query(`insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'question', 'Q', '<p>Q</p>')`, [thread!.id, f.server.fixtures.members.asker.id]);
  return thread!.id;
}

/** A draft by `author` (the matrix advisor by default), shared with `sharee` when given. */
async function freshDraft(f: Fixture, by: 'advisor' | 'technicalAdvisor' = 'advisor', sharee?: 'advisor' | 'technicalAdvisor'): Promise<number> {
  const { members, communityId } = f.server.fixtures;
  const [draft] = await f.server.db.query<{ id: number }>(
    `insert into review_drafts (community_id, thread_id, author_id, body_md, body_html) values ($1, $2, $3, 'Bonjour à tous', '<p>Bonjour à tous</p>') returning id`,
    [communityId, await freshThread(f), members[by].id],
  );
  if (sharee) await f.server.db.query('insert into review_draft_shares (draft_id, colleague_id) values ($1, $2)', [draft!.id, members[sharee].id]);
  return draft!.id;
}

/** A colleague's draft shared with the matrix advisor: what a reviewer acts on. */
const sharedWithAdvisor = (f: Fixture) => freshDraft(f, 'technicalAdvisor', 'advisor');

async function advisorReply(f: Fixture): Promise<number> {
  const [post] = await f.server.db.query<{ id: number }>(
    `insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'reply', 'R', '<p>R</p>') returning id`,
    [await freshThread(f), f.server.fixtures.members.advisor.id],
  );
  return post!.id;
}

export function reviewRows(): Partial<Record<RouteName, Row>> {
  return {
    createDraft: { request: async (f) => ({ method: 'POST', url: '/api/agent/drafts', payload: { threadId: await freshThread(f), body: 'Bonjour à tous' } }), expect: advisorsOnly },
    listDrafts: { request: () => ({ url: '/api/agent/drafts?scope=shared' }), expect: advisorsOnly },
    getDraft: { request: async (f) => ({ url: `/api/agent/drafts/${await sharedWithAdvisor(f)}` }), expect: advisorsOnly },
    updateDraft: { request: async (f) => ({ method: 'PATCH', url: `/api/agent/drafts/${await freshDraft(f)}`, payload: { body: 'Bonjour à tous, @Tom' } }), expect: advisorsOnly },
    shareDraft: {
      request: async (f) => ({ method: 'POST', url: `/api/agent/drafts/${await freshDraft(f)}/shares`, payload: { colleagueIds: [f.server.fixtures.members.technicalAdvisor.id] } }),
      expect: advisorsOnly,
    },
    commentDraft: { request: async (f) => ({ method: 'POST', url: `/api/agent/drafts/${await sharedWithAdvisor(f)}/comments`, payload: { body: 'Ton parfait.' } }), expect: advisorsOnly },
    approveDraft: { request: async (f) => ({ method: 'POST', url: `/api/agent/drafts/${await sharedWithAdvisor(f)}/approval`, payload: {} }), expect: advisorsOnly },
    postDraft: { request: async (f) => ({ method: 'POST', url: `/api/agent/drafts/${await freshDraft(f)}/post`, payload: {} }), expect: advisorsOnly },
    getReviewSample: { request: () => ({ url: `/api/agent/review-sample?month=${new Date().toISOString().slice(0, 7)}` }), expect: managersOnly },
    saveRubric: {
      request: async (f) => ({ method: 'PUT', url: `/api/agent/review-sample/${await advisorReply(f)}/rubric`, payload: { accuracy: 4, clarity: 3, tone: 4, involvement: 2 } }),
      expect: managersOnly,
    },
    // No back office is configured in the matrix server: the advisor gets 409, which is past authorization.
    createHandoff: { request: async (f) => ({ method: 'POST', url: `/api/threads/${await freshThread(f)}/handoffs`, payload: { reason: 'Ouvrir le compte' } }), expect: advisorsOnly },
    listHandoffs: { request: (f) => ({ url: `/api/threads/${f.threadId}/handoffs` }), expect: staff },
  };
}
