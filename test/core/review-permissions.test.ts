import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canEditDraft, canHandOff, canReviewDraft, canReviewQuality, canSeeDraft, canSeeHandoffs, canShareDraftWith, canWriteDrafts, type Actor,
} from '../../src/core/index.ts';

const guest: Actor = { role: 'guest' };
const member: Actor = { role: 'member', memberId: 1 };
const author: Actor = { role: 'advisor', memberId: 10 };
const colleague: Actor = { role: 'advisor', memberId: 11 };
const stranger: Actor = { role: 'advisor', memberId: 12 };
const moderator: Actor = { role: 'moderator', memberId: 20 };
const draft = { authorId: 10, sharedWith: [11], posted: false };

describe('draft permissions', () => {
  it('lets advisors only write drafts', () => {
    assert.deepEqual([guest, member, author, moderator].map(canWriteDrafts), [false, false, true, false]);
  });

  it('shows a draft to its author and the colleagues it is shared with, nobody else', () => {
    assert.deepEqual([guest, member, author, colleague, stranger, moderator].map((a) => canSeeDraft(a, draft)), [false, false, true, true, false, false]);
  });

  it('lets the author edit until the draft is posted', () => {
    assert.equal(canEditDraft(author, draft), true);
    assert.equal(canEditDraft(author, { ...draft, posted: true }), false);
    assert.equal(canEditDraft(colleague, draft), false);
  });

  it('lets the colleagues shared with review, never the author', () => {
    assert.deepEqual([author, colleague, stranger, moderator].map((a) => canReviewDraft(a, draft)), [false, true, false, false]);
    assert.equal(canReviewDraft(author, { ...draft, sharedWith: [10, 11] }), false);
  });

  it('shares with other advisors only', () => {
    assert.equal(canShareDraftWith(10, { id: 11, role: 'advisor' }), true);
    assert.equal(canShareDraftWith(10, { id: 10, role: 'advisor' }), false);
    assert.equal(canShareDraftWith(10, { id: 20, role: 'moderator' }), false);
    assert.equal(canShareDraftWith(10, { id: 1, role: 'member' }), false);
  });
});

describe('quality review and hand-off permissions', () => {
  it('gives the monthly review to managers (moderators)', () => {
    assert.deepEqual([guest, member, author, moderator].map(canReviewQuality), [false, false, false, true]);
  });

  it('lets advisors hand off and staff see the case references', () => {
    assert.deepEqual([guest, member, author, moderator].map(canHandOff), [false, false, true, false]);
    assert.deepEqual([guest, member, author, moderator].map(canSeeHandoffs), [false, false, true, true]);
  });
});
