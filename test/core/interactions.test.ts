import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  confirmationProblems, creditedMembers, deletionProblem, guardian, needsEditReason, solutionProblem, statusAfterAccept, statusAfterDeletion, statusAfterUnaccept, type Actor, type CandidatePost, type ConfirmationInput,
} from '../../src/core/index.ts';
import { computeRank, DEFAULT_RANK_LADDER, rankScore, type RankLadder } from '../../src/core/ranks.ts';

const guest: Actor = { role: 'guest' };
const asker: Actor = { role: 'member', memberId: 1 };
const member: Actor = { role: 'member', memberId: 2 };
const advisor: Actor = { role: 'advisor', memberId: 3 };
const colleague: Actor = { role: 'advisor', memberId: 4 };
const moderator: Actor = { role: 'moderator', memberId: 5 };
const thread = { authorId: 1, status: 'answered' as const };

describe('who may do what', () => {
  it('gives kudos to someone else’s visible post only', () => {
    assert.equal(guardian(member).posts.canGiveKudos({ authorId: 1 }), true);
    assert.equal(guardian(asker).posts.canGiveKudos({ authorId: 1 }), false);
    assert.equal(guardian(guest).posts.canGiveKudos({ authorId: 1 }), false);
    assert.equal(guardian(member).posts.canGiveKudos({ authorId: 1, hidden: true }), false);
    assert.equal(guardian(member).posts.canGiveKudos({ authorId: 1, deleted: { by: 'author', at: '2026-01-01T00:00:00Z' } }), false);
    assert.throws(() => guardian(member).posts.ensureGiveKudos({ authorId: 1, deleted: new Date() }), { code: 'forbidden', message: 'This post is deleted: it takes no more kudos.' });
    assert.throws(() => guardian(asker).posts.ensureGiveKudos({ authorId: 1 }), { message: 'Kudos thank someone else: you cannot give kudos to your own post.' });
  });

  it('lets the asker, advisors and moderators accept a solution, not other members or on archived threads', () => {
    assert.deepEqual([asker, member, advisor, moderator, guest].map((actor) => guardian(actor).threads.canAcceptSolution(thread)), [true, false, true, true, false]);
    assert.equal(guardian(advisor).threads.canAcceptSolution({ ...thread, status: 'archived' }), false);
    assert.equal(guardian(asker).threads.canAcceptSolution({ ...thread, status: 'closed' }), false);
    assert.equal(guardian(moderator).threads.canAcceptSolution({ ...thread, status: 'closed' }), true);
  });

  it('lets signed-in members other than the asker say they have the same problem', () => {
    assert.deepEqual([asker, member, advisor, guest].map((actor) => guardian(actor).threads.canMarkSameProblem(thread)), [false, true, true, false]);
    assert.equal(guardian(member).threads.canMarkSameProblem({ ...thread, status: 'archived' }), false);
  });

  it('lets advisors only confirm, and advisors or moderators edit the signature', () => {
    assert.deepEqual([member, advisor, colleague, moderator, guest].map((actor) => guardian(actor).threads.canConfirm()), [false, true, true, false, false]);
    assert.equal(guardian(advisor).threads.canConfirm({ ...thread, status: 'archived' }), false);
    assert.deepEqual([member, advisor, moderator, guest].map((actor) => guardian(actor).staff.canEditSignature()), [false, true, true, false]);
  });
});

describe('status transitions', () => {
  it('solves on accept, except frozen threads; closed ones stay closed', () => {
    assert.equal(statusAfterAccept('open'), 'solved');
    assert.equal(statusAfterAccept('answered'), 'solved');
    assert.equal(statusAfterAccept('solved'), 'solved');
    assert.equal(statusAfterAccept('closed'), 'closed');
    assert.equal(statusAfterAccept('archived'), undefined);
  });

  it('goes back to answered, or open without replies, on unaccept', () => {
    assert.equal(statusAfterUnaccept('solved', 3), 'answered');
    assert.equal(statusAfterUnaccept('solved', 0), 'open');
    assert.equal(statusAfterUnaccept('closed', 3), 'closed');
    assert.equal(statusAfterUnaccept('archived', 3), undefined);
  });

  it('opens an answered thread again when a deletion leaves no answer by someone other than the asker', () => {
    assert.equal(statusAfterDeletion({ status: 'answered', answersLeft: 0 }, false), 'open');
    assert.equal(statusAfterDeletion({ status: 'answered', answersLeft: 1 }, false), undefined);
    assert.equal(statusAfterDeletion({ status: 'answered', answersLeft: 0 }, true), undefined, "the asker's reply never made it answered");
    for (const status of ['open', 'solved', 'closed', 'archived'] as const) assert.equal(statusAfterDeletion({ status, answersLeft: 0 }, false), undefined);
  });
});

