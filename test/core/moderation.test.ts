import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FLAG_RULES, flagWeight, guardian, lifecycleTransition, mergeProblem, moveProblem, shouldAutoHide, type LifecycleThread,
} from '../../src/core/index.ts';

const thread = (overrides: Partial<LifecycleThread> = {}): LifecycleThread => ({ id: 1, status: 'open', mergedIntoId: null, hasAcceptedAnswer: false, replyCount: 0, ...overrides });
const member = { role: 'member', memberId: 10 } as const;
const advisor = { role: 'advisor', memberId: 20 } as const;
const moderator = { role: 'moderator', memberId: 30 } as const;
const guest = { role: 'guest' } as const;

describe('lifecycleTransition', () => {
  it('closes and archives open threads, refuses repeating either', () => {
    assert.deepEqual(lifecycleTransition(thread({ status: 'answered' }), 'close'), { ok: true, status: 'closed' });
    assert.deepEqual(lifecycleTransition(thread({ status: 'closed' }), 'archive'), { ok: true, status: 'archived' });
    assert.deepEqual(lifecycleTransition(thread({ status: 'closed' }), 'close'), { ok: false, reason: 'This thread is already closed.' });
    assert.deepEqual(lifecycleTransition(thread({ status: 'archived' }), 'close'), { ok: false, reason: 'This thread is already archived.' });
    assert.deepEqual(lifecycleTransition(thread({ status: 'archived' }), 'archive'), { ok: false, reason: 'This thread is already archived.' });
  });

  it('reopens to what the posts say: solved, answered or open', () => {
    assert.deepEqual(lifecycleTransition(thread({ status: 'closed', hasAcceptedAnswer: true }), 'reopen'), { ok: true, status: 'solved' });
    assert.deepEqual(lifecycleTransition(thread({ status: 'archived', replyCount: 2 }), 'reopen'), { ok: true, status: 'answered' });
    assert.deepEqual(lifecycleTransition(thread({ status: 'closed' }), 'reopen'), { ok: true, status: 'open' });
    assert.deepEqual(lifecycleTransition(thread({ status: 'open' }), 'reopen'), { ok: false, reason: 'Only a closed or archived thread can be reopened.' });
  });

  it('refuses any change on a merged thread', () => {
    assert.equal(lifecycleTransition(thread({ status: 'closed', mergedIntoId: 7 }), 'reopen').ok, false);
  });
});

describe('mergeProblem and moveProblem', () => {
  it('refuses merging into itself, from or into a merged thread, into an archived one', () => {
    assert.match(mergeProblem(thread(), thread()) ?? '', /itself/);
    assert.match(mergeProblem(thread({ mergedIntoId: 3 }), thread({ id: 2 })) ?? '', /already merged/);
    assert.match(mergeProblem(thread(), thread({ id: 2, mergedIntoId: 3 })) ?? '', /merge into that one/);
    assert.match(mergeProblem(thread(), thread({ id: 2, status: 'archived' })) ?? '', /archived/);
    assert.equal(mergeProblem(thread(), thread({ id: 2, status: 'closed' })), null);
  });

  it('refuses moving to the same category or moving a merged thread', () => {
    assert.ok(moveProblem({ ...thread(), categoryId: 4 }, 4));
    assert.ok(moveProblem({ ...thread({ mergedIntoId: 2 }), categoryId: 4 }, 5));
    assert.equal(moveProblem({ ...thread(), categoryId: 4 }, 5), null);
  });
});

describe('flag weights', () => {
  it('weighs trusted members more, staff most', () => {
    assert.equal(flagWeight('member', FLAG_RULES.trustedLevel - 1), 1);
    assert.equal(flagWeight('member', FLAG_RULES.trustedLevel), 3);
    assert.equal(flagWeight('advisor', 1), 5);
    assert.equal(flagWeight('moderator', 1), 5);
  });

  it('hides at the threshold, not below', () => {
    assert.equal(shouldAutoHide(FLAG_RULES.hideThreshold - 1), false);
    assert.equal(shouldAutoHide(FLAG_RULES.hideThreshold), true);
  });
});

describe('moderation permissions', () => {
  it('lets staff moderate and only moderators grant powers', () => {
    assert.deepEqual([guest, member, advisor, moderator].map((actor) => guardian(actor).moderation.canModerate()), [false, false, true, true]);
    assert.deepEqual([guest, member, advisor, moderator].map((actor) => guardian(actor).moderation.canGrantPowers()), [false, false, false, true]);
  });

  it('lets a member review flags only with the explicit grant', () => {
    assert.equal(guardian(member).moderation.canReviewFlags([]), false);
    assert.equal(guardian(member).moderation.canReviewFlags(['review-flags']), true);
    assert.equal(guardian(guest).moderation.canReviewFlags(['review-flags']), false);
    assert.equal(guardian(advisor).moderation.canReviewFlags([]), true);
  });

  it('refuses flagging one’s own post and guests', () => {
    assert.equal(guardian(member).posts.canFlag({ authorId: 10 }), false);
    assert.equal(guardian(member).posts.canFlag({ authorId: 11 }), true);
    assert.equal(guardian(guest).posts.canFlag({ authorId: 11 }), false);
  });

  it('keeps private conversations between the asker and advisors', () => {
    assert.equal(guardian(member).private.canOpenPrivate({ authorId: 10 }), true);
    assert.equal(guardian(member).private.canOpenPrivate({ authorId: 11 }), false);
    assert.equal(guardian(moderator).private.canOpenPrivate({ authorId: 11 }), false);
    assert.equal(guardian(advisor).private.canOpenPrivate({ authorId: 11 }), true);
    assert.equal(guardian(moderator).private.canSeePrivate({ askerId: 10 }), false);
    assert.equal(guardian(guest).private.canOpenPrivate({ authorId: 10 }), false);
    assert.equal(guardian(guest).private.canSeePrivate({ askerId: 10 }), false);
    assert.equal(guardian(advisor).private.canSeePrivate({ askerId: 10 }), true);
    assert.equal(guardian(member).private.canWritePrivate({ askerId: 10, status: 'closed' }), false);
    assert.equal(guardian(member).private.canWritePrivate({ askerId: 10, status: 'open' }), true);
    assert.deepEqual([member, advisor, moderator].map((actor) => guardian(actor).private.canClosePrivate()), [false, true, false]);
  });
});
