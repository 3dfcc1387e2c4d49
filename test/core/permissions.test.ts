import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guardian, isMerged, isSignedIn, mergedThreadProblem, type Actor } from '../../src/core/index.ts';

const guest: Actor = { role: 'guest' };
const member: Actor = { role: 'member', memberId: 1 };
const advisor: Actor = { role: 'advisor', memberId: 2 };
const moderator: Actor = { role: 'moderator', memberId: 3 };
const everyone = [guest, member, advisor, moderator];

describe('forum permissions', () => {
  it('lets anyone signed in start a thread, never a guest', () => {
    assert.deepEqual(everyone.map(isSignedIn), [false, true, true, true]);
    assert.deepEqual(everyone.map((actor) => guardian(actor).threads.canStartThread()), [false, true, true, true]);
  });

  it('gives the thread lifecycle to advisors and moderators', () => {
    assert.deepEqual(everyone.map((actor) => guardian(actor).moderation.canModerate()), [false, false, true, true]);
  });

  it('takes replies on open and answered threads from anyone signed in', () => {
    for (const status of ['open', 'answered', 'solved'] as const) {
      assert.deepEqual(everyone.map((actor) => guardian(actor).threads.canReply({ status })), [false, true, true, true], status);
    }
  });

  it('lets only staff write on a closed thread, and nobody on an archived one', () => {
    assert.deepEqual(everyone.map((actor) => guardian(actor).threads.canReply({ status: 'closed' })), [false, false, true, true]);
    assert.deepEqual(everyone.map((actor) => guardian(actor).threads.canReply({ status: 'archived' })), [false, false, false, false]);
  });

  it('takes nothing on a merged thread, and says where to write instead', () => {
    assert.deepEqual(everyone.map((actor) => guardian(actor).threads.canReply({ status: 'open', mergedIntoId: 9 })), [false, false, false, false]);
    assert.equal(isMerged({ mergedIntoId: 9 }), true);
    assert.equal(isMerged({ mergedIntoId: null }), false);
    assert.equal(isMerged({}), false);
    assert.equal(mergedThreadProblem({ mergedIntoId: 9 }), 'This thread was merged into thread 9: write there.');
    assert.equal(mergedThreadProblem({ mergedIntoId: null }), null);
  });
});
