/** Authorization-matrix rows of the moderation area; spread into matrixRows() by authorization.rows.ts. */
import type { RouteName } from '../../../src/contract/routes.ts';
import type { Fixture, Row } from './authorization.rows.ts';

type Outcome = Row['expect']['guest'];
const members: Row['expect'] = { guest: 'sign-in', asker: 'allowed', otherMember: 'allowed', advisor: 'allowed', moderator: 'allowed' };
const staff: Row['expect'] = { guest: 'sign-in', asker: 'forbidden', otherMember: 'forbidden', advisor: 'allowed', moderator: 'allowed' };
const moderatorOnly: Row['expect'] = { ...staff, advisor: 'forbidden' };
const privateParticipants = (asker: Outcome): Row['expect'] => ({ guest: 'sign-in', asker, otherMember: 'hidden', advisor: 'allowed', moderator: 'hidden' });

/** A fresh thread by the asker with a reply by the helper, so every role acts on a thread of its own. */
async function freshThread(f: Fixture): Promise<{ threadId: number; replyId: number }> {
  const { asker, helper } = f.server.fixtures.members;
  const [thread] = await f.server.db.query<{ id: number }>(
    `insert into threads (category_id, author_id, title, status, reply_count) values ($1, $2, 'Question de matrice', 'answered', 1) returning id`,
    [f.categoryId, asker.id],
  );
  await f.server.db.query(`insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'question', 'Q', '<p>Q</p>')`, [thread!.id, asker.id]);
  const [reply] = await f.server.db.query<{ id: number }>(
    `insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'reply', 'R', '<p>R</p>') returning id`,
    [thread!.id, helper.id],
  );
  await f.server.db.query('update categories set thread_count = thread_count + 1, post_count = post_count + 2 where id = $1', [f.categoryId]);
  return { threadId: thread!.id, replyId: reply!.id };
}

async function freshConversation(f: Fixture): Promise<number> {
  const { threadId } = await freshThread(f);
  const { asker, advisor } = f.server.fixtures.members;
  const [row] = await f.server.db.query<{ id: number }>(
    'insert into private_conversations (community_id, thread_id, asker_id, opened_by) values ($1, $2, $3, $4) returning id',
    [f.server.fixtures.communityId, threadId, asker.id, advisor.id],
  );
  return row!.id;
}

const threadAction = (action: string, payload: (f: Fixture) => object = () => ({})): Row => ({
  request: async (f) => ({ method: 'POST', url: `/api/threads/${(await freshThread(f)).threadId}/${action}`, payload: payload(f) }),
  expect: staff,
});

export function moderationRows(): Partial<Record<RouteName, Row>> {
  return {
    listAudit: { request: () => ({ url: '/api/audit' }), expect: staff },
    closeThread: threadAction('close'),
    reopenThread: threadAction('reopen'),
    archiveThread: threadAction('archive'),
    moveThread: threadAction('move', (f) => ({ categoryId: f.server.fixtures.categories.network })),
    mergeThread: threadAction('merge', (f) => ({ intoThreadId: f.threadId })),
    flagPost: { request: async (f) => ({ method: 'POST', url: `/api/posts/${(await freshThread(f)).replyId}/flags`, payload: { reason: 'spam' } }), expect: members },
    moderationQueue: { request: () => ({ url: '/api/moderation/queue' }), expect: staff },
    hidePost: { request: async (f) => ({ method: 'POST', url: `/api/posts/${(await freshThread(f)).replyId}/hide`, payload: { reason: 'Hors sujet' } }), expect: staff },
    restorePost: { request: async (f) => ({ method: 'POST', url: `/api/posts/${(await freshThread(f)).replyId}/restore`, payload: {} }), expect: staff },
    grantPower: {
      request: (f) => ({ method: 'POST', url: `/api/members/${f.server.fixtures.members.helper.id}/grants`, payload: { power: 'review-flags' } }),
      expect: moderatorOnly,
    },
    revokePower: { request: (f) => ({ method: 'DELETE', url: `/api/members/${f.server.fixtures.members.helper.id}/grants/review-flags` }), expect: moderatorOnly },
    openPrivate: {
      request: async (f) => ({ method: 'POST', url: `/api/threads/${(await freshThread(f)).threadId}/private`, payload: {} }),
      expect: { guest: 'sign-in', asker: 'allowed', otherMember: 'forbidden', advisor: 'allowed', moderator: 'forbidden' },
    },
    listPrivate: { request: () => ({ url: '/api/private' }), expect: members },
    getPrivate: { request: async (f) => ({ url: `/api/private/${await freshConversation(f)}` }), expect: privateParticipants('allowed'), hidden: ['otherMember', 'moderator'] },
    markPrivateRead: {
      request: async (f) => ({ method: 'PUT', url: `/api/private/${await freshConversation(f)}/read`, payload: { lastMessageId: null } }),
      expect: privateParticipants('allowed'),
      hidden: ['otherMember', 'moderator'],
    },
    postPrivateMessage: {
      request: async (f) => ({ method: 'POST', url: `/api/private/${await freshConversation(f)}/messages`, payload: { body: 'Bonjour' } }),
      expect: privateParticipants('allowed'),
      hidden: ['otherMember', 'moderator'],
    },
    closePrivate: {
      request: async (f) => ({ method: 'POST', url: `/api/private/${await freshConversation(f)}/close`, payload: { outcome: 'Réglé.' } }),
      expect: privateParticipants('forbidden'),
      hidden: ['otherMember', 'moderator'],
    },
  };
}
