import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guardian, type Actor } from '../../src/core/index.ts';

const guest: Actor = { role: 'guest' };
const member: Actor = { role: 'member', memberId: 1 };
const author: Actor = { role: 'advisor', memberId: 10 };
const colleague: Actor = { role: 'advisor', memberId: 11 };
const stranger: Actor = { role: 'advisor', memberId: 12 };
const moderator: Actor = { role: 'moderator', memberId: 20 };
const draft = { authorId: 10, sharedWith: [11], posted: false };

describe('draft permissions', () => {
  it('lets advisors only write drafts', () => {
    assert.deepEqual([guest, member, author, moderator].map((actor) => guardian(actor).review.canWriteDrafts()), [false, false, true, false]);
  });

  it('shows a draft to its author and the colleagues it is shared with, nobody else', () => {
    assert.deepEqual([guest, member, author, colleague, stranger, moderator].map((a) => guardian(a).review.canSeeDraft(draft)), [false, false, true, true, false, false]);
  });

  it('lets the author edit until the draft is posted', () => {
    assert.equal(guardian(author).review.canEditDraft(draft), true);
    assert.equal(guardian(author).review.canEditDraft({ ...draft, posted: true }), false);
    assert.equal(guardian(colleague).review.canEditDraft(draft), false);
  });

  it('lets the colleagues shared with review, never the author', () => {
    assert.deepEqual([author, colleague, stranger, moderator].map((a) => guardian(a).review.canReviewDraft(draft)), [false, true, false, false]);
    assert.equal(guardian(author).review.canReviewDraft({ ...draft, sharedWith: [10, 11] }), false);
  });

  it('shares with other advisors only', () => {
    assert.equal(guardian({ role: 'advisor', memberId: 10 }).review.canShareDraftWith({ id: 11, role: 'advisor' }), true);
    assert.equal(guardian({ role: 'advisor', memberId: 10 }).review.canShareDraftWith({ id: 10, role: 'advisor' }), false);
    assert.equal(guardian({ role: 'advisor', memberId: 10 }).review.canShareDraftWith({ id: 20, role: 'moderator' }), false);
    assert.equal(guardian({ role: 'advisor', memberId: 10 }).review.canShareDraftWith({ id: 1, role: 'member' }), false);
  });
});

describe('quality review and hand-off permissions', () => {
  it('gives the monthly review to managers (moderators)', () => {
    assert.deepEqual([guest, member, author, moderator].map((actor) => guardian(actor).review.canReviewQuality()), [false, false, false, true]);
  });

  it('lets advisors hand off and staff see the case references', () => {
    assert.deepEqual([guest, member, author, moderator].map((actor) => guardian(actor).review.canHandOff()), [false, false, true, false]);
    assert.deepEqual([guest, member, author, moderator].map((actor) => guardian(actor).review.canSeeHandoffs()), [false, false, true, true]);
  });
});
