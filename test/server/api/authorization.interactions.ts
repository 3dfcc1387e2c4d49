/** Authorization matrix rows of the interactions area (kudos, solution, same problem, confirmations, post edits and deletions, signature). */
import type { RouteName } from '../../../src/contract/routes.ts';
import type { Fixture, Row } from './authorization.rows.ts';

type Who = Parameters<Row['request']>[1];

const members: Row['expect'] = { guest: 'sign-in', asker: 'allowed', otherMember: 'allowed', advisor: 'allowed', moderator: 'allowed' };

/** A fresh thread by the fixtures' asker with one reply by the helper, written directly. */
async function threadWithReply(f: Fixture, accepted = false): Promise<{ threadId: number; replyId: number }> {
  const { asker, helper } = f.server.fixtures.members;
  const [thread] = await f.server.db.query<{ id: number }>(
    `insert into threads (category_id, author_id, title, status, reply_count) values ($1, $2, 'Question du tableau', 'answered', 1) returning id`,
    [f.categoryId, asker.id],
  );
  await f.server.db.query(`insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'question', 'Q ?', '<p>Q ?</p>')`, [thread!.id, asker.id]);
  const [reply] = await f.server.db.query<{ id: number }>(
    `insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'reply', 'R.', '<p>R.</p>') returning id`,
    [thread!.id, helper.id],
  );
  if (accepted) await f.server.db.query(`update threads set accepted_post_id = $2, status = 'solved' where id = $1`, [thread!.id, reply!.id]);
  return { threadId: thread!.id, replyId: reply!.id };
}

const memberId = (f: Fixture, who: Who): number | undefined => {
  const m = f.server.fixtures.members;
  return { guest: undefined, asker: m.asker.id, otherMember: m.other.id, advisor: m.advisor.id, moderator: m.moderator.id, admin: m.admin.id }[who];
};

export function interactionsRows(): Partial<Record<RouteName, Row>> {
  return {
    getPost: {
      request: async (f) => ({ url: `/api/posts/${(await threadWithReply(f)).replyId}` }),
      expect: { ...members, guest: 'allowed' },
    },
    giveKudos: {
      request: async (f) => ({ method: 'POST', url: `/api/posts/${(await threadWithReply(f)).replyId}/kudos` }),
      expect: members,
    },
    takeBackKudos: {
      request: async (f, who) => {
        const { replyId } = await threadWithReply(f);
        const id = memberId(f, who);
        if (id !== undefined) await f.server.db.query('insert into kudos (post_id, member_id) values ($1, $2)', [replyId, id]);
        return { method: 'DELETE', url: `/api/posts/${replyId}/kudos` };
      },
      expect: members,
    },
    acceptSolution: {
      request: async (f) => {
        const { threadId, replyId } = await threadWithReply(f);
        return { method: 'POST', url: `/api/threads/${threadId}/solution`, payload: { postId: replyId } };
      },
      expect: { ...members, otherMember: 'forbidden' },
    },
    withdrawSolution: {
      request: async (f) => ({ method: 'DELETE', url: `/api/threads/${(await threadWithReply(f, true)).threadId}/solution` }),
      expect: { ...members, otherMember: 'forbidden' },
    },
    markSameProblem: {
      request: async (f) => ({ method: 'POST', url: `/api/threads/${(await threadWithReply(f)).threadId}/same-problem` }),
      expect: { ...members, asker: 'forbidden' },
    },
    unmarkSameProblem: { request: (f) => ({ method: 'DELETE', url: `/api/threads/${f.threadId}/same-problem` }), expect: members },
    confirmAnswers: {
      request: async (f) => {
        const { threadId, replyId } = await threadWithReply(f);
        return { method: 'POST', url: `/api/threads/${threadId}/confirmations`, payload: { body: 'Je confirme.', citedPostIds: [replyId] } };
      },
      expect: { guest: 'sign-in', asker: 'forbidden', otherMember: 'forbidden', advisor: 'allowed', moderator: 'forbidden' },
    },
    editPost: {
      request: async (f) => {
        const { threadId } = await threadWithReply(f);
        const [question] = await f.server.db.query<{ id: number }>(`select id from posts where thread_id = $1 and kind = 'question'`, [threadId]);
        return { method: 'PATCH', url: `/api/posts/${question!.id}`, payload: { body: 'Q modifiée ?', reason: 'Coquille.' } };
      },
      expect: { ...members, otherMember: 'forbidden' },
    },
    listPostRevisions: {
      // Staff read an edited post's earlier texts; for anyone else they do not exist (404), its author included.
      request: async (f) => {
        const { replyId } = await threadWithReply(f);
        await f.server.db.query(
          `insert into post_revisions (post_id, editor_id, body_md, body_html, written_at) values ($1, $2, 'Avant.', '<p>Avant.</p>', now())`,
          [replyId, f.server.fixtures.members.helper.id],
        );
        return { url: `/api/posts/${replyId}/revisions` };
      },
      expect: { guest: 'sign-in', asker: 'hidden', otherMember: 'hidden', advisor: 'allowed', moderator: 'allowed' },
      hidden: ['asker', 'otherMember'],
    },
    deletePost: {
      // A reply by the other member: its author deletes it, staff with a reason, the asker may not.
      request: async (f) => {
        const { threadId } = await threadWithReply(f);
        const [reply] = await f.server.db.query<{ id: number }>(
          `insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'reply', 'Moi aussi.', '<p>Moi aussi.</p>') returning id`,
          [threadId, f.server.fixtures.members.other.id],
        );
        return { method: 'DELETE', url: `/api/posts/${reply!.id}`, payload: { reason: 'Doublon.' } };
      },
      expect: { ...members, asker: 'forbidden' },
    },
    updateSignature: {
      request: () => ({ method: 'PUT', url: '/api/community/signature', payload: { text: 'Merci !' } }),
      expect: { guest: 'sign-in', asker: 'forbidden', otherMember: 'forbidden', advisor: 'allowed', moderator: 'allowed' },
    },
  };
}
