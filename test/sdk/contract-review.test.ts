/**
 * SDK suite of the review area: shared drafts, the monthly quality sample and hand-off refusals,
 * through the SDK, against the mocks and the real server (creates what it needs, no seed ids).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeOf, CONTRACT_TARGETS, useCast } from '../helpers/contract-targets.ts';


for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`SDK review area against the ${name}`, { timeout: 600_000 }, () => {
    const cast = useCast(makeTarget);
    const { clients, ids } = cast;

    async function answeredThread(title: string) {
      const { thread } = await clients.newcomer.threads.create({ categoryId: cast.categoryId, title, body: 'Comment activer ma eSIM ?' });
      const answer = await clients.member.posts.reply(thread.id, { body: 'Scanne le QR code reçu par e-mail.' });
      return { threadId: thread.id, answerId: answer.id };
    }

    it('drafts, shares, reviews and posts a confirmation crediting the approving colleague', async () => {
      const { threadId, answerId } = await answeredThread('Activer une eSIM');
      const draft = await clients.advisor.drafts.create({ threadId, body: 'Bonjour à tous,\nje confirme la réponse de la communauté.', citedPostIds: [answerId] });
      await clients.advisor.drafts.share(draft.id, [ids.otherAdvisor]);
      const inbox = await clients.otherAdvisor.drafts.list({ scope: 'shared' });
      assert.ok(inbox.items.some((item) => item.id === draft.id));
      await clients.otherAdvisor.drafts.comment(draft.id, 'Très clair.');
      await clients.otherAdvisor.drafts.approve(draft.id);
      const { post, draft: posted } = await clients.advisor.drafts.post(draft.id, { creditApprovers: true });
      assert.deepEqual(post.confirmation?.assistedBy.map((a) => a.id), [ids.otherAdvisor]);
      assert.equal(posted.postedPostId, post.id);
      assert.equal(await codeOf(clients.advisor.drafts.post(draft.id)), '409 conflict');
    });

    it('keeps drafts from members, moderators and guests', async () => {
      const { threadId } = await answeredThread('Code PIN oublié');
      const draft = await clients.advisor.drafts.create({ threadId, body: 'Bonjour à tous' });
      assert.equal(await codeOf(clients.member.drafts.get(draft.id)), '403 forbidden');
      assert.equal(await codeOf(clients.moderator.drafts.get(draft.id)), '403 forbidden');
      assert.equal(await codeOf(clients.otherAdvisor.drafts.get(draft.id)), '404 not_found');
      assert.equal(await codeOf(clients.guest.drafts.list()), '401 unauthorized');
    });

    it('gives managers a stable monthly sample and saves rubrics', async () => {
      const { threadId } = await answeredThread('Forfait étranger');
      const reply = await clients.advisor.posts.reply(threadId, { body: 'Bonjour à tous, le forfait couvre l’Europe.' });
      const month = reply.createdAt.slice(0, 7);
      const sample = await clients.moderator.qualityReview.sample(month);
      assert.deepEqual(await clients.moderator.qualityReview.sample(month), sample);
      const mine = sample.advisors.find((a) => a.advisor.id === ids.advisor);
      assert.ok(mine && mine.items.length >= 1 && mine.items.length <= sample.perAdvisor);
      const rubric = await clients.moderator.qualityReview.saveRubric(reply.id, { accuracy: 4, clarity: 4, tone: 4, involvement: 2, comment: 'Citer la communauté.' });
      assert.equal(rubric.average, 3.5);
      assert.equal(await codeOf(clients.advisor.qualityReview.sample(month)), '403 forbidden');
    });

    it('refuses hand-offs to members, and (on a server with no back office) to advisors', async () => {
      const { threadId } = await answeredThread('Remboursement');
      assert.equal(await codeOf(clients.member.handoffs.create(threadId, { reason: 'Compte' })), '403 forbidden');
      assert.deepEqual((await clients.moderator.handoffs.list(threadId)).items, []);
      // The mocks play a brand whose back office answers (their `backOffice` option); the test server has none.
      if (name === 'real server') assert.equal(await codeOf(clients.advisor.handoffs.create(threadId, { reason: 'Ouvrir le compte' })), '409 conflict');
    });
  });
}
