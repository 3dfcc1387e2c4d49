import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canNudgeOnThread, expertNudgeRefusal, guardian, type Actor } from '../../src/core/index.ts';

const guest: Actor = { role: 'guest' };
const member: Actor = { role: 'member', memberId: 1 };
const advisor: Actor = { role: 'advisor', memberId: 2 };
const moderator: Actor = { role: 'moderator', memberId: 3 };
const everyone = [guest, member, advisor, moderator];
const allowed = (predicate: (actor: Actor) => boolean) => everyone.map(predicate);

describe('workspace permissions', () => {
  it('gives weekly plans to advisors only', () => {
    assert.deepEqual(allowed((actor) => guardian(actor).workspace.canKeepWeeklyPlan()), [false, false, true, false]);
  });

  it('shows the team plans to advisors and moderators', () => {
    assert.deepEqual(allowed((actor) => guardian(actor).workspace.canSeeTeamPlans()), [false, false, true, true]);
  });

  it('keeps staff notes to advisors and moderators, for reading and writing', () => {
    assert.deepEqual(allowed((actor) => guardian(actor).workspace.canSeeStaffNotes()), [false, false, true, true]);
    assert.deepEqual(allowed((actor) => guardian(actor).workspace.canWriteStaffNotes()), [false, false, true, true]);
  });

  it('lets only advisors nudge experts', () => {
    assert.deepEqual(allowed((actor) => guardian(actor).workspace.canNudgeExperts()), [false, false, true, false]);
  });

  it('gives notifications to everyone signed in', () => {
    assert.deepEqual(allowed((actor) => guardian(actor).workspace.canReadNotifications()), [false, true, true, true]);
  });
});

describe('which threads take expert nudges', () => {
  const thread = { holdback: 'community-time' as const, replyCount: 3, needsAccount: false };

  it('takes them in community time, answered or not', () => {
    assert.equal(canNudgeOnThread(thread), true);
    assert.equal(canNudgeOnThread({ ...thread, replyCount: 0 }), true);
  });

  it('takes them after community time only while nobody has answered', () => {
    assert.equal(canNudgeOnThread({ ...thread, holdback: 'advisor-due', replyCount: 0 }), true);
    assert.match(expertNudgeRefusal({ ...thread, holdback: 'advisor-due' }) ?? '', /already has answers/);
    assert.equal(canNudgeOnThread({ ...thread, holdback: 'advisor-due' }), false);
  });

  it('refuses solved, confirmed or closed threads', () => {
    assert.match(expertNudgeRefusal({ ...thread, holdback: 'done', replyCount: 0 }) ?? '', /solved, confirmed or closed/);
  });

  it('refuses questions that need the customer account', () => {
    assert.match(expertNudgeRefusal({ holdback: 'advisor-now', replyCount: 0, needsAccount: true }) ?? '', /account/);
  });
});
