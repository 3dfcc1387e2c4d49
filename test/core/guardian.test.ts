import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, guardian, isAdvisor, isRole, isStaff, type Actor, type Guardian } from '../../src/core/index.ts';

const guest: Actor = { role: 'guest' };
const member: Actor = { role: 'member', memberId: 1 };
const advisor: Actor = { role: 'advisor', memberId: 2 };
const moderator: Actor = { role: 'moderator', memberId: 3 };
const everyone = [guest, member, advisor, moderator];
const thread = { authorId: 9, status: 'open' as const };

/** One row per rule without facts: who may, in the order guest, member, advisor, moderator, and the refusal. */
const ROLE_RULES: Array<[string, (g: Guardian) => boolean, (g: Guardian) => unknown, boolean[], string]> = [
  ['start a thread', (g) => g.threads.canStartThread(), (g) => g.threads.ensureStartThread(), [false, true, true, true], 'You may not start a thread.'],
  ['confirm', (g) => g.threads.canConfirm(), (g) => g.threads.ensureConfirm(), [false, false, true, false], 'Only advisors confirm community answers.'],
  ['close a private conversation', (g) => g.private.canClosePrivate(), (g) => g.private.ensureClosePrivate(), [false, false, true, false], 'Only an advisor closes a private conversation.'],
  ['see every private conversation', (g) => g.private.canSeeEveryPrivate(), (g) => g.private.ensureSeeEveryPrivate(), [false, false, true, false], 'Only advisors see every private conversation.'],
  ['moderate', (g) => g.moderation.canModerate(), (g) => g.moderation.ensureModerate(), [false, false, true, true], 'Only moderators and advisors may do this.'],
  ['read the audit log', (g) => g.moderation.canReadAudit(), (g) => g.moderation.ensureReadAudit(), [false, false, true, true], 'Only moderators and advisors read the audit log.'],
  ['grant powers', (g) => g.moderation.canGrantPowers(), (g) => g.moderation.ensureGrantPowers(), [false, false, false, true], 'Only moderators grant moderation powers.'],
  ['see the advisor queue', (g) => g.staff.canSeeAdvisorQueue(), (g) => g.staff.ensureSeeAdvisorQueue(), [false, false, true, true], 'Only staff may see the advisor queue.'],
  ['triage threads', (g) => g.staff.canTriageThreads(), (g) => g.staff.ensureTriageThreads(), [false, false, true, false], 'Only staff may mark a thread urgent.'],
  ['manage incidents', (g) => g.staff.canManageIncidents(), (g) => g.staff.ensureManageIncidents(), [false, false, true, false], 'Only advisors declare and update incidents.'],
  ['see the metrics', (g) => g.staff.canSeeMetrics(), (g) => g.staff.ensureSeeMetrics(), [false, false, true, true], 'Only staff may see the metrics.'],
  ['edit the signature', (g) => g.staff.canEditSignature(), (g) => g.staff.ensureEditSignature(), [false, false, true, true], 'Only advisors and moderators edit the advisor signature.'],
  ['write the FAQ', (g) => g.knowledge.canWriteFaq(), (g) => g.knowledge.ensureWriteFaq(), [false, false, true, true], 'Only advisors and moderators write FAQ articles.'],
  ['keep a weekly plan', (g) => g.workspace.canKeepWeeklyPlan(), (g) => g.workspace.ensureKeepWeeklyPlan(), [false, false, true, false], 'Only advisors have a weekly plan.'],
  ['see the team plans', (g) => g.workspace.canSeeTeamPlans(), (g) => g.workspace.ensureSeeTeamPlans(), [false, false, true, true], 'Only advisors and moderators may see the team plans.'],
  ['read staff notes', (g) => g.workspace.canSeeStaffNotes(), (g) => g.workspace.ensureSeeStaffNotes(), [false, false, true, true], 'Only advisors and moderators may read staff notes.'],
  ['write staff notes', (g) => g.workspace.canWriteStaffNotes(), (g) => g.workspace.ensureWriteStaffNotes(), [false, false, true, true], 'Only advisors and moderators may write staff notes.'],
  ['nudge experts', (g) => g.workspace.canNudgeExperts(), (g) => g.workspace.ensureNudgeExperts(), [false, false, true, false], 'Only advisors may ask members to help.'],
  ['read notifications', (g) => g.workspace.canReadNotifications(), (g) => g.workspace.ensureReadNotifications(), [false, true, true, true], 'Only signed-in members have notifications.'],
  ['write drafts', (g) => g.review.canWriteDrafts(), (g) => g.review.ensureWriteDrafts(), [false, false, true, false], 'Only advisors write and review drafts.'],
  ['review quality', (g) => g.review.canReviewQuality(), (g) => g.review.ensureReviewQuality(), [false, false, false, true], 'Only managers (moderators) review the quality of advisor posts.'],
  ['hand off', (g) => g.review.canHandOff(), (g) => g.review.ensureHandOff(), [false, false, true, false], 'Only advisors hand a case to the back office.'],
  ['see hand-offs', (g) => g.review.canSeeHandoffs(), (g) => g.review.ensureSeeHandoffs(), [false, false, true, true], 'Only staff see back-office cases.'],
];