const post = (overrides: Partial<CandidatePost>): CandidatePost => ({ id: 10, threadId: 7, kind: 'reply', authorId: 2, authorRole: 'member', hidden: false, ...overrides });

describe('solutionProblem', () => {
  it('accepts a visible reply of the thread by someone other than the asker', () => {
    assert.equal(solutionProblem({ id: 7, authorId: 1 }, post({})), undefined);
  });
  it('refuses missing, hidden, foreign, question and asker posts', () => {
    for (const candidate of [undefined, post({ hidden: true }), post({ threadId: 8 }), post({ kind: 'question' }), post({ authorId: 1 })]) {
      assert.ok(solutionProblem({ id: 7, authorId: 1 }, candidate));
    }
  });
});

describe('confirmationProblems', () => {
  const valid: ConfirmationInput = {
    threadId: 7, advisorId: 3, citedPostIds: [10, 11], citedPosts: [post({ id: 10 }), post({ id: 11, authorId: 6 })],
    assistedByIds: [4], assistants: [{ id: 4, role: 'advisor' }], faqArticleIds: [1], knownFaqArticleIds: [1],
  };

  it('accepts community replies of the thread, colleagues and known articles', () => {
    assert.deepEqual(confirmationProblems(valid), []);
    assert.deepEqual(confirmationProblems({ ...valid, assistedByIds: [], faqArticleIds: [] }), []);
  });

  it('names each problem by its field, and says which rule refused', () => {
    const cases: [Partial<ConfirmationInput>, string, string][] = [
      [{ citedPostIds: [] }, '/citedPostIds', 'cite at least one community reply'],
      [{ citedPostIds: [99] }, '/citedPostIds', 'post 99 is not a visible post of this thread'],
      [{ citedPosts: [post({ id: 10, threadId: 8 }), post({ id: 11 })] }, '/citedPostIds', 'post 10 is not a visible post of this thread'],
      [{ citedPosts: [post({ id: 10, kind: 'question' }), post({ id: 11 })] }, '/citedPostIds', 'post 10 is not a reply'],
      [{ citedPosts: [post({ id: 10, authorId: 3, authorRole: 'advisor' }), post({ id: 11 })] }, '/citedPostIds', 'post 10 is your own'],
      [{ citedPosts: [post({ id: 10, authorId: 4, authorRole: 'advisor' }), post({ id: 11 })] }, '/citedPostIds', "post 10 is an advisor's: credit colleagues with assistedByIds"],
      [{ citedPosts: [post({ id: 10, hidden: true }), post({ id: 11 })] }, '/citedPostIds', 'post 10 is not a visible post of this thread'],
      [{ assistedByIds: [3], assistants: [{ id: 3, role: 'advisor' }] }, '/assistedByIds', 'you cannot credit yourself'],
      [{ assistedByIds: [2], assistants: [{ id: 2, role: 'member' }] }, '/assistedByIds', 'member 2 is not an advisor'],
      [{ assistedByIds: [99], assistants: [] }, '/assistedByIds', 'member 99 is not an advisor'],
      [{ faqArticleIds: [2] }, '/faqArticleIds', 'FAQ article 2 does not exist'],
    ];
    for (const [overrides, path, message] of cases) {
      assert.deepEqual(confirmationProblems({ ...valid, ...overrides }), [{ path, message }], JSON.stringify(overrides));
    }
  });

  it('credits each cited member once', () => {
    const posts = [post({ id: 10, authorId: 2 }), post({ id: 11, authorId: 2 }), post({ id: 12, authorId: 6 })];
    assert.deepEqual(creditedMembers(posts, [10, 11, 12]), [2, 6]);
    assert.deepEqual(creditedMembers(posts, [12]), [6]);
  });
});