/** Sign-in words of the rules that say more than "Sign in to do this.". */
const SIGN_IN: Record<string, string> = {
  'start a thread': 'Sign in to write on the forum.',
  'manage incidents': 'Sign in to manage incidents.',
  'write the FAQ': 'Sign in to write the FAQ.',
};

const refusal = (run: () => unknown): { code: string; status: number; message: string } | null => {
  try {
    run();
    return null;
  } catch (error) {
    assert.ok(error instanceof ApiError);
    return { code: error.code, status: error.statusCode, message: error.message };
  }
};

describe('the guardian', () => {
  describe('rules decided by the role alone', () => {
    for (const [what, can, ensure, allowed, refused] of ROLE_RULES) {
      it(`lets ${['guest', 'member', 'advisor', 'moderator'].filter((_, i) => allowed[i]).join(', ')} ${what}`, () => {
        assert.deepEqual(everyone.map((actor) => can(guardian(actor))), allowed);
        everyone.forEach((actor, i) => {
          const answer = refusal(() => ensure(guardian(actor)));
          if (actor.role === 'guest') assert.deepEqual(answer, { code: 'unauthorized', status: 401, message: SIGN_IN[what] ?? 'Sign in to do this.' });
          else if (allowed[i]) assert.equal(answer, null);
          else assert.deepEqual(answer, { code: 'forbidden', status: 403, message: refused });
        });
      });
    }
  });

  it('hands back the signed-in actor from ensure…', () => {
    assert.equal(guardian(advisor).staff.ensureTriageThreads(), advisor);
    assert.equal(guardian(member).ensureSignedIn(), member);
    assert.equal(guardian(member).workspace.ensureReadNotifications(), member);
  });

  it('says whether the actor is signed in, and asks a guest to sign in with the words given', () => {
    assert.deepEqual(everyone.map((actor) => guardian(actor).signedIn), [false, true, true, true]);
    assert.equal(guardian(moderator).actor, moderator);
    assert.deepEqual(refusal(() => guardian(guest).ensureSignedIn()), { code: 'unauthorized', status: 401, message: 'Sign in to do this.' });
    assert.deepEqual(refusal(() => guardian(guest).ensureSignedIn('Sign in to reply.')), { code: 'unauthorized', status: 401, message: 'Sign in to reply.' });
  });

  it('refuses with the caller\'s words when given, after the facts', () => {
    assert.equal(refusal(() => guardian(moderator).staff.ensureTriageThreads('Only staff may see expert suggestions.'))?.message, 'Only staff may see expert suggestions.');
    assert.equal(refusal(() => guardian(member).threads.ensureConfirm(undefined, 'No.'))?.message, 'No.');
    assert.equal(refusal(() => guardian(member).posts.ensureFlag({ authorId: 1 }, 'Not yours to flag.'))?.message, 'Not yours to flag.');
    assert.equal(refusal(() => guardian(guest).staff.ensureTriageThreads('Only staff.'))?.status, 401);
  });

  describe('rules that need facts', () => {
    it('takes replies by thread state, and says why not', () => {
      const closed = { status: 'closed' as const };
      assert.deepEqual(everyone.map((actor) => guardian(actor).threads.canReply(closed)), [false, false, true, true]);
      assert.equal(refusal(() => guardian(member).threads.ensureReply(closed))?.message, 'This thread is closed: it takes no new replies.');
      assert.equal(refusal(() => guardian(advisor).threads.ensureReply({ status: 'open', mergedIntoId: 4 }))?.message, 'This thread is open: it takes no new replies.');
      assert.equal(refusal(() => guardian(guest).threads.ensureReply({ status: 'open' }))?.message, 'Sign in to write on the forum.');
    });

    it('explains a refused solution by the thread state', () => {
      assert.equal(refusal(() => guardian(advisor).threads.ensureAcceptSolution({ ...thread, status: 'archived' }))?.message, 'This thread is archived.');
      assert.equal(refusal(() => guardian(member).threads.ensureAcceptSolution(thread))?.message, 'Only the asker, an advisor or a moderator may choose the solution.');
      assert.equal(guardian({ role: 'member', memberId: 9 }).threads.ensureAcceptSolution(thread).memberId, 9);
    });

    it('explains a refused same-problem mark by who asks', () => {
      assert.equal(refusal(() => guardian({ role: 'member', memberId: 9 }).threads.ensureMarkSameProblem(thread))?.message, 'You asked this question: it is already your problem.');
      assert.equal(refusal(() => guardian(member).threads.ensureMarkSameProblem({ ...thread, status: 'archived' }))?.message, 'This thread is archived.');
    });

    it('explains a refused edit by authorship, moderation, then thread state', () => {
      const own = { authorId: 1 };
      assert.equal(refusal(() => guardian(member).posts.ensureEditPost({ authorId: 5 }, thread))?.message, 'Only its author or a moderator may edit this post.');
      assert.equal(refusal(() => guardian(member).posts.ensureEditPost({ ...own, hidden: true }, thread))?.message, 'This post is hidden by moderation.');
      assert.equal(refusal(() => guardian(member).posts.ensureEditPost(own, { ...thread, status: 'closed' }))?.message, 'This thread is closed: its posts can no longer be edited.');
      assert.equal(refusal(() => guardian(moderator).posts.ensureEditPost({ authorId: 5, hidden: true }, { ...thread, status: 'archived' })), null);
    });

    it('explains a refused deletion as the edit rule does', () => {
      const own = { authorId: 1 };
      assert.equal(refusal(() => guardian(member).posts.ensureDeletePost({ authorId: 5 }, thread))?.message, 'Only its author or a moderator may delete this post.');
      assert.equal(refusal(() => guardian(member).posts.ensureDeletePost({ ...own, hidden: true }, thread))?.message, 'This post is hidden by moderation.');
      assert.equal(refusal(() => guardian(member).posts.ensureDeletePost(own, { ...thread, status: 'archived' }))?.message, 'This thread is archived: its posts can no longer be deleted.');
      assert.equal(refusal(() => guardian(guest).posts.ensureDeletePost(own, thread))?.status, 401);
      assert.equal(refusal(() => guardian(advisor).posts.ensureDeletePost({ authorId: 5, hidden: true }, { ...thread, status: 'closed' })), null);
    });

    it('keeps kudos, flags and private conversations to the right people', () => {
      assert.equal(refusal(() => guardian(member).posts.ensureGiveKudos({ authorId: 1 }))?.message, 'Kudos thank someone else: you cannot give kudos to your own post.');
      assert.equal(refusal(() => guardian(member).posts.ensureFlag({ authorId: 1 }))?.message, 'You cannot flag your own post.');
      assert.equal(refusal(() => guardian(member).private.ensureOpenPrivate({ authorId: 5 }))?.message, 'Only an advisor or the asker may open a private conversation.');
      assert.equal(refusal(() => guardian(member).private.ensureSeePrivate({ askerId: 5 }))?.message, 'Only its asker and the advisors see a private conversation.');
      assert.equal(refusal(() => guardian(member).private.ensureWritePrivate({ askerId: 1, status: 'closed' }))?.message, 'Only its asker and the advisors write in an open private conversation.');
      assert.equal(refusal(() => guardian(member).moderation.ensureReviewFlags([]))?.message, 'Only moderators, advisors and members trusted with review may do this.');
      assert.equal(guardian(member).moderation.ensureReviewFlags(['review-flags']), member);
    });

    it('keeps drafts to their author and the colleagues they are shared with', () => {
      const draft = { authorId: 2, sharedWith: [4], posted: false };
      const colleague: Actor = { role: 'advisor', memberId: 4 };
      assert.deepEqual([...everyone, colleague].map((actor) => guardian(actor).review.canSeeDraft(draft)), [false, false, true, false, true]);
      assert.equal(refusal(() => guardian(colleague).review.ensureSeeDraft({ ...draft, sharedWith: [] }))?.message, 'Only its author and the colleagues it is shared with see a draft.');
      assert.equal(refusal(() => guardian(colleague).review.ensureEditDraft(draft))?.message, 'Only its author changes, shares or posts a draft.');
      assert.equal(refusal(() => guardian(advisor).review.ensureReviewDraft(draft))?.message, 'A colleague approves your draft; you cannot approve your own.');
      assert.equal(guardian(colleague).review.ensureReviewDraft(draft), colleague);
      assert.equal(refusal(() => guardian(advisor).review.ensureShareDraftWith({ id: 3, role: 'moderator' }))?.message, 'A draft is shared with other advisors only.');
      assert.equal(guardian(guest).review.canShareDraftWith({ id: 4, role: 'advisor' }), false);
    });
  });
});

describe('role facts', () => {
  it('has one spelling for staff, and names advisors', () => {
    assert.deepEqual((['guest', 'member', 'advisor', 'moderator'] as const).map(isStaff), [false, false, true, true]);
    assert.deepEqual((['guest', 'member', 'advisor', 'moderator'] as const).map(isAdvisor), [false, false, true, false]);
  });

  it('knows a role when it sees one', () => {
    assert.deepEqual(['member', 'advisor', 'moderator'].map(isRole), [true, true, true]);
    assert.deepEqual(['guest', 'Advisor', '', 3, null, undefined].map(isRole), [false, false, false, false, false, false]);
  });
});