describe('confirmed answers in the rank', () => {
  const base = { posts: 0, acceptedAnswers: 0, kudosReceived: 0, daysSinceJoining: 1000 };

  it('weigh 10 by default, like accepted answers, and nothing when absent', () => {
    assert.equal(rankScore({ ...base, confirmedAnswers: 1 }), 10);
    assert.equal(rankScore({ ...base, confirmedAnswers: 1 }), rankScore({ ...base, acceptedAnswers: 1 }));
    assert.equal(rankScore(base), 0);
  });

  it('fall back to the accepted-answer weight in ladders stored without their own weight', () => {
    const ladder: RankLadder = { ...DEFAULT_RANK_LADDER, weights: { post: 1, acceptedAnswer: 7, kudos: 2 } };
    assert.equal(rankScore({ ...base, confirmedAnswers: 2 }, ladder.weights), 14);
    assert.equal(rankScore({ ...base, confirmedAnswers: 2 }, { ...ladder.weights, confirmedAnswer: 3 }), 6);
  });

  it('cross a step exactly at its score', () => {
    // Level 4 needs 30 points: 2 confirmed answers + 9 posts is one short, + 10 posts reaches it.
    assert.equal(computeRank({ ...base, posts: 9, confirmedAnswers: 2 }).level, 3);
    assert.equal(computeRank({ ...base, posts: 10, confirmedAnswers: 2 }).level, 4);
  });
});

describe('canEditPost', () => {
  const own = { authorId: 2 };

  it('lets the author edit their visible post while the thread takes their replies', () => {
    for (const status of ['open', 'answered', 'solved'] as const) assert.equal(guardian(member).posts.canEditPost(own, { ...thread, status }), true, status);
  });

  it('refuses the author on closed or archived threads and on hidden posts', () => {
    assert.equal(guardian(member).posts.canEditPost(own, { ...thread, status: 'closed' }), false);
    assert.equal(guardian(member).posts.canEditPost(own, { ...thread, status: 'archived' }), false);
    assert.equal(guardian(member).posts.canEditPost({ ...own, hidden: true }, thread), false);
  });

  it('refuses other members and guests', () => {
    assert.equal(guardian(asker).posts.canEditPost(own, thread), false);
    assert.equal(guardian(guest).posts.canEditPost(own, thread), false);
  });

  it('lets advisors and moderators edit any post, even hidden or on an archived thread', () => {
    for (const staff of [advisor, moderator]) {
      assert.equal(guardian(staff).posts.canEditPost({ ...own, hidden: true }, { ...thread, status: 'archived' }), true);
    }
  });

  it('asks a reason only when someone edits another person’s post', () => {
    assert.equal(needsEditReason(moderator, own), true);
    assert.equal(needsEditReason(moderator, { authorId: 5 }), false);
    assert.equal(needsEditReason(member, own), false);
  });
});

describe('canDeletePost and deletionProblem', () => {
  const own = { authorId: 2 };
  const actors: Actor[] = [member, asker, advisor, moderator];

  it('follow the edit rule: the author while the thread takes their edits, staff any post', () => {
    for (const status of ['open', 'answered', 'solved', 'closed', 'archived'] as const) {
      for (const hidden of [false, true]) {
        for (const actor of actors) {
          const post = { ...own, hidden };
          const can = guardian(actor).posts;
          assert.equal(can.canDeletePost(post, { ...thread, status }), can.canEditPost(post, { ...thread, status }), `${actor.role} ${status} ${hidden}`);
        }
      }
    }
    assert.equal(guardian(guest).posts.canDeletePost(own, thread), false);
  });

  it('keep a question and a post already deleted from being deleted, whoever asks', () => {
    assert.equal(deletionProblem({ kind: 'reply' }), undefined);
    assert.equal(deletionProblem({ kind: 'trace' }), undefined);
    assert.match(deletionProblem({ kind: 'question' }) ?? '', /question opens its thread/);
    assert.equal(deletionProblem({ kind: 'reply', deleted: { by: 'author', at: '2026-01-01T00:00:00.000Z' } }), 'This post is already deleted.');
  });
});
